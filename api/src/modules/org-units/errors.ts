// Refusals of the unit rules, with their own codes where a client acts on them differently from a
// plain CONFLICT or BAD_USER_INPUT (move the members or child units first; pick another parent).
import type { GraphQLError } from 'graphql';
import { appError, defineCodes } from '../../shared/errors.js';
import { KIND_ZH } from './kinds.js';

export const OrgUnitCode = defineCodes('org-units', {
  UNIT_NOT_EMPTY: {
    en: 'The unit still has members or live child units (`extensions.members`, `extensions.children`): move them to another unit (or merge the unit) first.',
    zh: '该组织仍有党员或未撤销的下级组织（见 `extensions.members`、`extensions.children`）：请先将其转移到其他组织（或合并该组织）。',
  },
  UNIT_KIND_ORDER: {
    en: 'The units would break the set order 党委 > 党总支 > 党支部 > 党小组 (a group sits only in a branch; a unit only under a higher kind).',
    zh: '不符合 党委 > 党总支 > 党支部 > 党小组 的组织层级（党小组只能设在党支部之下，组织只能隶属于更高一级组织）。',
  },
  UNIT_DISSOLVED: {
    en: 'The unit was dissolved: it keeps its history, but nothing new is added to it and it is not changed.',
    zh: '该组织已撤销：其历史记录保留，但不能再变更或添加内容。',
  },
});

export function unitNotEmpty(name: string, members: number, children: number): GraphQLError {
  const what = [members ? `${members} member${members === 1 ? '' : 's'}` : '', children ? `${children} live child unit${children === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ');
  const whatZh = [members ? `${members} 名党员` : '', children ? `${children} 个下级组织` : ''].filter(Boolean).join('和');
  return appError(OrgUnitCode.UNIT_NOT_EMPTY, `${name} still has ${what}: move them to another unit (or merge ${name} into another) before dissolving it, so nothing is left without a unit.`, {
    messageZh: `${name} 仍有${whatZh}：请先将其转移到其他组织（或将该组织合并到其他组织）后再撤销，避免出现无所属组织的情况。`,
    extensions: { members, children },
  });
}

export function kindOrder(kind: string, parentKind: string, parentName: string): GraphQLError {
  return appError(OrgUnitCode.UNIT_KIND_ORDER, `A ${kind} cannot sit under ${parentName} (a ${parentKind}): the order is COMMITTEE > GENERAL_BRANCH > BRANCH > GROUP, and a GROUP sits only in a BRANCH.`, {
    messageZh: `${KIND_ZH[kind] ?? kind}不能隶属于${parentName}（${KIND_ZH[parentKind] ?? parentKind}）：组织层级为 党委 > 党总支 > 党支部 > 党小组，党小组只能设在党支部之下。`,
    extensions: { kind, parentKind },
  });
}

export function unitDissolved(name: string): GraphQLError {
  return appError(OrgUnitCode.UNIT_DISSOLVED, `${name} was dissolved; it cannot be changed or receive anything new.`, {
    messageZh: `${name} 已撤销，不能再变更或接收新的内容。`,
  });
}

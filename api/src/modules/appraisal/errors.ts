// Refusals of the appraisal rules. Wrong-phase actions and duplicates are CONFLICT (retrying
// the same request cannot succeed); the one-third rule has its own code with its numbers.
import type { GraphQLError } from 'graphql';
import type { AppraisalStatus } from '@lianjian/db';
import { appError, conflict, defineCodes } from '../../shared/errors.js';
import { STATUS_ZH, type CapBreach } from './rules.js';

export const AppraisalCode = defineCodes('appraisal', {
  EXCELLENT_QUOTA_EXCEEDED: { en: 'More than one third of the roster would be rated EXCELLENT; `extensions` gives the roster size, the cap and the count.', zh: '评为「优秀」的人数将超过参评人数的三分之一；`extensions` 给出参评人数、上限和现有人数。' },
});

export function wrongPhase(action: string, actionZh: string, status: AppraisalStatus, allowed: readonly AppraisalStatus[]): GraphQLError {
  return conflict(
    `Cannot ${action}: the campaign is ${status}; this is allowed only while it is ${allowed.join(' or ')}.`,
    `不能${actionZh}：评议当前处于「${STATUS_ZH[status]}」阶段，只有在「${allowed.map((s) => STATUS_ZH[s]).join('」或「')}」阶段才可以。`,
    { status, allowed },
  );
}

export function capExceeded(b: CapBreach): GraphQLError {
  return appError(
    AppraisalCode.EXCELLENT_QUOTA_EXCEEDED,
    `At most one third of the ${b.rosterSize} members on the roster may be rated EXCELLENT: floor(${b.rosterSize}/3) = ${b.cap}, but these ratings give ${b.excellent}.`,
    {
      messageZh: `评为「优秀」的党员不得超过参评党员的三分之一：参评 ${b.rosterSize} 人，最多 ${b.cap} 人（${b.rosterSize}÷3 向下取整），现有 ${b.excellent} 人。`,
      extensions: { rosterSize: b.rosterSize, cap: b.cap, excellent: b.excellent },
    },
  );
}

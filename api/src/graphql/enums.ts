// GraphQL enums mirroring the database enums; import these refs rather than redefining them.
import { $Enums } from '@lianjian/db';
import { builder } from './builder.js';

/** The GraphQL enum of a database enum: the same name and values, with what they mean. */
export function dbEnum<N extends keyof typeof $Enums>(name: N, description?: string) {
  return builder.enumType($Enums[name] as (typeof $Enums)[N], { name, description } as never);
}

export const RoleEnum = dbEnum('Role', 'Account role (角色)');
export const OrgUnitKindEnum = dbEnum('OrgUnitKind', '党委 / 党总支 / 党支部 / 党小组');
export const GenderEnum = dbEnum('Gender');
export const EducationEnum = dbEnum('Education');
export const MemberStageEnum = dbEnum('MemberStage', '申请人 / 积极分子 / 发展对象 / 预备党员 / 正式党员');
export const MemberStatusEnum = dbEnum('MemberStatus');

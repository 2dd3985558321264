// GraphQL enums mirroring the database enums; import these refs rather than redefining them.
import { Education, Gender, MemberStage, MemberStatus, OrgUnitKind, Role } from '@lianjian/db';
import { builder } from './builder.js';

export const RoleEnum = builder.enumType(Role, { name: 'Role', description: 'Account role (角色)' });
export const OrgUnitKindEnum = builder.enumType(OrgUnitKind, { name: 'OrgUnitKind', description: '党委 / 党总支 / 党支部 / 党小组' });
export const GenderEnum = builder.enumType(Gender, { name: 'Gender' });
export const EducationEnum = builder.enumType(Education, { name: 'Education' });
export const MemberStageEnum = builder.enumType(MemberStage, {
  name: 'MemberStage',
  description: '申请人 / 积极分子 / 发展对象 / 预备党员 / 正式党员',
});
export const MemberStatusEnum = builder.enumType(MemberStatus, { name: 'MemberStatus' });

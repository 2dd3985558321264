// Refusals of the dues rules, with their own codes where a client acts on them differently from
// a plain CONFLICT or BAD_USER_INPUT.
import type { GraphQLError } from 'graphql';
import { appError, defineCodes } from '../../shared/errors.js';

export const DuesCode = defineCodes('dues', {
  DUES_MONTH_ALREADY_PAID: {
    en: 'A month of the payment is already paid; `extensions.months` lists them. Correct the earlier payment instead of paying twice.',
    zh: '所交月份中已有月份交过党费（见 `extensions.months`）；如有错误，请更正原记录，不要重复交纳。',
  },
  DUES_BASE_NOT_CHECKED: {
    en: 'No base checked by the branch for the year of a month (`extensions.years`): declare and check the base first.',
    zh: '有月份所在年度（见 `extensions.years`）的党费基数尚未经支部核定：请先申报并核定基数。',
  },
  DUES_HIGHER_APPROVAL_REQUIRED: {
    en: 'A hardship reduction or exemption is approved by the level above the branch, by someone other than who proposed it.',
    zh: '困难党员减免党费须经支部以上的上级组织批准，且批准人不能是提出人。',
  },
});

export function monthAlreadyPaid(months: string[]): GraphQLError {
  return appError(DuesCode.DUES_MONTH_ALREADY_PAID, `Dues for ${months.join(', ')} are already paid; correct the earlier payment if it was wrong.`, {
    messageZh: `${months.join('、')} 的党费已交纳；如原记录有误，请先更正原记录。`,
    extensions: { months },
  });
}

export function baseNotChecked(years: number[]): GraphQLError {
  return appError(DuesCode.DUES_BASE_NOT_CHECKED, `The member has no base checked by the branch for ${years.join(', ')}; declare and check it first.`, {
    messageZh: `该党员 ${years.join('、')} 年度的党费基数尚未经支部核定，请先申报并核定。`,
    extensions: { years },
  });
}

export function higherApprovalRequired(why: string, whyZh: string): GraphQLError {
  return appError(DuesCode.DUES_HIGHER_APPROVAL_REQUIRED, `A hardship decision is approved by the level above the member's branch: ${why}`, {
    messageZh: `困难党员减免党费须由支部的上级组织批准：${whyZh}`,
  });
}

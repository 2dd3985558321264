// Server side shared by the dues pages: the statement's fields, and reading a base declaration
// from a form (yuan typed by a person → fen for the API, refused with a clear message otherwise).
import { data } from 'react-router';
import { graphql } from '../graphql';
import type { AccountContext } from './auth.server';
import { parseYuan } from './dues';
import type { FormFailure } from './meetings-form';

graphql(`fragment DuesStatementFields on DuesStatement {
  memberId memberName year dueFen paidFen extraFen
  base { id version year category baseFen fixedFen rateBp monthlyDueFen status checkedOn proof { ...ProofFields } }
  months { month dueFen paidFen hardship status }
  payments { id version months monthAmounts extraFen amountFen method reference paidOn receiptNo correctsId correctedBy reason proof { ...ProofFields } }
}`);

const DECLARE = graphql(`mutation DeclareDuesBase($input: DeclareDuesBaseInput!) { declareDuesBase(input: $input) { id status monthlyDueFen } }`);

export const DUES_CATEGORIES = ['IN_WORK', 'RETIRED', 'OTHER', 'FARMER', 'LOW_INCOME'] as const;
type Category = (typeof DUES_CATEGORIES)[number];

/** A refused form before anything reaches the API (same shape as the API's refusals). */
export function duesBadForm(intent: string, field: string | null, message: string, messageZh: string) {
  return data<FormFailure>(
    { ok: false, intent, error: { code: 'BAD_USER_INPUT', message, messageZh }, fields: field ? [{ field, message, messageZh }] : [] },
    { status: 400 },
  );
}

/** An amount field in yuan as fen, or a refusal naming the field. */
export function yuanField(intent: string, field: string, text: string, required = true): { fen: number | null } | { refusal: ReturnType<typeof duesBadForm> } {
  if (!text) {
    return required ? { refusal: duesBadForm(intent, field, 'is required: an amount in yuan, e.g. 30 or 30.50.', '请填写金额（元），例如 30 或 30.50。') } : { fen: null };
  }
  const fen = parseYuan(text);
  if (fen === null) return { refusal: duesBadForm(intent, field, `"${text}" is not an amount in yuan with at most two decimals.`, `“${text}”不是有效的金额（元，最多两位小数）。`) };
  return { fen };
}

/** Declares a base from the posted form (the member's own, or a writer's for a member). */
export async function declareFromForm(ctx: AccountContext, intent: string, memberId: string, text: (name: string) => string) {
  const category = text('category') as Category;
  if (!(DUES_CATEGORIES as readonly string[]).includes(category)) return { refusal: duesBadForm(intent, 'category', 'Choose a category.', '请选择类别。') };
  const year = Number(text('year'));
  const rated = category === 'IN_WORK' || category === 'RETIRED' || category === 'OTHER';
  const base = rated ? yuanField(intent, 'baseFen', text('baseYuan')) : { fen: null };
  if ('refusal' in base) return base;
  const fixed = category === 'FARMER' ? yuanField(intent, 'fixedFen', text('fixedYuan')) : { fen: null };
  if ('refusal' in fixed) return fixed;
  const r = await ctx.call(DECLARE, {
    input: { memberId, year, category, ...(base.fen !== null ? { baseFen: base.fen } : {}), ...(fixed.fen !== null ? { fixedFen: fixed.fen } : {}) },
  });
  return { declared: r.declareDuesBase };
}

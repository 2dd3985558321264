// The finance office's dues report: the API computes it (duesReportCsv, one row per member of the
// viewer's subtree, amounts in yuan); the CSV download passes it on as it is, and the .xlsx
// download writes the same rows into a workbook, so the two files can never disagree.
import { data } from 'react-router';
import type { Messages } from '../i18n/messages';
import { graphql } from '../graphql';
import type { AccountContext } from './auth.server';
import { parseCsv } from './csv';
import { chinaToday } from './format';
import { pageUrl } from './session.server';

const REPORT = graphql(`query DuesReportCsv($year: Int) { duesReportCsv(year: $year) }`);

export async function duesReport(ctx: AccountContext, request: Request): Promise<{ csv: string; year: number }> {
  const asked = pageUrl(request).searchParams.get('year');
  const text = asked === null || asked === '' ? chinaToday().slice(0, 4) : asked;
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 2000 || year > 2100) {
    throw data({ code: 'BAD_USER_INPUT', message: `"${asked}" is not a year from 2000 to 2100.`, messageZh: `“${asked}”不是 2000 至 2100 之间的年度。` }, { status: 400 });
  }
  const r = await ctx.query(REPORT, { year });
  return { csv: r.duesReportCsv, year };
}

// The report's columns: member, unit, category, base, monthly due, twelve months, due, paid, months unpaid.
const FIRST_MONEY = 3;
const CATEGORY = 2;
const UNPAID = 19;
const AMOUNT = /^-?\d+\.\d{2}$/;

export async function duesXlsx(csv: string, t: Messages): Promise<ArrayBuffer> {
  const parsed = parseCsv(csv);
  if ('error' in parsed) throw new Error(`the API's dues CSV has an unterminated quote on line ${parsed.line}`);
  const [head = [], ...rows] = parsed.rows;
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Lianjian';
  const sheet = book.addWorksheet(t.dues.xlsxSheet, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  sheet.addRow(head).font = { bold: true };
  for (const cells of rows) {
    sheet.addRow(
      cells.map((cell, i) => {
        if (i === CATEGORY) return t.dues.categories[cell] ?? cell;
        // Amounts as numbers, so the finance office can add them up; yuan with two decimals is
        // exact in a double for any amount a dues report holds.
        if (i >= FIRST_MONEY && i !== UNPAID && AMOUNT.test(cell)) return Number(cell);
        if (i === UNPAID && /^\d+$/.test(cell)) return Number(cell);
        return cell;
      }),
    );
  }
  sheet.columns.forEach((col, i) => {
    col.width = i < 2 ? 16 : i === CATEGORY ? 12 : 11;
    if (i >= FIRST_MONEY && i !== UNPAID) col.numFmt = '0.00';
  });
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}

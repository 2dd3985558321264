// Reading uploaded member files: the encodings Excel writes in China (GB18030/GBK CSV, UTF-16
// "Unicode text", UTF-8 with or without BOM), an .xlsx workbook, and a clear refusal of anything else.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { decodeText, decodeUpload } from '../app/lib/decode.server';
import { readImportCsv } from '../app/lib/import';
import { gbk } from './gbk';

const CSV = '姓名,性别,出生日期,民族,学历\r\n刘晓东,男,1979-03-08,汉族,大学本科\r\n';
const ROW = { name: '刘晓东', gender: '男', birthDate: '1979-03-08', ethnicity: '汉族', education: '大学本科' };

const utf16be = (s: string) => Buffer.from(Buffer.from(s, 'utf16le').swap16());

describe('decoding uploaded CSV files', () => {
  it('reads GB18030/GBK bytes, as Excel in China saves a CSV', async () => {
    // 姓名 and 刘晓东 as GBK bytes, and U+20000 (𠀀) in GB18030's four-byte form.
    const known = Buffer.from('d0d5c3fb2cc1f5cffeb6ab2c95328236', 'hex');
    expect(decodeText(known)).toEqual({ text: '姓名,刘晓东,𠀀', encoding: 'gb18030' });
    expect(gbk('姓名,刘晓东')).toEqual(known.subarray(0, 11));

    const file = await decodeUpload('党员名册.csv', gbk(CSV));
    expect(file).toMatchObject({ ok: true, encoding: 'gb18030' });
    expect(file.ok && readImportCsv(file.text)).toEqual({ ok: true, columns: ['name', 'gender', 'birthDate', 'ethnicity', 'education'], rows: [ROW] });
  });

  it('reads UTF-8 with and without a byte-order mark', async () => {
    for (const bytes of [Buffer.from(CSV), Buffer.from(`\uFEFF${CSV}`)]) {
      const file = await decodeUpload('roster.CSV', bytes);
      expect(file).toMatchObject({ ok: true, encoding: 'utf-8' });
      expect(file.ok && readImportCsv(file.text)).toMatchObject({ ok: true, rows: [ROW] });
    }
  });

  it('reads UTF-16 with a byte-order mark, tab-separated as Excel\'s "Unicode text" is', async () => {
    const tsv = `\uFEFF${CSV.replaceAll(',', '\t')}`;
    for (const [bytes, encoding] of [[Buffer.from(tsv, 'utf16le'), 'utf-16le'], [utf16be(tsv), 'utf-16be']] as const) {
      const file = await decodeUpload('党员名册.txt', bytes);
      expect(file).toMatchObject({ ok: true, encoding });
      expect(file.ok && readImportCsv(file.text)).toMatchObject({ ok: true, rows: [ROW] });
    }
  });
});

describe('reading .xlsx workbooks', () => {
  it('reads the first worksheet, its first row as headers, dates and numbers as text', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('名册');
    sheet.addRow(['姓名', '性别', '出生日期', '民族', '学历', '联系电话', '家庭住址']);
    sheet.addRow(['刘晓东', '男', new Date(Date.UTC(1979, 2, 8)), '汉族', '大学本科', 13912345678, '北京市海淀区, 3 号楼']);
    sheet.addRow(['李娜', '女', '1991-01-02', '汉族', { richText: [{ text: '研究' }, { text: '生' }] }]);
    book.addWorksheet('其他').addRow(['不读这个']);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());

    const file = await decodeUpload('名册.xlsx', bytes);
    expect(file).toMatchObject({ ok: true, encoding: 'xlsx' });
    expect(file.ok && readImportCsv(file.text)).toEqual({
      ok: true,
      columns: ['name', 'gender', 'birthDate', 'ethnicity', 'education', 'phone', 'address'],
      rows: [
        { ...ROW, phone: '13912345678', address: '北京市海淀区, 3 号楼' },
        { name: '李娜', gender: '女', birthDate: '1991-01-02', ethnicity: '汉族', education: '研究生' },
      ],
    });
  });

  it('refuses other files by name, and a broken workbook', async () => {
    const ole = Buffer.from('d0cf11e0a1b11ae1', 'hex');
    expect(await decodeUpload('名册.xls', ole)).toEqual({ ok: false, problem: 'unsupported-file', detail: '名册.xls' });
    expect(await decodeUpload('名册.csv', ole)).toEqual({ ok: false, problem: 'unsupported-file', detail: '名册.csv' });
    expect(await decodeUpload('名册.pdf', Buffer.from('%PDF-1.7'))).toMatchObject({ ok: false, problem: 'unsupported-file' });
    expect(await decodeUpload('名册.docx', Buffer.from('504b030414', 'hex'))).toMatchObject({ ok: false, problem: 'unsupported-file' });
    expect(await decodeUpload('名册.xlsx', Buffer.from('not a zip'))).toEqual({ ok: false, problem: 'unreadable-xlsx', detail: '名册.xlsx' });
  });
});

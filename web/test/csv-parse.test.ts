import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../app/lib/csv';

describe('parseCsv', () => {
  it('reads quoted cells with commas, quotes and line breaks, CRLF or LF, and drops the BOM', () => {
    const text = '\uFEFF姓名,地址\r\n"张三","北京市,海淀区"\n李四,"说""好""\n第二行"\r\n';
    expect(parseCsv(text)).toEqual({ rows: [['姓名', '地址'], ['张三', '北京市,海淀区'], ['李四', '说"好"\n第二行']] });
  });

  it('skips blank lines, keeps empty cells and reads a last line without a line end', () => {
    expect(parseCsv('a,,c\n\n,b,\nx')).toEqual({ rows: [['a', '', 'c'], ['', 'b', ''], ['x']] });
  });

  it('reports the line of an unterminated quote', () => {
    expect(parseCsv('a,b\nc,"d\ne')).toEqual({ error: 'unterminated-quote', line: 2 });
  });

  it('reads back what toCsv writes', () => {
    const rows = [['名称', '备注'], ['x,y', 'say "hi"'], ['多行\n文本', '']];
    expect(parseCsv(toCsv(rows))).toEqual({ rows });
  });
});

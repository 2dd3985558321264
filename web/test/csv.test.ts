import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../app/lib/csv';

describe('CSV export', () => {
  it('quotes cells with separators, quotes or line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('机关第一党支部')).toBe('机关第一党支部');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('starts with a byte-order mark and ends rows with CRLF', () => {
    const text = toCsv([
      ['组织', 'FULL'],
      ['一支部', 3],
    ]);
    expect(text).toBe('\uFEFF组织,FULL\r\n一支部,3\r\n');
  });
});

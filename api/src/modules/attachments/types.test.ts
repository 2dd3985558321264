// Type detection by content, file names, and the download header.
import { describe, expect, it } from 'vitest';
import { contentDisposition } from './http.js';
import { cleanName, detectType } from './types.js';

const b = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('detectType', () => {
  it('finds JPEG, PNG, WebP and PDF from their first bytes, whatever the name says', () => {
    expect(detectType(b([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))).toEqual({ ok: true, type: 'image/jpeg' });
    expect(detectType(b([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a], 'rest'))).toEqual({ ok: true, type: 'image/png' });
    expect(detectType(b('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toEqual({ ok: true, type: 'image/webp' });
    expect(detectType(b('%PDF-1.7\n'))).toEqual({ ok: true, type: 'application/pdf' });
  });

  it('refuses markup as markup (SVG, HTML, XML, after a BOM or blanks) and anything else as unknown', () => {
    for (const text of ['<svg xmlns="http://www.w3.org/2000/svg"/>', '\uFEFF  <?xml version="1.0"?><svg/>', '<!DOCTYPE html><p>x', '<HTML><body>', '\n\n<script>alert(1)</script>']) {
      expect(detectType(Buffer.from(text, 'utf8'))).toEqual({ ok: false, markup: true });
    }
    expect(detectType(Buffer.from('plain words'))).toEqual({ ok: false, markup: false });
    expect(detectType(b('RIFF', [1, 2, 3, 4], 'WAVE'))).toEqual({ ok: false, markup: false });
    expect(detectType(Buffer.alloc(0))).toEqual({ ok: false, markup: false });
  });
});

describe('cleanName', () => {
  it('keeps the last path part without control or bidi characters, and names a nameless file', () => {
    expect(cleanName('C:\\scans\\入党申请书.pdf', 'application/pdf')).toBe('入党申请书.pdf');
    expect(cleanName('../../etc/passwd', 'image/png')).toBe('passwd');
    expect(cleanName('a\u202egnp.exe', 'image/png')).toBe('agnp.exe');
    expect(cleanName('', 'image/jpeg')).toBe('附件.jpg');
    expect(cleanName('..', 'application/pdf')).toBe('附件.pdf');
    expect(cleanName('x'.repeat(300), 'image/png')).toHaveLength(120);
  });
});

describe('contentDisposition', () => {
  it('is always an attachment, with an ASCII fallback and the UTF-8 name', () => {
    const h = contentDisposition('会议纪要 "第1页".png');
    expect(h.startsWith('attachment; filename="')).toBe(true);
    expect(h).toContain(`filename*=UTF-8''${encodeURIComponent('会议纪要 "第1页".png')}`);
    expect(h.match(/filename="([^"]*)"/)![1]).toMatch(/^[\x20-\x7e]+$/);
  });
});

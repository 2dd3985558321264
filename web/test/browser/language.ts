// What a page shows that is not in its language: internal codes (SNAKE_CASE, field paths such as
// input.title, role and status names), English words on a Chinese page, Chinese on an English one.
// User data (names, titles, minutes — rendered in <bdi> by UserText), code and hashes (<code>,
// <pre>, <kbd>, <samp>) and elements marked translate="no" are not interface text and are skipped;
// so is the language switch, which names the other language in that language.
import type { Page } from 'playwright-core';

/** Latin words a Chinese page may show: names of formats, standards and the product. */
export const LATIN_ALLOWED = [
  'API', 'RPC', 'CSV', 'JSON', 'GraphQL', 'GraphiQL', 'TOTP', 'SHA', 'RFC', 'UTF', 'BOM', 'URL', 'ID', 'UUID', 'Merkle',
  'Lianjian', 'Cosmos', 'CometBFT', 'Excel', 'WPS', 'Bearer', 'PNG', 'PDF', 'QR', 'XLSX', 'HTTP', 'HTTPS', 'IP',
  'Chrome', 'Chromium', 'Safari', 'Firefox', 'Edge', 'Google', 'Microsoft', 'Authenticator', 'KB', 'MB', 'GB',
  'JPEG', 'WebP', 'SVG', 'HTML',
];

export interface LanguageProblem {
  kind: 'code' | 'english' | 'chinese';
  text: string;
}

/** The interface text of the page that breaks its language, deduplicated. */
export async function languageProblems(page: Page, locale: 'zh-CN' | 'en'): Promise<LanguageProblem[]> {
  return page.evaluate(
    ({ locale, allowed }) => {
      const SKIP = new Set(['BDI', 'CODE', 'PRE', 'KBD', 'SAMP', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'SVG', 'svg']);
      const skipped = (el: Element | null): boolean => {
        for (let e = el; e; e = e.parentElement) {
          if (SKIP.has(e.tagName) || e.getAttribute('translate') === 'no' || (e.tagName === 'FORM' && (e.getAttribute('action') ?? '').endsWith('/locale'))) return true;
          if (e instanceof HTMLElement && e.hidden) return true;
        }
        return false;
      };
      // Shown to a person: laid out, not visibility:hidden, and not parked far off-screen (a chart
      // library's text-measuring span sits at top:-20000px holding the last label it measured).
      const visible = (el: Element): boolean => {
        if (el.tagName === 'OPTION') return true;
        if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') return false;
        const r = el.getBoundingClientRect();
        return r.bottom > -1000 && r.right > -1000;
      };
      const texts: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const parent = n.parentElement;
        const text = n.textContent?.trim();
        if (!text || !parent || skipped(parent) || !visible(parent)) continue;
        texts.push(text);
      }
      for (const el of document.body.querySelectorAll('[placeholder], [aria-label], [title], img[alt]')) {
        if (skipped(el)) continue;
        for (const attr of ['placeholder', 'aria-label', 'title', 'alt']) {
          const v = el.getAttribute(attr)?.trim();
          if (v) texts.push(v);
        }
      }
      const allow = new Set(allowed.map((w) => w.toLowerCase()));
      const out = new Map<string, { kind: 'code' | 'english' | 'chinese'; text: string }>();
      const add = (kind: 'code' | 'english' | 'chinese', text: string) => out.set(`${kind}:${text}`, { kind, text: text.slice(0, 120) });
      for (const t of texts) {
        // Codes: SNAKE_CASE constants, dotted field paths, bare role and status names.
        if (/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/.test(t) || /\b(input|args|variables)\.[a-zA-Z]/.test(t)) add('code', t);
        else if (/\b(ADMIN|SECRETARY|LEADER|MEMBER|DRAFT|PUBLISHED|OPEN|CLOSED|TALLIED|CANCELLED|PENDING|APPROVED|REJECTED|ARCHIVED)\b/.test(t)) add('code', t);
        if (locale === 'zh-CN') {
          const words = t.match(/[A-Za-z][A-Za-z-]{2,}/g) ?? [];
          if (words.some((w) => !allow.has(w.toLowerCase()) && !/^(https?|www)$/i.test(w))) add('english', t);
        } else if (/[\u3400-\u9fff]/.test(t)) {
          add('chinese', t);
        }
      }
      return [...out.values()];
    },
    { locale, allowed: LATIN_ALLOWED },
  );
}

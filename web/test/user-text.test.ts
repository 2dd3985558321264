// Bidi isolation of user text in the shared components, as markup (the layout itself is checked
// in Chromium by security-headers.browser.test.ts).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { RecordHead } from '../app/components/RecordHead';
import { isolatedIn } from '../app/components/UserText';

const RLO = '\u202E';

describe('user text isolation', () => {
  it('RecordHead puts the title in <bdi>, the status pill outside it', () => {
    const html = renderToStaticMarkup(
      createElement(MemoryRouter, null, createElement(RecordHead, { id: 'h', back: { to: '/x', label: 'Back' }, title: `report${RLO}fdp.exe`, status: { value: 'OPEN', label: 'Open', testId: 's' } })),
    );
    expect(html).toContain(`<h1 id="h"><bdi>report${RLO}fdp.exe</bdi> <span class="pill"`);
  });

  it('isolatedIn keeps the message text and puts only the user text in <bdi>', () => {
    const html = renderToStaticMarkup(createElement('p', null, isolatedIn((name) => `${name}（书记）`, `张三${RLO}`)));
    expect(html).toBe(`<p><bdi>张三${RLO}</bdi>（书记）</p>`);
    const twice = renderToStaticMarkup(createElement('p', null, isolatedIn((n) => `${n} and ${n}`, 'a')));
    expect(twice).toBe('<p><bdi>a</bdi> and <bdi>a</bdi></p>');
  });
});

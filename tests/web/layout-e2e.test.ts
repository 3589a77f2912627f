/**
 * Text fits (issue 21, items 9 and 10): every view at 1280×720 and 1440×900, in Chinese and
 * English, in headless Chromium against the real server with the seeds. Checked by element
 * geometry, not by eye alone: the header's items and each toolbar's items sit on one row, no
 * labelled control wraps its text or cuts it (scrollWidth ≤ clientWidth), the search
 * placeholder fits its field; and axe finds no serious or critical violation. Each view is
 * screenshotted to test-output/screenshots/layout-*.png.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIR } from '../../server/app';
import { startTestApp } from '../api/helpers';
import { networkReady, openPage, SHOTS } from '../support/web';

const VIEWS: Array<[string, string, string]> = [
  ['network', 'view=network', 'network'],
  ['overload', 'view=overload&jurisdiction=430500', '[data-testid="overload-table"]'],
  ['cooperation', 'view=cooperation', '.links li'],
  ['regions', 'view=regions', 'region-network'],
  ['timeline', 'view=timeline', '[data-testid="timeline-coverage"]'],
  ['ledger', 'view=ledger', '[data-testid="ledger-table"]'],
  ['documents', 'view=documents', '[data-testid="documents-table"]'],
];
const SIZES = [{ width: 1280, height: 720 }, { width: 1440, height: 900 }];
const CASES = SIZES.flatMap((size) => (['zh', 'en'] as const).flatMap((lang) => VIEWS.map(([name, query, ready]) => ({ size, lang, name, query, ready }))));

/** What the geometry says is wrong on the page: items off the row, text wrapped or cut. Runs in the page. */
const PROBLEMS = `(() => {
  const out = [];
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
  const name = (el) => (el.getAttribute('aria-label') || el.textContent || el.getAttribute('placeholder') || el.tagName).trim().slice(0, 40);
  // One row: every item's vertical extent overlaps every other's.
  const oneRow = (container, what) => {
    const items = [...container.children].filter(visible);
    if (items.length < 2) return;
    const rects = items.map((el) => el.getBoundingClientRect());
    const top = Math.max(...rects.map((r) => r.top)), bottom = Math.min(...rects.map((r) => r.bottom));
    if (top >= bottom) out.push(what + ' on more than one row: ' + items.map((el, i) => name(el) + '@' + Math.round(rects[i].top)).join(' | '));
  };
  const header = document.querySelector('header.top');
  oneRow(header, 'header');
  oneRow(header.querySelector('.tabs'), 'tabs');
  for (const bar of document.querySelectorAll('.main .toolbar')) oneRow(bar, 'toolbar');
  // Labelled controls of the header and toolbars: neither wrapped nor cut.
  const controls = [...document.querySelectorAll('header.top button, header.top a, header.top label, .main .toolbar button, .main .toolbar a, .main .toolbar label, .main .toolbar select, .main .toolbar .chip')].filter(visible);
  for (const el of controls) {
    if (el.scrollWidth > el.clientWidth + 1) out.push('cut: ' + name(el) + ' (' + el.scrollWidth + ' > ' + el.clientWidth + ')');
    // Wrapped: the text's own lines (a label holding a select is measured on its text only).
    const tops = new Set();
    for (const node of el.childNodes) {
      if (node.nodeType !== 3 || !node.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) if (r.width > 1) tops.add(Math.round(r.top));
    }
    if (tops.size > 1) out.push('wrapped: ' + name(el));
  }
  // The search placeholder: typed into the field for a moment, as the browser lays it out (the
  // field's own value is put back; the page's state never sees it).
  const input = document.querySelector('header.top input[type="search"]');
  if (input && !input.value) {
    input.value = input.placeholder;
    if (input.scrollWidth > input.clientWidth) out.push('placeholder cut: ' + input.scrollWidth + ' > ' + input.clientWidth);
    input.value = '';
  }
  return out;
})()`;

describe('layout at 1280×720 and 1440×900, zh and en', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const pages = new Map<string, { browser: Browser; page: Page; errors: string[] }>();

  beforeAll(async () => {
    app = await startTestApp({ webDir: WEB_DIR });
    for (const size of SIZES) pages.set(`${size.width}`, await openPage({ viewport: size }));
  }, 60_000);
  afterAll(async () => {
    for (const p of pages.values()) await p.browser.close();
    await app?.close();
  });

  it.each(CASES)('$name at $size.width×$size.height ($lang): one row, nothing cut, axe clean', async ({ size, lang, name, query, ready }) => {
    const { page, errors } = pages.get(`${size.width}`)!;
    await page.goto(`${app.url}/?${query}${lang === 'en' ? '&lang=en' : ''}`);
    if (ready.startsWith('[') || ready.startsWith('.')) await page.waitForSelector(ready, { timeout: 30_000 });
    else await networkReady(page, ready);
    await page.screenshot({ path: join(SHOTS, `layout-${name}-${lang}-${size.width}.png`) });
    expect(await page.evaluate(PROBLEMS)).toEqual([]);
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    expect(bad).toEqual([]);
    expect(errors).toEqual([]);
  }, 90_000);
});

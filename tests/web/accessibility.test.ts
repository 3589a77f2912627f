/**
 * Accessibility in headless Chromium against the real server with the seeds: axe-core finds no
 * serious or critical violation on the five views, and a keyboard alone can search a unit, open
 * its panel, open a task's source text, switch views and work the graphs.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIR } from '../../server/app';
import { startTestApp } from '../api/helpers';
import { networkReady, SHOTS, openPage } from '../support/web';

/** Queries and layouts may take seconds on a shared machine. */
const POLL = { timeout: 15_000 };

describe('accessibility', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];

  beforeAll(async () => {
    app = await startTestApp({ webDir: WEB_DIR });
    ({ browser, page, errors } = await openPage());
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const views: Array<[string, string, string]> = [
    ['network', '/', 'network'],
    ['ranking', '/?view=overload&jurisdiction=430500', '[data-testid="overload-table"]'],
    ['cooperation', '/?view=cooperation', '.links li'],
    ['region network', '/?view=regions&link=430500~area%3A粤港澳大湾区', 'region-network'],
    ['unit panel', '/?unit=430500%3A市发展和改革委员会', 'network'],
  ];

  it.each(views)('axe finds no serious or critical violation on the %s', async (_name, path, ready) => {
    await page.goto(`${app.url}${path}`);
    if (ready.startsWith('[') || ready.startsWith('.')) await page.waitForSelector(ready);
    else await networkReady(page, ready);
    if (path.includes('unit=')) await page.getByTestId('role-lead').waitFor();
    if (path.includes('link=')) await page.getByTestId('evidence').waitFor();
    if (path.includes('cooperation')) await page.locator('.links li').first().getByRole('button').first().click(); // an open link too
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    expect(bad).toEqual([]);
    expect(result.passes.length).toBeGreaterThan(10); // axe really ran
  }, 60_000);

  const focused = () => page.evaluate(`(() => {
    const el = document.activeElement;
    return { tag: el?.tagName ?? '', role: el?.getAttribute('role') ?? '', testid: el?.getAttribute('data-testid') ?? '', text: (el?.textContent ?? '').trim().slice(0, 60) };
  })()`) as Promise<{ tag: string; role: string; testid: string; text: string }>;
  /** Press a key until the focused element matches, at most n times. */
  async function pressUntil(key: string, match: (f: Awaited<ReturnType<typeof focused>>) => boolean, n = 60) {
    for (let i = 0; i < n; i++) {
      if (match(await focused())) return;
      await page.keyboard.press(key);
    }
    throw new Error(`${key} × ${n} never reached the element; focus is on ${JSON.stringify(await focused())}`);
  }

  it('works without a mouse: search a unit, open its panel and a task’s source, switch views, use the graphs', async () => {
    await page.goto(app.url);
    await networkReady(page);
    // Search: Tab to the field, type, ↓ to the result, Enter.
    await pressUntil('Tab', (f) => f.testid === 'search');
    await page.keyboard.type('商务局');
    await page.getByTestId('search-results').getByRole('button').first().waitFor();
    await pressUntil('ArrowDown', (f) => /市商务局 萍乡市/.test(f.text), 12);
    await page.keyboard.press('Enter');
    // The panel opens and takes the focus.
    await expect.poll(async () => (await focused()).text, POLL).toBe('市商务局 · 萍乡市'); // the heading names the unit's city
    await expect.poll(() => page.getByTestId('role-lead').locator('.task-title').allTextContents(), POLL).toEqual(['强化内陆港物流中心地位', '重点引进高端产业']);
    // Tab to 查看原文 and open the source with the note highlighted.
    await pressUntil('Tab', (f) => f.text === '查看原文');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('reader').locator('mark').textContent(), POLL).toContain('牵头单位:市商务局');
    expect(page.url()).toContain('doc=');
    // Back to the view tabs, then across them with the arrow keys.
    await pressUntil('Shift+Tab', (f) => f.role === 'tab', 80);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url(), POLL).toContain('view=overload');
    await page.getByTestId('overload-table').waitFor();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url(), POLL).toContain('view=cooperation');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url(), POLL).toContain('view=regions');
    await networkReady(page, 'region-network');
    // The region network: Tab into the graph, arrows to a region (announced), Enter opens its cooperation links.
    await pressUntil('Tab', (f) => f.testid === 'region-network');
    await page.keyboard.press('ArrowRight');
    const said = page.locator('.cy-wrap [role="status"]');
    await expect.poll(() => said.textContent(), POLL).toMatch(/项任务/);
    const region = (await said.textContent())!.split(' · ')[0]!;
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url(), POLL).toContain('view=cooperation');
    await page.locator('.links li').first().waitFor();
    expect(await page.locator('.links li').first().textContent()).toContain(region);
    // And the unit network: Tab to it, arrows, Enter opens the unit's panel.
    await pressUntil('Shift+Tab', (f) => f.role === 'tab', 80);
    await page.keyboard.press('Home');
    await expect.poll(() => page.url(), POLL).not.toContain('view=');
    await networkReady(page);
    await pressUntil('Tab', (f) => f.testid === 'network', 80);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => said.textContent(), POLL).toMatch(/负荷/);
    const unit = (await said.textContent())!.split(' · ')[0]!;
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).text, POLL).toMatch(new RegExp(`^${unit} · `)); // the heading: the unit, then its city
    expect(page.url()).toContain('unit=');
    // The text alternative: the list of units shown, reachable from the toolbar.
    await pressUntil('Shift+Tab', (f) => f.testid === 'toggle-list', 80);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('unit-table').locator('tbody tr').count(), POLL).toBe(163);
    await page.screenshot({ path: join(SHOTS, 'keyboard-list.png') });
  }, 120_000);

  it('logged no errors in the browser console', () => {
    expect(errors).toEqual([]);
  });
});

/**
 * Filters that say themselves, panels that know when to go, and a PNG that stands on its own
 * (issue 21, items 3 and 5), in headless Chromium against the real server with the seeds.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIR } from '../../server/app';
import { startTestApp } from '../api/helpers';
import { networkReady, openPage, SHOTS } from '../support/web';

const POLL = { timeout: 15_000 };
const FGW = '430300:市发展和改革委员会';

describe('filters named where they act, panels closed on a view change unless pinned, the PNG export', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];

  beforeAll(async () => {
    app = await startTestApp({ webDir: WEB_DIR });
    ({ browser, page, errors } = await openPage({ acceptDownloads: true }));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('a unit picked in the network filters the timeline and the ledger, named with its city there; its panel closes; one click clears it', async () => {
    await page.goto(`${app.url}/?jurisdiction=430300&unit=${encodeURIComponent(FGW)}`);
    await page.getByTestId('role-lead').waitFor();
    await page.getByTestId('tab-timeline').click();
    // The panel closed with the change of view; the unit stays, as a filter that says whose.
    await expect.poll(() => page.getByTestId('unit-panel').count(), POLL).toBe(0);
    const chip = page.getByTestId('unit-filter');
    await expect.poll(() => chip.textContent(), POLL).toBe('只看 市发展和改革委员会（湘潭市）的任务×');
    expect(page.url()).toContain('panel=0');
    await page.screenshot({ path: join(SHOTS, 'filter-chip-timeline.png') });
    await page.getByTestId('tab-ledger').click();
    await expect.poll(() => page.getByTestId('unit-filter').textContent(), POLL).toBe('只看 市发展和改革委员会（湘潭市）的任务×');
    // Every row is the unit's.
    await page.getByTestId('ledger-table').waitFor();
    const units = await page.getByTestId('ledger-table').locator('tbody tr td:nth-child(5) button').allTextContents();
    expect(units.length).toBeGreaterThan(0);
    expect(new Set(units)).toEqual(new Set(['市发展和改革委员会']));
    await page.screenshot({ path: join(SHOTS, 'filter-chip-ledger.png') });
    // The chip's name opens the panel again; its × clears the filter.
    await page.getByTestId('unit-filter').getByRole('button', { name: /只看/ }).click();
    await page.getByTestId('unit-panel').waitFor();
    await page.getByTestId('clear-unit-filter').click();
    await expect.poll(() => page.getByTestId('unit-filter').count(), POLL).toBe(0);
    expect(page.url()).not.toContain('unit=');
  }, 60_000);

  it('in English, an empty timeline names the unit filter that emptied it rather than saying “No results”', async () => {
    // 湘潭's 市教育局 has six tasks, none with a stated date.
    await page.goto(`${app.url}/?view=timeline&lang=en&unit=${encodeURIComponent('430300:市教育局')}&panel=0`);
    await expect.poll(() => page.getByTestId('empty').textContent(), POLL)
      .toBe('No tasks of 市教育局 (湘潭市) here; clear the unit filter to see them all.');
    expect(await page.getByTestId('unit-filter').textContent()).toBe('Only the tasks of 市教育局 (湘潭市)×');
    await page.screenshot({ path: join(SHOTS, 'filter-empty-en.png') });
  }, 60_000);

  it('a pinned panel stays open across views; unpinned, the task panel closes', async () => {
    await page.goto(`${app.url}/?view=ledger&jurisdiction=430300`);
    await page.getByTestId('ledger-table').locator('tbody tr').first().getByRole('button').first().click();
    await page.getByTestId('pin-panel').waitFor();
    await page.getByTestId('pin-panel').click();
    expect(await page.getByTestId('pin-panel').getAttribute('aria-pressed')).toBe('true');
    expect(page.url()).toContain('pin=1');
    await page.getByTestId('tab-timeline').click();
    await page.getByTestId('timeline-coverage').waitFor();
    expect(await page.getByTestId('pin-panel').count()).toBe(1); // still open
    await page.screenshot({ path: join(SHOTS, 'pinned-panel.png') });
    await page.getByTestId('pin-panel').click();
    await page.getByTestId('tab-ledger').click();
    await expect.poll(() => page.getByTestId('pin-panel').count(), POLL).toBe(0);
  }, 60_000);

  it('导出图片 saves the graph under a header (title, filters, date) and above a legend, named after what it shows', async () => {
    await page.goto(`${app.url}/?jurisdiction=430300&kinds=department,county_government`);
    await networkReady(page);
    const graph = await page.evaluate(() => {
      const png = (globalThis as any).__cy.png({ full: true, scale: 2, output: 'base64uri' }) as string;
      return new Promise<{ w: number; h: number }>((resolve) => { const i = new (globalThis as any).Image(); i.onload = () => resolve({ w: i.width, h: i.height }); i.src = png; });
    });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    const today = new Date().toISOString().slice(0, 10);
    expect(download.suggestedFilename()).toBe(`单位网络-湘潭市-${today}.png`);
    const path = join(SHOTS, 'export-network.png');
    await download.saveAs(path);
    const bytes = (await import('node:fs')).readFileSync(path);
    // PNG header: width and height at bytes 16 and 20.
    const [w, h] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    expect(w).toBeGreaterThanOrEqual(graph.w);
    // The header (title, one filter line, the date) and the legend add at least 150 px at scale 2.
    expect(h).toBeGreaterThan(graph.h + 150);
    expect(errors).toEqual([]);
  }, 60_000);
});

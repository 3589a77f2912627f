/**
 * The supervisor's ledger in headless Chromium against the real server (seeds and the ledger
 * fixture, tests/support/ledger-fixture.ts): the 台账 view and its export, the 时间线, the unit
 * panel's deadlines, and follow-ups marked on both sides. Screenshots go to test-results/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, SHOTS } from '../support/web';
import { WEB_DIR } from '../../server/app';
import { ledgerExportUrl, sortRows, termSpans } from '../../web/src/lib/ledger';
import { gql } from '../api/helpers';
import { startLedgerApp } from '../support/ledger-app';
import { FIXTURE_ID } from '../support/ledger-fixture';

const D004 = '004_ae2296e2f3e0d6ac';

describe('ledger logic (web/src/lib/ledger.ts)', () => {
  it('exports exactly the filters the page shows', () => {
    expect(ledgerExportUrl({ jurisdiction: '430200', document: '', unit: '430200:市商务局', role: 'lead', status: 'PAST_DUE', lang: 'zh' }))
      .toBe('/export/ledger.xlsx?jurisdiction=430200&unit=430200%3A%E5%B8%82%E5%95%86%E5%8A%A1%E5%B1%80&role=lead&status=PAST_DUE');
    expect(ledgerExportUrl({ jurisdiction: '', document: '', unit: '', role: '', status: '', lang: 'en' })).toBe('/export/ledger.xlsx?lang=en');
  });

  it('sorts by due date with undated rows last, ties in ledger order', () => {
    const rows = [
      { n: 1, deadlineDate: '2024-06-30' }, { n: 2, deadlineDate: null }, { n: 3, deadlineDate: '2024-03-31' }, { n: 4, deadlineDate: '2024-03-31' },
    ].map((r) => ({ documentTitle: '', ref: '', unitName: '', role: 'LEAD', status: 'NONE', ...r }));
    expect(sortRows(rows, 'deadlineDate', false).map((r) => r.n)).toEqual([3, 4, 1, 2]);
    expect(sortRows(rows, 'deadlineDate', true).map((r) => r.n)).toEqual([1, 3, 4, 2]);
  });

  it('marks terms longest first without overlaps', () => {
    expect(termSpans('推进邵阳B型保税物流中心和保税仓', ['保税', '保税物流中心'])).toEqual([[6, 12], [13, 15]]);
  });
});

describe('web: timeline, ledger, deadlines and follow-ups', () => {
  let app: Awaited<ReturnType<typeof startLedgerApp>>;
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];

  beforeAll(async () => {
    app = await startLedgerApp({ webDir: WEB_DIR });
    ({ browser, page, errors } = await openPage({ acceptDownloads: true }));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('台账: the rows of the filter, and 导出台账 downloads exactly those rows', async () => {
    await page.goto(`${app.url}/?view=ledger&jurisdiction=430200`);
    await page.waitForSelector('[data-testid="ledger-table"]', { timeout: 20_000 });
    const rows = page.getByTestId('ledger-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(13); // the fixture's 13 task × unit assignments
    await expect.poll(() => page.getByTestId('past-due-note').textContent()).toMatch(/只表示所定日期已过/);
    await page.getByTestId('ledger-role').selectOption('lead');
    await expect.poll(() => rows.count()).toBe(6);
    expect(page.url()).toContain('role=lead');
    await page.screenshot({ path: join(SHOTS, 'ledger.png') });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-ledger').click()]);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('台账')!;
    expect(ws.getRow(1).getCell(1).value).toBe('序号');
    expect(ws.rowCount).toBe(1 + 6);
    // The unit's name (its jurisdiction stands beside it on the page, in a column of its own in the file).
    const shown = await rows.locator('td:nth-child(5) button').allTextContents();
    const exported = Array.from({ length: 6 }, (_, i) => String(ws.getRow(i + 2).getCell(6).value));
    expect(exported).toEqual(shown);
    expect(String(ws.getRow(2).getCell(2).value)).toBe('株洲市');
    expect(download.suggestedFilename()).toMatch(/^台账-株洲市-牵头-\d{4}-\d{2}-\d{2}\.xlsx$/);
  }, 60_000);

  it('时间线: 株洲’s dated tasks by quarter, each with a status light and its leads', async () => {
    await page.goto(`${app.url}/?view=timeline&jurisdiction=430200&from=2024-01-01&to=2024-12-31`);
    await page.waitForSelector('[data-testid="timeline"] .entry', { timeout: 20_000 });
    const timeline = page.getByTestId('timeline');
    await expect.poll(() => timeline.locator('> li').evaluateAll((els) => els.map((e) => e.getAttribute('data-period')))).toEqual(['2024-Q1', '2024-Q2', '2024-Q4']);
    const api = await gql(app.url, `{ timeline(jurisdiction: "430200", from: "2024-01-01", to: "2024-12-31", by: QUARTER) { entries { status } } }`);
    const statuses = api.data.timeline.flatMap((b: any) => b.entries.map((e: any) => e.status));
    expect(await timeline.locator('.entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))).toEqual(statuses);
    expect(await timeline.locator('.entry').first().textContent()).toMatch(/一\.2.*牵头: 市商务局/);
    await page.getByRole('button', { name: '按月' }).click();
    await expect.poll(() => timeline.locator('> li').count()).toBe(3);
    expect(page.url()).toContain('by=MONTH');
    await page.screenshot({ path: join(SHOTS, 'timeline.png') });
  }, 60_000);

  it('the unit panel shows each task’s deadline, status and leaders', async () => {
    await page.goto(`${app.url}/?unit=${encodeURIComponent('430200:市发展和改革委员会')}`);
    await page.waitForSelector('[data-testid="task-due"]', { timeout: 20_000 });
    const due = page.getByTestId('role-lead').getByTestId('task-due');
    await expect.poll(() => due.allTextContents()).toEqual([
      expect.stringMatching(/完成时限: 2024年6月底前 \(2024-06-30\) · 责任领导: 刘惠\(副市长\)/),
      expect.stringMatching(/完成时限: 2024年底前 \(2024-12-31\) · 责任领导: 王健/),
    ]);
    await page.screenshot({ path: join(SHOTS, 'unit-panel-deadlines.png') });
  }, 60_000);

  it('a report recommendation shows its follow-ups with the shared terms marked on both sides, and the plan task its reports', async () => {
    await page.goto(`${app.url}/?task=${encodeURIComponent(`${D004}:二.4`)}`);
    await page.waitForSelector('[data-testid="follow-ups"]', { timeout: 20_000 });
    const panel = page.getByTestId('follow-ups');
    await expect.poll(() => panel.locator('li').count()).toBeGreaterThan(0);
    const depot = panel.locator('li', { hasText: '加速连接大湾区铁路大通道' });
    expect(await depot.locator('blockquote.side-a mark').allTextContents()).toContain('邵阳东货场');
    expect(await depot.locator('blockquote.side-b mark').allTextContents()).toContain('邵阳东货场');
    await page.screenshot({ path: join(SHOTS, 'follow-ups.png') });
    await depot.getByRole('button', { name: /加速连接大湾区铁路大通道/ }).click();
    const back = page.getByTestId('followed-up-by');
    await expect.poll(() => back.locator('blockquote.side-b mark').allTextContents()).toContain('邵阳东货场');
    expect(decodeURIComponent(page.url())).toContain('task=000_ac09c941922af47f:二.(一).1');
    await page.screenshot({ path: join(SHOTS, 'followed-up-by.png') });
  }, 60_000);

  it('search finds a leader’s tasks through the task list, and the fixture is searchable', async () => {
    const r = await gql(app.url, `{ search(text: "刘惠") { leaders { tasks { id } } } }`);
    expect(r.data.search.leaders[0].tasks.map((t: any) => t.id)).toEqual([`${FIXTURE_ID}:一.1`, `${FIXTURE_ID}:一.2`]);
  });

  it('logged no errors in the browser console', () => {
    expect(errors).toEqual([]);
  });
});

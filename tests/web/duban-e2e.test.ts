/**
 * The 督办 view in headless Chromium on the ledger fixture (株洲市 430200, tests/support/ledger-fixture.ts):
 * each unit's open tasks by light and its 督办单 links. Lights are as of today: every dated task of the
 * fixture (2024-03-31, 06-30, 12-31) is past, so by hand 市商务局 owes 3 red (一.1, 一.2, 一.3), 市发改委
 * 2 red and 1 grey (一.4 长期坚持), 市交通运输局 2 red, 市财政局 and 市邮政管理局 1 red (一.2).
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIR } from '../../server/app';
import { startLedgerApp } from '../support/ledger-app';
import { openPage, SHOTS } from '../support/web';

describe('web: 督办, what each unit of a jurisdiction owes', () => {
  let app: Awaited<ReturnType<typeof startLedgerApp>>;
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];
  beforeAll(async () => {
    app = await startLedgerApp({ webDir: WEB_DIR });
    ({ browser, page, errors } = await openPage());
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lists the units most overdue first, with their red and yellow counts and their sheets', async () => {
    await page.goto(`${app.url}/?view=duban&jurisdiction=430200`);
    await page.waitForSelector('[data-testid="owed-table"]', { timeout: 20_000 });
    const rows = page.getByTestId('owed-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(8);
    const cells = async (i: number) => (await rows.nth(i).locator('td').allTextContents()).slice(0, 6);
    expect(await cells(0)).toEqual(['市商务局', '3', '3', '0', '0', '0']);
    expect(await cells(1)).toEqual(['市发展和改革委员会', '3', '2', '0', '0', '1']);
    expect(await cells(2)).toEqual(['市交通运输局', '2', '2', '0', '0', '0']);
    expect(await rows.nth(0).locator('a', { hasText: 'PDF' }).getAttribute('href')).toBe('/export/duban.pdf?unit=430200%3A%E5%B8%82%E5%95%86%E5%8A%A1%E5%B1%80');
    expect(await page.getByTestId('owed-all-pdf').getAttribute('href')).toBe('/export/duban.pdf?jurisdiction=430200');
    const pdf = await fetch(`${app.url}/export/duban.pdf?jurisdiction=430200`);
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    await page.screenshot({ path: join(SHOTS, 'duban-view.png') });
    expect(errors).toEqual([]);
  });
});

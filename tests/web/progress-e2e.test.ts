/**
 * Progress in headless Chromium against the real server (seeds and the ledger fixture): an editor
 * records progress with a file in the task panel, and the task's light changes in the panel, the
 * timeline, the ledger and the network's unit panel. Screenshots go to test-output/screenshots.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIR } from '../../server/app';
import { startLedgerApp } from '../support/ledger-app';
import { FIXTURE_ID } from '../support/ledger-fixture';
import { dataDirWith, PASSWORD } from '../support/session';
import { openPage, SHOTS } from '../support/web';

// 一.2 is due 2024-03-31: past due today, so red until someone reports it done.
const TASK = `${FIXTURE_ID}:一.2`;

describe('web: recording progress changes the light', () => {
  let app: Awaited<ReturnType<typeof startLedgerApp>>;
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];

  beforeAll(async () => {
    app = await startLedgerApp({ webDir: WEB_DIR, dataDir: await dataDirWith([['eddie', 'editor']]) });
    ({ browser, page, errors } = await openPage());
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('a viewer sees the light and no form; an editor records 已完成 with a file and the light turns green everywhere', async () => {
    await page.goto(`${app.url}/?view=timeline&jurisdiction=430200&from=2024-01-01&to=2024-12-31&task=${encodeURIComponent(TASK)}`);
    const panel = page.getByTestId('task-progress');
    await panel.waitFor({ timeout: 20_000 });
    await expect.poll(() => panel.locator('[data-light]').first().getAttribute('data-light')).toBe('OVERDUE');
    expect(await panel.textContent()).toContain('尚无进展记录');
    expect(await page.getByTestId('progress-form').count()).toBe(0);
    const entry = page.locator(`[data-testid="timeline"] .entry`, { hasText: '完善城乡配送网络' });
    expect(await entry.getAttribute('data-light')).toBe('OVERDUE');

    await page.getByTestId('login-open').click();
    await page.getByTestId('login-name').fill('eddie');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    const form = page.getByTestId('progress-form');
    await form.waitFor({ timeout: 10_000 });
    await form.locator('input[type="date"]').fill('2024-04-20');
    await form.locator('select').first().selectOption('DONE');
    await form.locator('textarea').fill('县乡村三级物流配送体系已建成，覆盖全部乡镇。');
    await form.locator('input[type="file"]').setInputFiles({ name: '验收报告.txt', mimeType: 'text/plain', buffer: Buffer.from('验收报告（测试）') });
    await page.screenshot({ path: join(SHOTS, 'progress-form.png') });
    await form.locator('button[type="submit"]').click();

    await expect.poll(() => panel.locator('[data-light]').first().getAttribute('data-light')).toBe('DONE');
    const history = panel.locator('.progress-history li');
    expect(await history.count()).toBe(1);
    expect(await history.first().textContent()).toMatch(/2024-04-20.*已完成.*eddie.*县乡村三级物流配送体系已建成.*验收报告\.txt/s);
    await page.getByTestId('task-panel').screenshot({ path: join(SHOTS, 'progress-task-panel.png') });

    // The timeline and the ledger ask again and show the same light.
    await page.reload();
    await page.waitForSelector('[data-testid="timeline"] .entry', { timeout: 20_000 });
    await expect.poll(() => page.locator(`[data-testid="timeline"] .entry`, { hasText: '完善城乡配送网络' }).getAttribute('data-light')).toBe('DONE');
    await page.screenshot({ path: join(SHOTS, 'progress-timeline.png') });
    await page.goto(`${app.url}/?view=ledger&document=${FIXTURE_ID}`);
    await page.waitForSelector('[data-testid="ledger-table"] tbody tr', { timeout: 20_000 });
    const rows = page.getByTestId('ledger-table').locator('tbody tr', { hasText: '完善城乡配送网络' });
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-light')))).toEqual(['DONE', 'DONE', 'DONE']);
    expect(await rows.first().textContent()).toContain('2024-04-20 已完成：县乡村三级物流配送体系已建成');
    await page.screenshot({ path: join(SHOTS, 'progress-ledger.png'), fullPage: false });
    // The network: the lead unit's panel lists the task with the same light.
    await page.goto(`${app.url}/?view=network&jurisdiction=430200&unit=${encodeURIComponent('430200:市商务局')}`);
    const item = page.getByTestId('unit-panel').locator('li', { hasText: '完善城乡配送网络' }).first();
    await item.waitFor({ timeout: 20_000 });
    expect(await item.locator('.light-badge').getAttribute('data-light')).toBe('DONE');
    await page.screenshot({ path: join(SHOTS, 'progress-network.png'), fullPage: false });
    expect(errors).toEqual([]);
  }, 90_000);
});

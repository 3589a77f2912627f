/**
 * Progress read from documents in headless Chromium against the real server: the 大竹县 and
 * 黑龙江省 plans and their 完成情况 reports (tests/fixtures/progress/) uploaded; a task's history
 * shows the report's record with 查看原文 (the row highlighted in the reader); an editor confirms a
 * suggestion in the task panel and sees the rest on the documents page. Screenshots go to
 * test-output/screenshots.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIR } from '../../server/app';
import { startTestApp } from '../api/helpers';
import { Browser as Session, dataDirWith, PASSWORD } from '../support/session';
import { openPage, SHOTS } from '../support/web';

const DIR = join(import.meta.dirname, '../fixtures/progress');
const FILES = ['dazhu-2016-plan.txt', 'heilongjiang-2013-plan.txt', 'dazhu-2016-report.txt', 'heilongjiang-2013-report.txt'];

describe('web: progress read from documents', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];
  let bridgeTask = '';
  let projectsTask = '';

  beforeAll(async () => {
    app = await startTestApp({ webDir: WEB_DIR, env: { DATA_DIR: await dataDirWith([['eddie', 'editor']]) } });
    const s = new Session(app.url);
    await s.login('eddie');
    const up = await s.upload(FILES.map((name) => ({ name, bytes: readFileSync(join(DIR, name)) })), { query: '?review=false' });
    expect(up.body.files.every((f: any) => f.ok)).toBe(true);
    const tasks = (await s.gql('{ tasks(filter: { document: "dazhu-2016-plan" }) { id title } hl: tasks(filter: { document: "heilongjiang-2013-plan" }) { id title } }')).data;
    bridgeTask = tasks.tasks.find((t: any) => t.title === '新建2座人行天桥').id;
    projectsTask = tasks.hl.find((t: any) => t.title.startsWith('重点抓好哈尔滨中小型燃气轮机')).id;
    ({ browser, page, errors } = await openPage());
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('a record read from a report shows its source, the clause its state came from, and 查看原文 highlights the row', async () => {
    await page.goto(`${app.url}/?task=${encodeURIComponent(bridgeTask)}`);
    const panel = page.getByTestId('task-progress');
    await panel.waitFor({ timeout: 20_000 });
    const source = panel.getByTestId('progress-source');
    await source.waitFor({ timeout: 10_000 });
    const item = panel.locator('.progress-history li').first();
    expect(await item.textContent()).toMatch(/2017-01-12.*已完成.*2座人行天桥已于9月建成并投入使用。/s);
    expect(await source.textContent()).toMatch(/来自文件.*大竹县人民政府办公室关于2016年民生实事完成情况的通报.*查看原文.*状态依据.*2座人行天桥已于9月建成并投入使用.*匹配度/s);
    expect(await item.textContent()).not.toContain('填报人');
    await page.getByTestId('task-panel').screenshot({ path: join(SHOTS, 'progress-docs-record.png') });
    await source.getByRole('button', { name: '查看原文' }).click();
    const reader = page.getByTestId('reader');
    await reader.waitFor({ timeout: 10_000 });
    await expect.poll(() => reader.locator('mark').textContent()).toContain('2 | 新建2座人行天桥。 | 县住建局 | 2座人行天桥已于9月建成并投入使用。');
    await page.screenshot({ path: join(SHOTS, 'progress-docs-reader.png') });
  }, 90_000);

  it('an editor confirms a suggestion in the task panel; the rest wait on the documents page', async () => {
    await page.goto(`${app.url}/?task=${encodeURIComponent(projectsTask)}`);
    await page.getByTestId('login-open').click();
    await page.getByTestId('login-name').fill('eddie');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    const pending = page.getByTestId('pending-progress');
    await pending.waitFor({ timeout: 20_000 });
    expect(await pending.textContent()).toMatch(/待确认进展（1）.*重点产业项目落实落地.*匹配度低.*推进中/s);
    await page.getByTestId('task-panel').screenshot({ path: join(SHOTS, 'progress-docs-pending-task.png') });
    await pending.getByRole('button', { name: '确认' }).click();
    await expect.poll(() => page.getByTestId('pending-progress').count()).toBe(0);
    const item = page.getByTestId('task-progress').locator('.progress-history li').first();
    await expect.poll(() => item.textContent()).toMatch(/2014-01-20.*推进中.*确认人 eddie.*正在进行设备安装/s);

    await page.goto(`${app.url}/?view=documents`);
    const list = page.getByTestId('pending-progress');
    await list.waitFor({ timeout: 20_000 });
    const rows = list.getByTestId('pending-link');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toMatch(/规模以上工业增加值增长12%左右.*未写明状态.*（未读出状态）/s);
    expect(await rows.nth(1).textContent()).toMatch(/推进哈大齐工业走廊和东部煤电化基地建设.*对应任务.*匹配度低/s);
    expect(await page.getByTestId('doc-row-heilongjiang-2013-report').textContent()).toContain('进展报告');
    // No state read: confirming needs one chosen.
    expect(await rows.nth(0).getByRole('button', { name: '确认' }).isDisabled()).toBe(true);
    await list.screenshot({ path: join(SHOTS, 'progress-docs-pending-documents.png') });
    await rows.nth(1).getByRole('button', { name: '不是这项任务' }).click();
    await expect.poll(() => list.getByTestId('pending-link').count()).toBe(1);
    expect(errors).toEqual([]);
  }, 90_000);
});

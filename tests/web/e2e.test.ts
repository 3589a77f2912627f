/**
 * End to end in headless Chromium (Debian's chromium, driven by playwright-core) against the real
 * server on the embedded store with the seeds. Screenshots go to test-output/screenshots/ — look at them.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, SHOTS } from '../support/web';
import { WEB_DIR } from '../../server/app';
import { gql, startTestApp } from '../api/helpers';

describe('web explorer', () => {
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

  const unitNodes = () => page.evaluate(() => (globalThis as any).__cy?.nodes('[type="unit"]').length ?? 0);

  it('draws the network with every unit as a node', async () => {
    await page.goto(app.url);
    await page.waitForFunction(() => ((globalThis as any).__cy?.nodes('[type="unit"]').length ?? 0) > 0);
    expect(await unitNodes()).toBe(163); // every unit of the five documents, counties included
    await expect.poll(() => page.getByTestId('unit-count').textContent()).toBe('163个单位');
    await page.screenshot({ path: join(SHOTS, 'network.png') });
  }, 30_000);

  it('finds 萍乡市商务局 by search and lists exactly the tasks it leads', async () => {
    await page.getByTestId('search').fill('商务局');
    const result = page.getByTestId('search-results').getByRole('button', { name: /市商务局 萍乡市/ });
    await result.click();
    const leads = page.getByTestId('role-lead');
    await expect.poll(() => leads.locator('.task-title').allTextContents()).toEqual(['强化内陆港物流中心地位', '重点引进高端产业']);
    expect(page.url()).toContain('unit=360300');
    await page.screenshot({ path: join(SHOTS, 'unit-panel.png') });
    // The note's place in the document, highlighted.
    await leads.getByRole('button', { name: '查看原文' }).first().click();
    await expect.poll(() => page.getByTestId('reader').locator('mark').textContent()).toBe('(牵头单位:市商务局、市发改委;责任单位:市交通运输局、萍乡海关、有关县区人民政府、萍乡经开区管委会、武功山景区管委会)');
    await page.screenshot({ path: join(SHOTS, 'document-reader.png') });
  }, 30_000);

  it('ranks 邵阳市’s units by load with the same top unit as the API', async () => {
    const api = await gql(app.url, '{ overloadedUnits(jurisdiction: "430500", by: WEIGHTED, top: 1) { unit { name } } }');
    await page.goto(`${app.url}/?view=overload&jurisdiction=430500`);
    const first = page.getByTestId('overload-table').locator('tbody tr').first().locator('td').first().getByRole('button');
    await expect.poll(() => first.textContent()).toBe(api.data.overloadedUnits[0].unit.name);
    await page.screenshot({ path: join(SHOTS, 'overload.png') });
  }, 30_000);

  it('shows the 邵阳市–粤港澳大湾区 cooperation link with its evidence', async () => {
    await page.getByTestId('tab-cooperation').click();
    const link = page.locator('[data-link="邵阳市–粤港澳大湾区"]');
    await link.getByRole('button').first().click();
    await expect.poll(() => link.locator('.evidence li').count()).toBe(25);
    // Its units, fetched once it is opened: those the API gives the link (市发展和改革委员会 leads its 1st task, 加速连接大湾区铁路大通道).
    const api = await gql(app.url, '{ cooperationLinks(region: "430500", partner: "area:粤港澳大湾区") { units { name } } }');
    const names = api.data.cooperationLinks[0].units.map((u: { name: string }) => u.name);
    expect(names).toContain('市发展和改革委员会');
    await expect.poll(() => link.getByTestId('carried-by').textContent()).toBe(`承担单位: ${names.join('、')}`);
    expect(page.url()).toContain('view=cooperation');
    await page.screenshot({ path: join(SHOTS, 'cooperation.png') });
  }, 30_000);

  it('keeps the view in the URL and switches to English', async () => {
    await page.goto(`${app.url}/?jurisdiction=360300&kinds=department`);
    await page.waitForFunction(() => ((globalThis as any).__cy?.nodes('[type="unit"]').length ?? 0) > 0);
    // 萍乡's departments, from its notes: 交通运输局 公路局 发改委 自然资源和规划局 商务局 工信局 市场监管局 金融办
    // 科技局 农业农村局 文广新旅局 教育局 卫健委 医保局 人社局 (萍乡海关 is vertical, 萍乡学院 an institution).
    expect(await unitNodes()).toBe(15);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByTestId('tab-network').textContent()).toBe('Network');
    expect(page.url()).toContain('lang=en');
    await page.screenshot({ path: join(SHOTS, 'filtered-english.png') });
  }, 30_000);

  it('logged no errors in the browser console', () => {
    expect(errors).toEqual([]);
  });
});

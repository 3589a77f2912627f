/**
 * Plans across years in headless Chromium against the real server: the seeds and the two versions
 * of 钢城区's 放管服 plan (tests/fixtures/series; what continues, what is new and dropped is read by
 * hand in tests/api/years.test.ts). The documents page shows plan years and opens the comparison;
 * the 对比 view; the year selector filters the ledger, shows as a chip and clears.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIR } from '../../server/app';
import { parseState, serializeState } from '../../web/src/lib/url-state';
import { gql, INGEST_TOKEN, startTestApp } from '../api/helpers';
import { networkReady, openPage, SHOTS } from '../support/web';

const FIXTURES = join(import.meta.dirname, '../fixtures/series');

describe('url state: the year and the comparison', () => {
  it('keeps the year and the two documents compared, and leaves out the defaults', () => {
    const s = parseState('?view=compare&year=2022&cmp=gangcheng-2021~gangcheng-2022');
    expect([s.view, s.year, s.cmpFrom, s.cmpTo]).toEqual(['compare', 2022, 'gangcheng-2021', 'gangcheng-2022']);
    expect(serializeState(s)).toBe('?view=compare&year=2022&cmp=gangcheng-2021%7Egangcheng-2022');
    expect(parseState('?year=abc').year).toBe(0);
    expect(serializeState(parseState(''))).toBe('');
  });
});

describe('web: plan years, the year filter and the compare view', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];

  beforeAll(async () => {
    app = await startTestApp({ webDir: WEB_DIR, env: { QUERY_TIMEOUT_MS: '60000' } });
    for (const f of ['gangcheng-2021.txt', 'gangcheng-2022.txt']) {
      const r = await gql(app.url, 'mutation($f: String!, $t: String!) { ingestDocument(filename: $f, text: $t) { status } }',
        { f, t: readFileSync(join(FIXTURES, f), 'utf8') }, { authorization: `Bearer ${INGEST_TOKEN}` });
      expect(r.errors).toBeUndefined();
    }
    ({ browser, page, errors } = await openPage());
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('the documents page gives each plan its year and compares a plan with its previous version', async () => {
    await page.goto(`${app.url}/?view=documents`);
    await page.waitForSelector('[data-testid="documents-table"]', { timeout: 20_000 });
    await expect.poll(() => page.getByTestId('doc-year-gangcheng-2022').textContent()).toBe('2022');
    expect(await page.getByTestId('doc-year-000_ac09c941922af47f').textContent()).toBe('2020—2025');
    expect(await page.getByTestId('doc-year-004_ae2296e2f3e0d6ac').textContent()).toBe('—');
    await page.screenshot({ path: join(SHOTS, 'years-documents.png') });
    await page.getByTestId('compare-gangcheng-2022').click();
    await page.waitForSelector('[data-testid="compare-summary"]', { timeout: 20_000 });
    expect(new URL(page.url()).search).toBe('?view=compare&cmp=gangcheng-2021%7Egangcheng-2022');
    expect(await page.getByTestId('compare-summary').textContent()).toMatch(/延续 3 项，新增 2 项，不再列入 1 项$/);
    const items = async (id: string) => (await page.getByTestId(id).locator('ul.tasks > li').allTextContents()).map((x) => x.replace(/\s+/g, ''));
    const continued = await items('compare-continued');
    expect(continued).toHaveLength(3);
    // The second continued task: 行政许可 审查, whose lead moved from three units to 区司法局 alone.
    expect(continued[1]).toMatch(/^一\.\(一\)\.2严格落实行政许可设定审查制度.*→一\.\(一\)\.2严格落实行政许可设定审查制度.*牵头单位调整表述调整区政府办公室、区司法局、区行政审批服务局→区司法局/);
    expect((await items('compare-added')).map((x) => x.slice(0, 14))).toEqual(['一.(一).4全面推行证明事', '一.(一).5推进“双随机、']);
    expect((await items('compare-dropped')).map((x) => x.slice(0, 14))).toEqual(['一.(一).3规范行政备案事']);
    const sifa = page.getByTestId('compare-units').locator('tr', { hasText: '区司法局' });
    expect((await sifa.locator('td').allTextContents()).slice(1, 4).map((x) => x.trim())).toEqual(['+1 一.(一).4', '−1 一.(一).3', '2']);
    await page.screenshot({ path: join(SHOTS, 'years-compare.png') });
    await page.getByTestId('compare-units').screenshot({ path: join(SHOTS, 'years-compare-units.png') });
    expect(errors).toEqual([]);
  });

  it('the year selector filters the ledger, shows as a chip in the URL, and clears', async () => {
    await page.goto(`${app.url}/?view=ledger&jurisdiction=370100`);
    await page.waitForSelector('[data-testid="ledger-table"]', { timeout: 20_000 });
    const rows = page.getByTestId('ledger-table').locator('tbody tr');
    // Rows = task × unit: 2021 has 3 + 4 + 2 + 2, 2022 has 3 + 3 + 2 + 2 + 2.
    await expect.poll(() => rows.count()).toBe(23);
    expect(await page.getByTestId('year-chip').count()).toBe(0);
    await page.getByTestId('year-select').selectOption('2022');
    await expect.poll(() => rows.count()).toBe(12);
    expect(new URL(page.url()).searchParams.get('year')).toBe('2022');
    expect(await page.getByTestId('year-chip').textContent()).toMatch(/年度：2022年/);
    expect(await page.getByTestId('export-ledger').getAttribute('href')).toBe('/export/ledger.xlsx?jurisdiction=370100&year=2022');
    await page.screenshot({ path: join(SHOTS, 'years-ledger-2022.png') });
    // The load ranking of the same year: 区司法局 leads 3 tasks of 2022.
    await page.getByTestId('tab-overload').click();
    await page.goto(`${app.url}/?view=overload&jurisdiction=370100&year=2021&measure=LEAD`);
    await expect.poll(async () => (await page.locator('body').textContent()) ?? '').toMatch(/区司法局/);
    await page.screenshot({ path: join(SHOTS, 'years-overload-2021.png') });
    // The network of the year: 2022 names 6 units of 济南市 (区市场监督管理局 the new one), 2021 names 5.
    const unitNodes = () => page.evaluate(() => (globalThis as any).__cy?.nodes('[type="unit"]').map((n: any) => n.data('label') ?? n.id()) ?? []);
    await page.goto(`${app.url}/?jurisdiction=370100&year=2022`);
    await networkReady(page);
    await expect.poll(async () => (await unitNodes()).length).toBe(6);
    // Its 文件 choices are the plans of 2022 (planYears counts 2: 钢城区's 2022 version and 邵阳's 2020—2025 plan).
    const docChoices = async () => (await page.locator('aside.side select').first().locator('option').evaluateAll((os) => os.map((o) => (o as { value: string }).value))).sort();
    expect(await docChoices()).toEqual(['', '000_ac09c941922af47f', 'gangcheng-2022']);
    await page.screenshot({ path: join(SHOTS, 'years-network-2022.png') });
    await page.getByTestId('year-select').selectOption('2021');
    await expect.poll(async () => (await unitNodes()).length).toBe(5);
    await page.goto(`${app.url}/?view=ledger&jurisdiction=370100&year=2022`);
    await expect.poll(() => rows.count()).toBe(12);
    await page.getByTestId('year-clear').click();
    await expect.poll(() => rows.count()).toBe(23);
    expect(new URL(page.url()).searchParams.get('year')).toBeNull();
    expect(await page.getByTestId('year-chip').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

/**
 * The network page at a national scale, in headless Chromium against the real server: 300
 * synthetic plans of the 31 provinces (bench/province-plans.ts nationalPlan), loaded beside the
 * seeds. Hundreds of jurisdictions are drawn a node per province first; a click on a province
 * shows its jurisdictions, and a click on one of them its units. The counts on the folded nodes
 * are checked against the API's own view of each province.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalPlan } from '../../bench/province-plans';
import { WEB_DIR } from '../../server/app';
import { extract } from '../../server/extract/extract';
import { loadExtraction } from '../../server/graph/loader';
import { FOLD_FROM } from '../../server/api/analytics/province-fold';
import { gql, startTestApp } from '../api/helpers';
import { clickNode, networkReady, openPage, SHOTS } from '../support/web';

const PLANS = Array.from({ length: 300 }, (_, n) => nationalPlan(n));

const DRAWN = `(() => window.__cy.nodes('[type="jurisdiction"]').map((n) => ({ id: n.id().slice(2), tasks: n.data('tasks'), units: n.data('units') })))()`;
type Drawn = Array<{ id: string; tasks: number; units: number }>;
interface Summary { region: { id: string; level: string; within: Array<{ id: string; level: string }> }; units: number; tasks: number }
const provinceOf = (j: Summary) => (j.region.level === 'PROVINCE' ? j.region.id : j.region.within.find((w) => w.level === 'PROVINCE')!.id);

describe('the network at a national scale', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];
  let jurisdictions: Summary[] = [];
  let provinces: string[] = [];

  beforeAll(async () => {
    app = await startTestApp({ webDir: WEB_DIR });
    const outcomes = await loadExtraction(app.graph, extract(PLANS.map((p) => ({ file: p.file, bytes: Buffer.from(p.text) }))));
    expect(outcomes.filter((o) => o.status === 'added')).toHaveLength(PLANS.length);
    const net = await gql(app.url, '{ jurisdictionNetwork { jurisdictions { region { id level within { id level } } units tasks } } }');
    jurisdictions = net.data.jurisdictionNetwork.jurisdictions;
    provinces = [...new Set(jurisdictions.map(provinceOf))].sort();
    ({ browser, page, errors } = await openPage());
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('opens on a node per province, each with the units and tasks the API counts within it', async () => {
    // Every mainland province wrote plans, and there are too many jurisdictions to draw one by one.
    expect(new Set(PLANS.map((p) => p.jurisdiction.slice(0, 2))).size).toBe(31);
    expect(jurisdictions.length).toBeGreaterThanOrEqual(FOLD_FROM);
    await page.goto(app.url);
    await networkReady(page);
    const drawn = (await page.evaluate(DRAWN)) as Drawn;
    await page.screenshot({ path: join(SHOTS, 'national-network.png') });
    expect(drawn.map((d) => d.id).sort()).toEqual(provinces);
    // 湖南省's node against the API's network within 湖南 (the seeds' plans are 湖南's too).
    const within = await gql(app.url, '{ jurisdictionNetwork(within: "430000") { jurisdictions { units tasks } } }');
    const hunan = within.data.jurisdictionNetwork.jurisdictions as Array<{ units: number; tasks: number }>;
    expect(hunan.length).toBeGreaterThan(3);
    expect(drawn.find((d) => d.id === '430000')).toEqual({
      id: '430000', units: hunan.reduce((n, j) => n + j.units, 0), tasks: hunan.reduce((n, j) => n + j.tasks, 0),
    });
    expect(await page.getByTestId('jurisdiction-count').textContent()).toBe(`${provinces.length} 个省份 · ${jurisdictions.length} 个辖区`);
    expect(await page.getByTestId('province-note').textContent()).toMatch(/^全国视图：每个节点是一个省份/);
    expect(errors).toEqual([]);
  });

  it('a click on 湖南省 shows its jurisdictions; a click on its busiest city opens that city into its units', async () => {
    await clickNode(page, 'j:430000');
    const inHunan = jurisdictions.filter((j) => provinceOf(j) === '430000').map((j) => j.region.id).sort();
    await page.waitForFunction((n) => (globalThis as any).__cy.nodes('[type="jurisdiction"]').length === n, provinces.length - 1 + inHunan.length, { timeout: 30_000 });
    await networkReady(page);
    expect(new URL(page.url()).searchParams.get('open')).toBe('430000');
    const drawn = ((await page.evaluate(DRAWN)) as Drawn).map((d) => d.id);
    expect(drawn.filter((id) => id.startsWith('43')).sort()).toEqual(inHunan);
    expect(drawn.filter((id) => !id.startsWith('43')).sort()).toEqual(provinces.filter((p) => p !== '430000'));
    await page.screenshot({ path: join(SHOTS, 'national-network-province.png') });

    const city = jurisdictions.filter((j) => provinceOf(j) === '430000' && j.region.level !== 'PROVINCE').sort((a, b) => b.tasks - a.tasks)[0]!.region.id;
    await clickNode(page, `j:${city}`);
    await page.waitForFunction(() => (globalThis as any).__cy.nodes('[type="unit"]').length > 0, undefined, { timeout: 30_000 });
    await networkReady(page);
    await page.screenshot({ path: join(SHOTS, 'national-network-city.png') });
    expect(new URL(page.url()).searchParams.get('open')).toBe(`430000,${city}`);
    const units = await gql(app.url, `{ units(filter: { jurisdiction: "${city}" }, limit: 500) { id } }`);
    const shownUnits = (await page.evaluate(`window.__cy.nodes('[type="unit"]').map((n) => n.id())`)) as string[];
    expect(shownUnits.sort()).toEqual(units.data.units.map((u: { id: string }) => u.id).sort());

    // Folding 湖南省 back folds its opened city too.
    await page.getByRole('button', { name: '收起 湖南省' }).click();
    await page.waitForFunction((n) => (globalThis as any).__cy.nodes('[type="jurisdiction"]').length === n, provinces.length, { timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get('open')).toBeNull();
    expect(errors).toEqual([]);
  });
});

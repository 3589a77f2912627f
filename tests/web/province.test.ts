/**
 * The network page at a province's scale, in headless Chromium against the real server: 240
 * synthetic plans of 湖南 (bench/province-plans.ts), loaded in bulk into the embedded store. The
 * page must open aggregated, a node per jurisdiction, fetch no unit list, and open one
 * jurisdiction into exactly its units when it is clicked.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provincePlan } from '../../bench/province-plans';
import { WEB_DIR } from '../../server/app';
import { extract } from '../../server/extract/extract';
import { loadExtraction } from '../../server/graph/loader';
import { PROVINCE_FROM } from '../../web/src/lib/jurisdiction-graph';
import { TIES_PER_UNIT } from '../../web/src/queries';
import { gql, startTestApp } from '../api/helpers';
import { clickNode, networkReady, openPage, SHOTS } from '../support/web';

const PLANS = Array.from({ length: 240 }, (_, n) => provincePlan(n));

/** What the graph draws, read from window.__cy. */
const DRAWN = `(() => {
  const cy = window.__cy;
  return {
    jurisdictions: cy.nodes('[type="jurisdiction"]').map((n) => ({ id: n.id(), name: n.data('name'), tasks: n.data('tasks') })),
    boxes: cy.nodes('[type="group"]').map((n) => ({ id: n.id(), units: n.children('[type="unit"]').map((u) => u.id()) })),
    units: cy.nodes('[type="unit"]').map((n) => n.id()),
  };
})()`;
interface Drawn { jurisdictions: Array<{ id: string; name: string; tasks: number }>; boxes: Array<{ id: string; units: string[] }>; units: string[] }

describe('the network at a province’s scale', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];
  /** The GraphQL queries the page sent, and the bytes of their answers. */
  const sent: string[] = [];
  let bytes = 0;
  /** Jurisdictions drawn when the page opens. */
  let total = 0;

  beforeAll(async () => {
    app = await startTestApp({ webDir: WEB_DIR });
    const outcomes = await loadExtraction(app.graph, extract(PLANS.map((p) => ({ file: p.file, bytes: Buffer.from(p.text) }))));
    expect(outcomes.filter((o) => o.status === 'added')).toHaveLength(PLANS.length);
    ({ browser, page, errors } = await openPage());
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql')) sent.push(String(JSON.parse(r.postData() ?? '{}').query));
    });
    page.on('response', (r) => {
      if (r.url().endsWith('/graphql')) void r.body().then((b) => (bytes += b.length), () => {});
    });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('opens on one node per jurisdiction the plans were written for, and fetches no units', async () => {
    const stats = await gql(app.url, '{ stats { units } }');
    expect(stats.data.stats.units).toBeGreaterThan(PROVINCE_FROM);

    await page.goto(app.url);
    await networkReady(page);
    const drawn = (await page.evaluate(DRAWN)) as Drawn;
    await page.screenshot({ path: join(SHOTS, 'province-network.png') });
    console.log(`province view: ${drawn.jurisdictions.length} jurisdictions drawn, ${(bytes / 1024).toFixed(1)} KB of GraphQL answers`);

    // One node per jurisdiction a plan was written for: the generator's 14 cities and the province,
    // and those of the seeds the app loads into an empty store.
    const written = new Set(PLANS.map((p) => p.jurisdiction));
    expect(written.size).toBe(15);
    const docs = await gql(app.url, '{ documents(limit: 300) { file jurisdiction { id } tasks(limit: 100) { id } } }');
    const issuing = new Set<string>(docs.data.documents.map((d: any) => d.jurisdiction.id));
    for (const j of written) expect(issuing).toContain(j);
    expect(new Set(drawn.jurisdictions.map((j) => j.id.replace(/^j:/, '')))).toEqual(issuing);
    total = issuing.size;
    expect(drawn.units).toEqual([]);
    expect(drawn.boxes).toEqual([]);
    // Node sizes read the tasks of the plans each jurisdiction issued: 长沙市's equal its documents' tasks.
    const changsha = docs.data.documents.filter((d: any) => d.jurisdiction?.id === '430100').reduce((n: number, d: any) => n + d.tasks.length, 0);
    expect(changsha).toBeGreaterThan(100);
    expect(drawn.jurisdictions.find((j) => j.id === 'j:430100')?.tasks).toBe(changsha);

    expect(sent.some((q) => /\bunits\s*\(/.test(q))).toBe(false);
    // Nor the documents: the filter lists them once a jurisdiction is chosen.
    expect(sent.some((q) => /\bdocuments\s*[({]/.test(q))).toBe(false);
    expect(await page.getByTestId('jurisdiction-count').textContent()).toBe(`${total} 个辖区`);
    expect(errors).toEqual([]);
  });

  it('a click on 长沙市 opens it into exactly its units; the other jurisdictions stay nodes', async () => {
    await clickNode(page, 'j:430100');
    await page.waitForFunction(() => (globalThis as any).__cy.nodes('[type="unit"]').length > 0, undefined, { timeout: 30_000 });
    await networkReady(page);
    const drawn = (await page.evaluate(DRAWN)) as Drawn;
    await page.screenshot({ path: join(SHOTS, 'province-network-open.png') });

    expect(new URL(page.url()).searchParams.get('open')).toBe('430100');
    expect(drawn.jurisdictions).toHaveLength(total - 1);
    expect(drawn.boxes.map((b) => b.id)).toEqual(['j:430100']);
    // The units the API lists for 长沙市 by the unit filter (a different query from the page's).
    const units = await gql(app.url, '{ units(filter: { jurisdiction: "430100" }, limit: 500) { id } }');
    const expected = units.data.units.map((u: any) => u.id).sort();
    expect(expected.length).toBeGreaterThan(20);
    expect(drawn.boxes[0]!.units.sort()).toEqual(expected);
    expect(drawn.units).toHaveLength(expected.length);
    expect(sent.filter((q) => q.includes('jurisdictionGraph'))).toHaveLength(1);
    expect(sent.some((q) => /\bunits\s*\(/.test(q))).toBe(false);
    expect(await page.getByTestId('jurisdiction-count').textContent()).toBe(`${total} 个辖区 · 已展开 ${expected.length} 个单位`);
    expect(errors).toEqual([]);
  });

  it('axe finds no serious or critical violation on the province view', async () => {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    if (bad.length) writeFileSync(join(SHOTS, 'province-axe.json'), JSON.stringify(bad, null, 2));
    expect(bad.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  });

  it('closing 长沙市 folds it back; 只看此辖区 shows its unit network alone', async () => {
    await page.getByRole('button', { name: '收起 长沙市' }).click();
    await page.waitForFunction((n) => (globalThis as any).__cy.nodes('[type="jurisdiction"]').length === n, total, { timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get('open')).toBeNull();

    await page.goto(`${app.url}/?open=430100`);
    await networkReady(page);
    await page.getByTestId('opened-430100').getByRole('button', { name: '只看此辖区' }).click();
    await page.waitForFunction(() => {
      const cy = (globalThis as any).__cy;
      return cy && cy.nodes('[type="jurisdiction"]').length === 0 && cy.nodes('[type="unit"]').length > 0;
    }, undefined, { timeout: 30_000 });
    await networkReady(page);
    const drawn = (await page.evaluate(DRAWN)) as Drawn;
    expect(new URL(page.url()).searchParams.get('jurisdiction')).toBe('430100');
    const units = await gql(app.url, `{ units(filter: { jurisdiction: "430100" }, limit: 500) { id memberOf { id } } jurisdictionGraph(jurisdiction: "430100", ties: ${TIES_PER_UNIT}) { shared { a } moreShared } }`);
    expect(drawn.units.sort()).toEqual(units.data.units.map((u: any) => u.id).sort());
    // Drawn from the pairs the API counted, not from every assignment of the city.
    const shared = await page.evaluate(() => (globalThis as any).__cy.edges('[type="shared"]').length as number);
    expect(shared).toBe(units.data.jurisdictionGraph.shared.length);
    // Each unit's strongest lines only; the weaker ones are counted under the drawing.
    expect(units.data.jurisdictionGraph.moreShared).toBeGreaterThan(0);
    expect(await page.getByTestId('more-shared').textContent()).toBe(`长沙市另有 ${units.data.jurisdictionGraph.moreShared} 条较弱的共同任务连线未画出（每个单位画出与它共同任务最多的 ${TIES_PER_UNIT} 条）`);
    expect(sent.some((q) => /\bunits\s*\(/.test(q))).toBe(false);

    // A document chosen: the units it assigns tasks to, and the members of its collectives, fetched with that document's assignments only.
    const doc = (await gql(app.url, '{ documents(jurisdiction: "430100", limit: 1) { id tasks { assignments { unit { id } } } } }')).data.documents[0];
    const assigned = new Set<string>(doc.tasks.flatMap((t: any) => t.assignments.map((a: any) => a.unit.id)));
    const members = units.data.units.filter((u: any) => u.memberOf.some((c: any) => assigned.has(c.id))).map((u: any) => u.id);
    const expected = new Set([...assigned, ...members]);
    expect(expected.size).toBeLessThan(units.data.units.length);
    await page.getByLabel('文件').selectOption(doc.id);
    await page.waitForFunction((n) => (globalThis as any).__cy.nodes('[type="unit"]').length === n, expected.size, { timeout: 30_000 });
    await networkReady(page);
    const withDoc = (await page.evaluate(DRAWN)) as Drawn;
    expect(new Set(withDoc.units)).toEqual(expected);
    expect(sent.filter((q) => /\bunits\s*\(/.test(q)).every((q) => q.includes('document: $d'))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('the region network opens with counties folded into their cities and the strongest links; a click opens a city', async () => {
    sent.length = 0;
    await page.goto(`${app.url}/?view=regions`);
    await networkReady(page, 'region-network');
    const REGIONS = `(() => window.__cy.nodes('[type="region"]').map((n) => ({ id: n.id(), level: n.data('level'), folded: n.data('folded'), parent: n.data('parent') ?? null })))()`;
    type RegionNode = { id: string; level: string; folded: number; parent: string | null };
    const before = (await page.evaluate(REGIONS)) as RegionNode[];
    await page.screenshot({ path: join(SHOTS, 'province-regions.png') });
    expect(before.some((n) => n.level === 'county')).toBe(false);
    const q = sent.find((x) => x.includes('regionNetwork'))!;
    expect(q).toContain('fold: $fold');
    // At most the 100 strongest links were sent; the API counts the rest.
    const all = (await gql(app.url, '{ regionNetwork(minTasks: 2, fold: true) { links { count } } }')).data.regionNetwork.links;
    const top = (await gql(app.url, '{ regionNetwork(minTasks: 2, fold: true, top: 100) { links { count } moreLinks } }')).data.regionNetwork;
    expect(all.length).toBeGreaterThan(100);
    expect(top.links).toHaveLength(100);
    expect(top.moreLinks).toBe(all.length - 100);
    expect(await page.getByTestId('region-count').textContent()).toContain(`另有 ${all.length - 100} 条较弱的联系未画出`);

    // The city standing for the most counties opens into them.
    const city = before.filter((n) => n.folded > 0).sort((a, b) => b.folded - a.folded)[0]!;
    await clickNode(page, city.id, 'region-network');
    await page.waitForFunction((id) => (globalThis as any).__cy.nodes(`[type="region"][parent="${id}"]`).length > 0, city.id, { timeout: 30_000 });
    await networkReady(page, 'region-network');
    const after = (await page.evaluate(REGIONS)) as RegionNode[];
    await page.screenshot({ path: join(SHOTS, 'province-regions-open.png') });
    expect(new URL(page.url()).searchParams.get('open')).toBe(city.id);
    const inside = after.filter((n) => n.parent === city.id);
    expect(inside.every((n) => n.level === 'county')).toBe(true);
    expect(inside.length).toBeLessThanOrEqual(city.folded);
    expect(after.filter((n) => n.level === 'county' && n.parent !== city.id)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

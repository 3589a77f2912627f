/**
 * Issue 13 in headless Chromium against the real server on the embedded store with the seeds:
 * labels a person can read, overload at a glance, the region network, and screenshots of every
 * view at two window sizes (test-output/screenshots/ — look at them).
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIR } from '../../server/app';
import { gql, startTestApp } from '../api/helpers';
import { networkReady, SHOTS, openPage } from '../support/web';

interface LabelBox { id: string; name: string; label: string; load: number; px: number; minPx: number; x1: number; y1: number; x2: number; y2: number }

/** Every unit label Cytoscape draws, with its rendered box and size, read from window.__cy. */
const DRAWN_LABELS = `(() => {
  const cy = window.__cy;
  const zoom = cy.zoom();
  return cy.nodes('[type="unit"]').filter((n) => n.visible() && String(n.style('label') || '') !== '').map((n) => {
    const b = n.renderedBoundingBox({ includeLabels: true, includeNodes: false, includeEdges: false, includeOverlays: false });
    return { id: n.id(), name: n.data('name'), label: n.style('label'), load: n.data('load'), px: parseFloat(n.style('font-size')) * zoom,
      minPx: parseFloat(n.style('min-zoomed-font-size')), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
  });
})()`;

/** Queries and layouts may take seconds on a shared machine. */
const POLL = { timeout: 15_000 };

describe('a network a person can read', () => {
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

  it('draws at least 20 unit labels at a readable size, none overlapping, the most loaded units first', async () => {
    await page.goto(app.url);
    await networkReady(page);
    const labels = (await page.evaluate(DRAWN_LABELS)) as LabelBox[];
    console.log(`unit labels drawn at the default zoom: ${labels.length}`);
    expect(labels.length).toBeGreaterThanOrEqual(20);
    const viewport = await page.getByTestId('network').boundingBox();
    for (const l of labels) {
      expect(l.px, l.name).toBeGreaterThanOrEqual(Math.max(l.minPx, 11.5));
      expect(l.x1 >= 0 && l.y1 >= 0 && l.x2 <= viewport!.width && l.y2 <= viewport!.height, `${l.name} inside the view`).toBe(true);
    }
    const overlapping: string[] = [];
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        const a = labels[i]!;
        const b = labels[j]!;
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlapping.push(`${a.name} / ${b.name}`);
      }
    }
    expect(overlapping).toEqual([]);
    // The 20 most loaded units (by the API's counts) are named.
    const api = await gql(app.url, '{ units(limit: 500) { id load { total } } }');
    const top = (api.data.units as Array<{ id: string; load: { total: number } }>).sort((a, b) => b.load.total - a.load.total).slice(0, 20);
    const named = new Set(labels.map((l) => l.id));
    expect(top.filter((u) => named.has(u.id)).length).toBeGreaterThanOrEqual(18);
    await page.screenshot({ path: join(SHOTS, 'labels-default-zoom.png') });
  }, 60_000);

  it('shows short forms on the canvas and the full name on hover', async () => {
    const fgw = '430500:市发展和改革委员会';
    const node = (await page.evaluate(`(() => { const n = window.__cy.getElementById('${fgw}'); const p = n.renderedPosition(); return { label: n.style('label'), x: p.x, y: p.y }; })()`)) as { label: string; x: number; y: number };
    expect(node.label).toBe('发改委');
    const box = (await page.getByTestId('network').boundingBox())!;
    await page.mouse.move(box.x + node.x, box.y + node.y);
    await expect.poll(() => page.getByRole('tooltip').textContent(), POLL).toContain('市发展和改革委员会');
    await page.mouse.move(box.x + 2, box.y + 2);
  }, 30_000);

  it('names more units as the user zooms in', async () => {
    const before = ((await page.evaluate(DRAWN_LABELS)) as LabelBox[]).length;
    await page.getByTestId('network').focus();
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await page.waitForTimeout(1000); // labels are placed 80 ms after the last zoom; leave room for a busy machine
    const after = ((await page.evaluate(DRAWN_LABELS)) as LabelBox[]).length;
    expect(after).toBeGreaterThan(before * 0.6); // the view now shows part of the graph …
    const perArea = async () => (await page.evaluate(`window.__cy.nodes('.labelled').length / window.__cy.nodes('[type="unit"]').filter((n) => { const p = n.renderedPosition(); return p.x >= 0 && p.y >= 0 && p.x <= window.__cy.width() && p.y <= window.__cy.height(); }).length`)) as number;
    const zoomedShare = await perArea();
    await page.keyboard.press('0');
    await page.waitForTimeout(1000);
    expect(zoomedShare).toBeGreaterThan(await perArea()); // … and names a larger share of what it shows
  }, 30_000);

  it('rings the overloaded units, and 只看超负荷 shows exactly the API’s overloaded units of a jurisdiction', async () => {
    const ringed = (await page.evaluate(`window.__cy.nodes('[type="unit"]').filter((n) => parseFloat(n.style('outline-width')) > 0).map((n) => n.id()).sort()`)) as string[];
    const all = await gql(app.url, '{ units(limit: 500) { id load { overloaded } } }');
    expect(ringed).toEqual(all.data.units.filter((u: any) => u.load.overloaded).map((u: any) => u.id).sort());
    expect(ringed).toContain('430500:市发展和改革委员会');
    await expect.poll(() => page.locator('.legend').textContent(), POLL).toContain('超负荷');

    for (const j of ['430500', '360300']) {
      const api = await gql(app.url, `{ overloadedUnits(jurisdiction: "${j}", top: 500) { unit { id } overloaded } }`);
      const expected = api.data.overloadedUnits.filter((l: any) => l.overloaded).map((l: any) => l.unit.id).sort();
      expect(expected.length).toBeGreaterThan(0);
      await page.goto(`${app.url}/?jurisdiction=${j}`);
      await networkReady(page);
      await page.getByTestId('only-overloaded').check();
      await expect.poll(() => page.evaluate(`window.__cy.nodes('[type="unit"]').map((n) => n.id()).sort().join(',')`)).toBe(expected.join(','));
      expect(page.url()).toContain('over=1');
    }
    await networkReady(page);
    await page.screenshot({ path: join(SHOTS, 'only-overloaded.png') });
  }, 60_000);

  it('draws the region network: at least 10 regions, counties in their cities, and the 邵阳市–粤港澳大湾区 line with its evidence', async () => {
    await page.goto(`${app.url}/?view=regions`);
    await networkReady(page, 'region-network');
    const regions = (await page.evaluate(`window.__cy.nodes('[type="region"]').length`)) as number;
    expect(regions).toBeGreaterThanOrEqual(10);
    expect(await page.evaluate(`window.__cy.getElementById('430528').parent().id()`)).toBe('430500'); // 新宁县 inside 邵阳市
    const edge = (await page.evaluate(`(() => { const e = window.__cy.edges('[source="430500"][target="area:粤港澳大湾区"], [source="area:粤港澳大湾区"][target="430500"]'); if (e.empty()) return null; const p = e.renderedMidpoint(); return { id: e.id(), weight: e.data('weight'), x: p.x, y: p.y }; })()`)) as { id: string; weight: number; x: number; y: number } | null;
    expect(edge).not.toBeNull();
    expect(edge!.weight).toBe(25);
    // Click the line itself: the evidence tasks open with their leads.
    const box = (await page.getByTestId('region-network').boundingBox())!;
    await page.mouse.click(box.x + edge!.x, box.y + edge!.y);
    const panel = page.getByTestId('link-panel');
    await expect.poll(() => panel.locator('.evidence li').count(), POLL).toBe(25);
    await expect.poll(() => panel.locator('h3').textContent(), POLL).toContain('邵阳市–粤港澳大湾区');
    expect(await panel.locator('.evidence li').first().textContent()).toMatch(/牵头/);
    expect(page.url()).toContain('link=');
    await page.screenshot({ path: join(SHOTS, 'region-network-evidence.png') });
  }, 60_000);

  it('takes a screenshot of every view at 1440×900 and 1024×768, with nothing cut off', async () => {
    const views: Array<[string, string, string]> = [
      ['network', '/', 'network'],
      ['network-list', '/?list=1', ''],
      ['network-tasks', '/?jurisdiction=360300&tasks=1', 'network'],
      ['unit-panel', '/?unit=430500%3A市发展和改革委员会', 'network'],
      ['document-reader', '/?unit=360300%3A市商务局&doc=001_5bed96e789233213&hl=1200-1300', 'network'],
      ['ranking', '/?view=overload&jurisdiction=430500', ''],
      ['cooperation', '/?view=cooperation', ''],
      ['regions', '/?view=regions', 'region-network'],
      ['regions-evidence', '/?view=regions&link=430500~area%3A粤港澳大湾区', 'region-network'],
      ['regions-list', '/?view=regions&list=1', ''],
      ['network-english', '/?lang=en', 'network'],
    ];
    for (const [w, h] of [[1440, 900], [1024, 768]] as const) {
      await page.setViewportSize({ width: w, height: h });
      for (const [name, path, graph] of views) {
        await page.goto(`${app.url}${path}`);
        if (graph) await networkReady(page, graph);
        else await page.waitForSelector('table, .links li', { timeout: 30_000 });
        await page.waitForTimeout(200);
        // Nothing wider than the window, and every header control inside it.
        const cut = await page.evaluate(`(() => {
          const out = [];
          if (document.documentElement.scrollWidth > window.innerWidth) out.push('page wider than the window');
          for (const el of document.querySelectorAll('.top button, .top input, .toolbar > *')) {
            const r = el.getBoundingClientRect();
            if (r.width > 0 && (r.left < 0 || r.right > window.innerWidth + 0.5)) out.push((el.textContent || el.getAttribute('aria-label') || el.tagName).trim());
          }
          return out;
        })()`);
        expect(cut, `${name} at ${w}×${h}`).toEqual([]);
        await page.screenshot({ path: join(SHOTS, `${name}-${w}x${h}.png`) });
      }
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 180_000);

  it('logged no errors in the browser console', () => {
    expect(errors).toEqual([]);
  });
});

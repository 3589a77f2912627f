/**
 * The network benchmark page (npm run bench:web opens it in headless Chromium): a synthetic graph
 * of ?units= units and ?edges= shared-task edges, with the app's style and layout. Reports time
 * to first render (elements at their seeded positions) and fcose layout time in window.__bench.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { GRAPH_STYLE, GROUP_LIMIT, layoutFor } from './cytoscape-style';
import { seededPosition } from './lib/graph';

cytoscape.use(fcose);
declare global { interface Window { __bench?: Record<string, number> } }

const params = new URLSearchParams(location.search);
const units = Number(params.get('units') ?? 5000);
const edges = Number(params.get('edges') ?? 20000);
const kinds = ['department', 'party_organ', 'county_government', 'zone', 'vertical_agency', 'enterprise', 'institution', 'federation', 'collective'];
// mulberry32: 32-bit integer arithmetic (an LCG in JS doubles loses precision and cycles early).
let seed = 42;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const groups = Math.max(1, Math.round(units / 40));
// Jurisdiction groups (compound nodes), as the app draws them up to GROUP_LIMIT units.
const grouped = units <= GROUP_LIMIT;

const elements: cytoscape.ElementDefinition[] = [];
if (grouped) for (let g = 0; g < groups; g++) elements.push({ data: { id: `g${g}`, type: 'group', label: `辖区${g}` } });
for (let i = 0; i < units; i++) {
  const load = Math.floor(rnd() * 30);
  elements.push({ data: { id: `u${i}`, type: 'unit', kind: kinds[i % kinds.length], label: `单位${i}`, parent: grouped ? `g${i % groups}` : undefined, size: 16 + Math.sqrt(load) * 9 }, position: seededPosition(`u${i}`) });
}
const seen = new Set<string>();
while (seen.size < edges) {
  // Mostly within a jurisdiction, as real plans are.
  const a = Math.floor(rnd() * units);
  const b = rnd() < 0.8 ? (a + groups * (1 + Math.floor(rnd() * 20))) % units : Math.floor(rnd() * units);
  if (a === b) continue;
  const key = a < b ? `${a}-${b}` : `${b}-${a}`;
  if (seen.has(key)) continue;
  seen.add(key);
  elements.push({ data: { id: `e${key}`, source: `u${a}`, target: `u${b}`, type: 'shared', weight: 1 + Math.floor(rnd() * 4) } });
}

const t0 = performance.now();
const cy = cytoscape({ container: document.getElementById('cy'), elements, style: GRAPH_STYLE, layout: { name: 'preset' }, hideEdgesOnViewport: true });
requestAnimationFrame(() => {
  const firstRender = performance.now() - t0;
  const t1 = performance.now();
  const layout = cy.layout(params.get('layout') === 'none' ? { name: 'preset' } : layoutFor(cy.nodes().length));
  layout.one('layoutstop', () => {
    const layoutMs = performance.now() - t1;
    requestAnimationFrame(() => {
      window.__bench = { grouped: Number(grouped), units, edges: cy.edges().length, firstRenderMs: Math.round(firstRender), layoutMs: Math.round(layoutMs), totalMs: Math.round(performance.now() - t0) };
    });
  });
  layout.run();
});

/**
 * The network benchmark page (npm run bench:web opens it in headless Chromium): a synthetic graph
 * of ?units= units and ?edges= shared-task edges, mounted exactly as the app mounts its network
 * (renderer by size, or ?renderer=canvas|webgl; layout in a worker for large graphs; labels).
 * Reports time to first render, layout time and the longest main-thread task in window.__bench.
 */
import type cytoscape from 'cytoscape';
import { GROUP_LIMIT, layoutFor } from './cytoscape-style';
import { seededPosition } from './lib/graph';
import { mountNetwork } from './network/mount';
import './bench.css';

declare global { interface Window { __bench?: Record<string, number | string> } }

// Long tasks: any stretch over 50 ms in which the page could not answer input.
const longTasks: number[] = [];
new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });

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
  elements.push({ data: { id: `u${i}`, type: 'unit', kind: kinds[i % kinds.length], label: `单位${i}`, parent: grouped ? `g${i % groups}` : undefined, load, size: 16 + Math.sqrt(load) * 9, overloaded: load > 27 }, position: seededPosition(`u${i}`) });
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

const nodes = elements.filter((e) => !e.data.source);
const links = elements.filter((e) => e.data.source);
const forced = params.get('renderer');
const h = mountNetwork(document.getElementById('cy')!, {
  nodes, edges: links, layout: params.get('layout') === 'none' ? { name: 'preset' } : layoutFor(nodes.length),
  labels: { selector: 'node[type="unit"]', priority: (n) => Number(n.data('load')) },
  webgl: forced ? forced === 'webgl' : undefined,
});
(window as unknown as { __cy: cytoscape.Core }).__cy = h.cy;
void h.ready.then(({ firstRenderMs, layoutMs }) => {
  window.__bench = {
    grouped: Number(grouped), units, edges: links.length, renderer: h.renderer, firstRenderMs: Math.round(firstRenderMs), layoutMs: Math.round(layoutMs),
    sinceNavigationMs: Math.round(performance.now()), longestTaskMs: Math.round(Math.max(0, ...longTasks)), labels: h.cy.nodes('.labelled').length,
    ...Object.fromEntries(performance.getEntriesByType('measure').filter((m) => m.name.startsWith('network:')).map((m) => [m.name.slice(8), Math.round(m.duration)])),
  };
});

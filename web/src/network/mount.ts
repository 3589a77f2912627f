/**
 * One way to put a graph on the page, for the app's views and the benchmark page alike:
 * WebGL for large graphs (canvas for small ones, whose labels and rings it draws better), the
 * layout off the main thread for large graphs so the page never freezes, labels placed after.
 */
import cytoscape from 'cytoscape';
import { GRAPH_STYLE, WEBGL_FROM } from '../cytoscape-style';
import { seededPosition } from '../lib/graph';
import { attachLabels, type LabelOptions } from './labels';
import { layoutOffThread, requestOf } from './layout';
import { packComponents } from './pack';

/** Up to this many nodes the layout runs here: it takes a few tens of milliseconds and nothing jumps. */
export const SYNC_LAYOUT_MAX = 400;

let webgl2: boolean | undefined;
export function hasWebgl2(): boolean {
  if (webgl2 === undefined) {
    try {
      const gl = document.createElement('canvas').getContext('webgl2');
      webgl2 = !!gl;
      gl?.getExtension('WEBGL_lose_context')?.loseContext();
    } catch {
      webgl2 = false;
    }
  }
  return webgl2;
}

export interface NetworkHandle {
  cy: cytoscape.Core;
  renderer: 'webgl' | 'canvas';
  /** Resolves once the laid-out graph is drawn with its labels; first render comes before. */
  ready: Promise<{ firstRenderMs: number; layoutMs: number }>;
  labels: { update: () => void };
  destroy: () => void;
}

export function mountNetwork(container: HTMLElement, opts: {
  nodes: cytoscape.ElementDefinition[]; edges: cytoscape.ElementDefinition[]; layout: cytoscape.LayoutOptions; labels: LabelOptions;
  /** Force the renderer (the benchmark compares them); otherwise by size. */
  webgl?: boolean;
}): NetworkHandle {
  const t0 = performance.now();
  const n = opts.nodes.length;
  const webgl = opts.webgl ?? (n >= WEBGL_FROM && hasWebgl2());
  const cy = cytoscape({
    container,
    elements: [...opts.nodes.map((e) => ({ ...e, position: e.position ?? seededPosition(String(e.data.id)) })), ...opts.edges],
    style: GRAPH_STYLE,
    layout: { name: 'preset', fit: false },
    ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
    hideEdgesOnViewport: opts.edges.length > 5000,
    minZoom: 0.05,
    maxZoom: 4,
  } as cytoscape.CytoscapeOptions);
  const labels = attachLabels(cy, opts.labels);
  const fit = () => cy.fit(undefined, 24);
  const frame = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));

  let cancel = () => {};
  const ready = (async () => {
    if (n <= SYNC_LAYOUT_MAX) {
      const t1 = performance.now();
      cy.layout(opts.layout).run();
      packComponents(cy, cy.width() / Math.max(1, cy.height()));
      const layoutMs = performance.now() - t1;
      fit();
      labels.update();
      const shown = await frame();
      return { firstRenderMs: shown - t0, layoutMs };
    }
    // Large: draw at the seeded positions at once, lay out in a worker, then move the nodes.
    fit();
    const firstRenderMs = (await frame()) - t0;
    const job = layoutOffThread(requestOf(cy, opts.layout));
    cancel = job.cancel;
    const t1 = performance.now();
    const { positions } = await job.result;
    if (cy.destroyed()) return { firstRenderMs, layoutMs: performance.now() - t1 };
    cy.batch(() => cy.nodes().forEach((node) => {
      const p = positions[node.id()];
      if (p && !node.isParent()) node.position(p);
    }));
    fit();
    labels.update();
    await frame();
    return { firstRenderMs, layoutMs: performance.now() - t1 };
  })();

  return {
    cy, renderer: webgl ? 'webgl' : 'canvas', ready, labels,
    destroy: () => {
      cancel();
      labels.detach();
      cy.destroy();
    },
  };
}

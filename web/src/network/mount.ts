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
/** Edges added per frame once a large graph is laid out, so that no single task blocks the page for long. */
const EDGE_CHUNK = 10000;

let webgl2: boolean | undefined;
/**
 * WebGL 2 on a real GPU. A software implementation (SwiftShader, llvmpipe: what a machine without
 * a GPU, such as our CI, has) draws 5,000 nodes in seconds per frame, far slower than the canvas.
 */
export function hasHardwareWebgl2(): boolean {
  if (webgl2 === undefined) {
    try {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      const renderer = gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
      webgl2 = !!gl && !/swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer);
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
  const webgl = opts.webgl ?? (n >= WEBGL_FROM && hasHardwareWebgl2());
  const large = n > SYNC_LAYOUT_MAX;
  const nodes = opts.nodes.map((e) => ({ ...e, position: e.position ?? seededPosition(String(e.data.id)) }));
  const cy = cytoscape({
    container,
    // A large graph's edges wait for its layout: drawn between seeded positions they would only be
    // a costly tangle of long lines.
    elements: large ? nodes : [...nodes, ...opts.edges],
    style: GRAPH_STYLE,
    layout: { name: 'preset', fit: false },
    ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
    hideEdgesOnViewport: opts.edges.length > 5000,
    minZoom: 0.05,
    maxZoom: 4,
  } as cytoscape.CytoscapeOptions);
  // Marks for bench:web (how the first render splits between building the graph and drawing it).
  performance.measure('network:construct', { start: t0 });
  const labels = attachLabels(cy, opts.labels);
  const fit = () => cy.fit(undefined, 24);
  const frame = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));

  let cancel = () => {};
  const ready = (async () => {
    if (!large) {
      const t1 = performance.now();
      cy.layout(opts.layout).run();
      packComponents(cy, cy.width() / Math.max(1, cy.height()));
      const layoutMs = performance.now() - t1;
      performance.measure('network:layout', { start: t1 });
      fit();
      const t2 = performance.now();
      labels.update();
      performance.measure('network:labels', { start: t2 });
      const shown = await frame();
      return { firstRenderMs: shown - t0, layoutMs };
    }
    // Large: draw the nodes at their seeded positions at once, lay out in a worker, then move
    // the nodes and add the edges a chunk per frame.
    fit();
    const firstRenderMs = (await frame()) - t0;
    performance.measure('network:first-frame', { start: t0 });
    const job = layoutOffThread(requestOf(nodes, opts.edges, opts.layout, cy.width() / Math.max(1, cy.height())));
    cancel = job.cancel;
    const t1 = performance.now();
    const { positions, ms } = await job.result;
    performance.measure('network:layout-worker', { start: t1, duration: ms });
    if (cy.destroyed()) return { firstRenderMs, layoutMs: performance.now() - t1 };
    const t2 = performance.now();
    cy.batch(() => cy.nodes().forEach((node) => {
      const p = positions[node.id()];
      if (p && !node.isParent()) node.position(p);
    }));
    fit();
    performance.measure('network:positions', { start: t2 });
    const t3 = performance.now();
    labels.update();
    performance.measure('network:labels', { start: t3 });
    for (let i = 0; i < opts.edges.length; i += EDGE_CHUNK) {
      await frame();
      if (cy.destroyed()) break;
      const t4 = performance.now();
      cy.add(opts.edges.slice(i, i + EDGE_CHUNK));
      performance.measure('network:add-edges', { start: t4 });
    }
    await frame();
    performance.measure('network:apply-layout', { start: t2 });
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

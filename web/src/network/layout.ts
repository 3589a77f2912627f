/**
 * Layout off the main thread: the graph's nodes and edges go to a Web Worker that runs fcose
 * and answers with positions. If the browser cannot start the worker, the layout runs here.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { LAYOUT_STYLE } from './layout-style';
import { packComponents } from './pack';

cytoscape.use(fcose);

export interface LayoutRequest {
  nodes: Array<{ id: string; parent?: string; size?: number; x: number; y: number }>;
  edges: Array<{ id: string; source: string; target: string }>;
  options: Record<string, unknown>;
  /** Width / height of the view the parts are packed for. */
  aspect: number;
}
export interface LayoutResult { positions: Record<string, { x: number; y: number }>; ms: number }

export function requestOf(nodes: readonly cytoscape.ElementDefinition[], edges: readonly cytoscape.ElementDefinition[], options: cytoscape.LayoutOptions, aspect: number): LayoutRequest {
  return {
    nodes: nodes.map((n) => ({ id: String(n.data.id), parent: n.data.parent as string | undefined, size: n.data.size as number | undefined, x: n.position?.x ?? 0, y: n.position?.y ?? 0 })),
    edges: edges.map((e) => ({ id: String(e.data.id), source: String(e.data.source), target: String(e.data.target) })),
    options: options as unknown as Record<string, unknown>,
    aspect: aspect || 1.5,
  };
}

/** Positions for the request; cancel() stops a layout that is no longer wanted. */
export function layoutOffThread(req: LayoutRequest): { result: Promise<LayoutResult>; cancel: () => void } {
  let worker: Worker | null = null;
  let cancelled = false;
  const result = new Promise<LayoutResult>((resolve, reject) => {
    const onMainThread = () => {
      const t0 = performance.now();
      const cy = cytoscape({ headless: true, styleEnabled: true, style: LAYOUT_STYLE,
        elements: [...req.nodes.map((n) => ({ data: { id: n.id, parent: n.parent, size: n.size }, position: { x: n.x, y: n.y } })), ...req.edges.map((data) => ({ data }))] });
      cy.layout({ ...req.options, animate: false } as cytoscape.LayoutOptions).run();
      packComponents(cy, req.aspect);
      const positions: LayoutResult['positions'] = {};
      cy.nodes().forEach((n) => {
        if (!n.isParent()) positions[n.id()] = { ...n.position() };
      });
      cy.destroy();
      resolve({ positions, ms: performance.now() - t0 });
    };
    try {
      worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      onMainThread();
      return;
    }
    worker.onmessage = (e: MessageEvent<LayoutResult>) => {
      worker?.terminate();
      if (!cancelled) resolve(e.data);
    };
    worker.onerror = (e) => {
      worker?.terminate();
      if (cancelled) return;
      e.preventDefault();
      try {
        onMainThread();
      } catch (err) {
        reject(err);
      }
    };
    worker.postMessage(req);
  });
  return { result, cancel: () => {
    cancelled = true;
    worker?.terminate();
  } };
}

/**
 * Runs the fcose layout off the main thread, on a headless Cytoscape instance with the same
 * nodes (sizes, parents, seeded positions) and edges, and sends back the leaf nodes' positions.
 * The page stays responsive however long the layout takes.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LayoutRequest, LayoutResult } from './layout';
import { LAYOUT_STYLE } from './layout-style';
import { packComponents } from './pack';

cytoscape.use(fcose);

self.onmessage = (e: MessageEvent<LayoutRequest>) => {
  const t0 = performance.now();
  const { nodes, edges, options } = e.data;
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: LAYOUT_STYLE,
    elements: [
      ...nodes.map((n) => ({ data: { id: n.id, parent: n.parent, size: n.size }, position: { x: n.x, y: n.y } })),
      ...edges.map((ed) => ({ data: ed })),
    ],
  });
  cy.layout({ ...options, animate: false } as cytoscape.LayoutOptions).run();
  packComponents(cy, e.data.aspect);
  const positions: LayoutResult['positions'] = {};
  cy.nodes().forEach((n) => {
    if (n.isParent()) return;
    const p = n.position();
    positions[n.id()] = { x: p.x, y: p.y };
  });
  cy.destroy();
  const result: LayoutResult = { positions, ms: performance.now() - t0 };
  (self as unknown as Worker).postMessage(result);
};

/**
 * Packs a laid-out graph's connected parts (a compound node and everything in it counting as
 * one piece) to fill a view of the given shape; see lib/pack.ts.
 */
import type cytoscape from 'cytoscape';
import { shelfPack } from '../lib/pack';

export function packComponents(cy: cytoscape.Core, aspect: number, gap = 60): void {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(id, r);
    return r;
  };
  const union = (a: string, b: string) => parent.set(find(a), find(b));
  cy.nodes().forEach((n) => {
    parent.set(n.id(), n.id());
  });
  cy.nodes().forEach((n) => {
    const p = n.parent();
    if (p.nonempty()) union(n.id(), p[0]!.id());
  });
  cy.edges().forEach((e) => {
    union(e.source().id(), e.target().id());
  });
  const members = new Map<string, cytoscape.NodeSingular[]>();
  cy.nodes().forEach((n) => {
    const r = find(n.id());
    const list = members.get(r);
    if (list) list.push(n);
    else members.set(r, [n]);
  });
  if (members.size < 2) return;
  const parts = new Map([...members].map(([id, list]) => [id, cy.collection(list as unknown as cytoscape.CollectionArgument) as cytoscape.NodeCollection]));
  const boxes = [...parts].map(([id, nodes]) => {
    const bb = nodes.boundingBox({ includeLabels: false, includeOverlays: false });
    return { id, w: bb.w, h: bb.h, x1: bb.x1, y1: bb.y1 };
  });
  const at = shelfPack(boxes, aspect, gap);
  cy.batch(() => {
    for (const b of boxes) {
      const to = at.get(b.id)!;
      const dx = to.x - b.x1;
      const dy = to.y - b.y1;
      parts.get(b.id)!.filter((n) => !n.isParent()).forEach((n) => {
        n.shift({ x: dx, y: dy });
      });
    }
  });
}

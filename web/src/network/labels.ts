/**
 * Draws the labels the placement (lib/label-placement.ts) picks: the most loaded nodes first,
 * none overlapping another label, a node or a box title, all at the same size on screen
 * whatever the zoom. Runs again after every zoom or pan, so more names appear as the user
 * zooms in.
 */
import type cytoscape from 'cytoscape';
import { LABEL_FONT_FAMILY } from '../cytoscape-style';
import { overlaps, placeLabels, type Box, type LabelCandidate, type Side } from '../lib/label-placement';

/** Label size on screen, in CSS pixels, and the halo around the text. */
export const LABEL_PX = 12;
/** Box titles (jurisdictions, provinces) and the overload ring, also the same on screen at any zoom. */
const TITLE_PX = 14;
const RING_PX = 3;
const OUTLINE_PX = 2;
const GAP_PX = 2;

const ALIGN: Record<Side, { valign: string; halign: string; mx: number; my: number }> = {
  bottom: { valign: 'bottom', halign: 'center', mx: 0, my: 1 },
  top: { valign: 'top', halign: 'center', mx: 0, my: -1 },
  right: { valign: 'center', halign: 'right', mx: 1, my: 0 },
  left: { valign: 'center', halign: 'left', mx: -1, my: 0 },
  'bottom-right': { valign: 'bottom', halign: 'right', mx: 1, my: 1 },
  'top-right': { valign: 'top', halign: 'right', mx: 1, my: -1 },
  'bottom-left': { valign: 'bottom', halign: 'left', mx: -1, my: 1 },
  'top-left': { valign: 'top', halign: 'left', mx: -1, my: -1 },
};
const BYPASS = 'font-size text-outline-width text-valign text-halign text-margin-x text-margin-y';

export interface LabelOptions {
  /** Nodes that may get a label. */
  selector: string;
  /** Higher first: load for units, tasks for regions. */
  priority: (n: cytoscape.NodeSingular) => number;
  /** Whose titles are obstacles (jurisdiction boxes, region boxes). */
  obstacles?: string;
  /** Ids labelled whenever they fit (the selected or focused node). */
  pinned?: () => readonly string[];
  /** How many of the most important nodes no label may cover (see placeLabels). */
  solidBodies?: number;
}

export function attachLabels(cy: cytoscape.Core, opts: LabelOptions): { update: () => void; detach: () => void } {
  const ctx = document.createElement('canvas').getContext('2d');
  const widths = new Map<string, number>();
  const measure = (text: string, font: string, px: number) => {
    const key = `${font}|${text}`;
    let w = widths.get(key);
    if (w === undefined) {
      if (ctx) ctx.font = font;
      w = ctx ? ctx.measureText(text).width : text.length * px;
      widths.set(key, w);
    }
    return w;
  };
  const widthOf = (text: string) => measure(text, `normal normal ${LABEL_PX}px ${LABEL_FONT_FAMILY}`, LABEL_PX);
  const titleWidthOf = (text: string) => measure(text, `normal bold ${TITLE_PX}px ${LABEL_FONT_FAMILY}`, TITLE_PX);
  let labelled = cy.collection();

  const update = () => {
    if (cy.destroyed()) return;
    const zoom = cy.zoom();
    const viewport: Box = { x1: 0, y1: 0, x2: cy.width(), y2: cy.height() };
    const pinned = new Set(opts.pinned?.() ?? []);
    cy.batch(() => {
      if (opts.obstacles) cy.nodes(opts.obstacles).filter(':parent').style('font-size', TITLE_PX / zoom);
      cy.nodes('[?overloaded]').style({ 'outline-width': Math.max(4, RING_PX / zoom), 'outline-offset': Math.max(2, 1.5 / zoom) } as unknown as cytoscape.Css.Node);
    });
    const candidates: LabelCandidate[] = [];
    const byId = new Map<string, cytoscape.NodeSingular>();
    const slack = 2 + zoom; // Cytoscape rounds the text width up in model units
    // Labels stay inside their box: boxes are sized without their children's labels and packed edge to edge.
    const boxes = new Map<string, Box>();
    const boxOf = (p: cytoscape.NodeSingular): Box => {
      let b = boxes.get(p.id());
      if (!b) {
        const r = p.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
        b = { x1: r.x1, y1: r.y1, x2: r.x2, y2: r.y2 };
        boxes.set(p.id(), b);
      }
      return b;
    };
    cy.nodes(opts.selector).forEach((n) => {
      // Faded nodes (outside the selection's neighbourhood) leave the room to the ones in it.
      if (n.isParent() || !n.visible() || n.hasClass('faded')) return;
      const p = n.renderedPosition();
      const bb = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
      const r = Math.max(bb.w, bb.h) / 2;
      if (p.x + r < 0 || p.y + r < 0 || p.x - r > viewport.x2 || p.y - r > viewport.y2) return;
      const text = String(n.data('label') ?? '');
      if (!text) return;
      byId.set(n.id(), n);
      candidates.push({
        id: n.id(), priority: opts.priority(n), x: p.x, y: p.y, r, pinned: pinned.has(n.id()),
        w: widthOf(text) + 2 * OUTLINE_PX + slack, h: LABEL_PX + 2 * OUTLINE_PX + slack,
        within: n.isChild() ? boxOf(n.parent()[0] as cytoscape.NodeSingular) : undefined,
      });
    });
    // Box titles first, outermost first: above the box, or below it if that spot is taken (a
    // city's box at the top of its province's), or not at all (the tooltip still names it).
    const obstacles: Box[] = [];
    if (opts.obstacles) {
      const titles = cy.nodes(opts.obstacles).filter((g) => g.isParent() && g.visible()).toArray() as cytoscape.NodeSingular[];
      titles.sort((a, b) => a.ancestors().length - b.ancestors().length || (a.id() < b.id() ? -1 : 1));
      cy.batch(() => {
        for (const g of titles) {
          const b = g.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
          const text = String(g.data('name') ?? g.data('label') ?? '');
          const w = titleWidthOf(text) + 6;
          const h = TITLE_PX + 6;
          const cx = (b.x1 + b.x2) / 2;
          const spots: Array<[string, Box]> = [
            ['top', { x1: cx - w / 2, y1: b.y1 - h, x2: cx + w / 2, y2: b.y1 }],
            ['bottom', { x1: cx - w / 2, y1: b.y2, x2: cx + w / 2, y2: b.y2 + h }],
          ];
          // A little air between titles, so that stacked ones do not touch.
          const free = spots.find(([, box]) => !obstacles.some((o) => overlaps(o, { x1: box.x1 - 3, y1: box.y1 - 3, x2: box.x2 + 3, y2: box.y2 + 3 })));
          if (free) {
            obstacles.push(free[1]);
            g.style({ label: text, 'text-valign': free[0] } as unknown as cytoscape.Css.Node);
          } else {
            g.style('label', '');
          }
        }
      });
    }
    const placed = placeLabels(candidates, { viewport, obstacles, gap: GAP_PX, solidBodies: opts.solidBodies ?? 25 });
    const candidateOf = new Map(candidates.map((c) => [c.id, c]));

    cy.batch(() => {
      const next = cy.collection();
      for (const [id, { side }] of placed) {
        const n = byId.get(id)!;
        const a = ALIGN[side];
        const c = candidateOf.get(id)!;
        // From the node's edge (where Cytoscape anchors the label) to the box the placement chose: ring, gap, halo.
        const mx = (c.r - (n.width() / 2) * zoom + GAP_PX + OUTLINE_PX) / zoom;
        const my = (c.r - (n.height() / 2) * zoom + GAP_PX + OUTLINE_PX) / zoom;
        n.style({
          'font-size': LABEL_PX / zoom, 'text-outline-width': OUTLINE_PX / zoom, 'text-valign': a.valign, 'text-halign': a.halign,
          'text-margin-x': a.mx * mx, 'text-margin-y': a.my * my,
        } as unknown as cytoscape.Css.Node);
        next.merge(n);
      }
      labelled.difference(next).removeClass('labelled').removeStyle(BYPASS);
      next.addClass('labelled');
      labelled = next;
    });
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(update, 80);
  };
  cy.on('viewport resize', schedule);
  return {
    update,
    detach: () => {
      clearTimeout(timer);
      if (!cy.destroyed()) cy.off('viewport resize', schedule);
    },
  };
}

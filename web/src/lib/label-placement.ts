/**
 * Which labels to draw, and on which side of their node, so that none overlaps another label,
 * a node body or an obstacle (a jurisdiction box's title): greedy by priority (load), so the
 * most loaded units are named first and more names appear as the user zooms in. Rendered
 * (screen) coordinates throughout; a grid index keeps it linear in the number of nodes.
 */
export interface Box { x1: number; y1: number; x2: number; y2: number }
export type Side = 'bottom' | 'right' | 'top' | 'left' | 'bottom-right' | 'top-right' | 'bottom-left' | 'top-left';
/** Below the node reads best; then beside it, above it, and at its corners. */
export const SIDES: readonly Side[] = ['bottom', 'right', 'top', 'left', 'bottom-right', 'top-right', 'bottom-left', 'top-left'];

export interface LabelCandidate {
  id: string;
  /** Higher first. */
  priority: number;
  /** Node centre and half its rendered size. */
  x: number;
  y: number;
  r: number;
  /** Rendered label size. */
  w: number;
  h: number;
  /** Always labelled if it fits anywhere (the selected unit). */
  pinned?: boolean;
  /** The box the label must stay inside (its jurisdiction's), besides the viewport. */
  within?: Box;
}

export interface Placement { side: Side; box: Box }

export function labelBox(c: LabelCandidate, side: Side, gap: number): Box {
  switch (side) {
    case 'bottom': return { x1: c.x - c.w / 2, y1: c.y + c.r + gap, x2: c.x + c.w / 2, y2: c.y + c.r + gap + c.h };
    case 'top': return { x1: c.x - c.w / 2, y1: c.y - c.r - gap - c.h, x2: c.x + c.w / 2, y2: c.y - c.r - gap };
    case 'right': return { x1: c.x + c.r + gap, y1: c.y - c.h / 2, x2: c.x + c.r + gap + c.w, y2: c.y + c.h / 2 };
    case 'left': return { x1: c.x - c.r - gap - c.w, y1: c.y - c.h / 2, x2: c.x - c.r - gap, y2: c.y + c.h / 2 };
    case 'bottom-right': return { x1: c.x + c.r + gap, y1: c.y + c.r + gap, x2: c.x + c.r + gap + c.w, y2: c.y + c.r + gap + c.h };
    case 'top-right': return { x1: c.x + c.r + gap, y1: c.y - c.r - gap - c.h, x2: c.x + c.r + gap + c.w, y2: c.y - c.r - gap };
    case 'bottom-left': return { x1: c.x - c.r - gap - c.w, y1: c.y + c.r + gap, x2: c.x - c.r - gap, y2: c.y + c.r + gap + c.h };
    case 'top-left': return { x1: c.x - c.r - gap - c.w, y1: c.y - c.r - gap - c.h, x2: c.x - c.r - gap, y2: c.y - c.r - gap };
  }
}

export const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
const inside = (a: Box, v: Box) => a.x1 >= v.x1 && a.y1 >= v.y1 && a.x2 <= v.x2 && a.y2 <= v.y2;

class Grid {
  private cells = new Map<string, Array<{ box: Box; owner: string }>>();
  constructor(private size: number) {}
  private keys(b: Box): string[] {
    const out: string[] = [];
    for (let i = Math.floor(b.x1 / this.size); i <= Math.floor(b.x2 / this.size); i++) {
      for (let j = Math.floor(b.y1 / this.size); j <= Math.floor(b.y2 / this.size); j++) out.push(`${i},${j}`);
    }
    return out;
  }
  add(box: Box, owner: string) {
    for (const k of this.keys(box)) {
      const list = this.cells.get(k);
      if (list) list.push({ box, owner });
      else this.cells.set(k, [{ box, owner }]);
    }
  }
  hits(box: Box, self: string): boolean {
    for (const k of this.keys(box)) for (const e of this.cells.get(k) ?? []) if (e.owner !== self && overlaps(box, e.box)) return true;
    return false;
  }
}

export function placeLabels(
  candidates: readonly LabelCandidate[],
  opts: { viewport: Box; obstacles?: readonly Box[]; gap?: number; max?: number; solidBodies?: number },
): Map<string, Placement> {
  const gap = opts.gap ?? 2;
  const solid = opts.solidBodies ?? Infinity;
  const visible = candidates.filter((c) => c.x + c.r >= opts.viewport.x1 && c.x - c.r <= opts.viewport.x2 && c.y + c.r >= opts.viewport.y1 && c.y - c.r <= opts.viewport.y2);
  const grid = new Grid(64);
  for (const o of opts.obstacles ?? []) grid.add(o, '');
  const order = [...visible].sort((a, b) => Number(!!b.pinned) - Number(!!a.pinned) || b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Node bodies: no label covers one of the `solid` most important nodes; a label may pass over
  // a minor node (its halo keeps both readable), or dense clusters would leave their heaviest
  // units unnamed.
  for (const c of order.slice(0, solid)) grid.add({ x1: c.x - c.r, y1: c.y - c.r, x2: c.x + c.r, y2: c.y + c.r }, c.id);
  const placed = new Map<string, Placement>();
  const max = opts.max ?? Infinity;
  for (const c of order) {
    if (placed.size >= max) break;
    for (const side of SIDES) {
      const box = labelBox(c, side, gap);
      if (!inside(box, opts.viewport) || (c.within && !inside(box, c.within)) || grid.hits(box, c.id)) continue;
      // Kept 1 px apart: two labels placed edge to edge touched, and their drawn halos overlapped by a fraction of a pixel.
      grid.add({ x1: box.x1 - 1, y1: box.y1 - 1, x2: box.x2 + 1, y2: box.y2 + 1 }, `label:${c.id}`);
      placed.set(c.id, { side, box });
      break;
    }
  }
  return placed;
}

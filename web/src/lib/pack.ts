/**
 * Disconnected parts of a graph (one per jurisdiction, in the unit network) packed in rows so
 * that together they fill the view's shape: the drawing can then be fitted at the largest
 * zoom, which is what makes names fit. Boxes never overlap.
 */
export interface PackBox { id: string; w: number; h: number }

/**
 * Bottom-left fill within a row width: each box (tallest first) goes to the highest, then
 * leftmost, free spot along the edges of the boxes already placed — so a short part leaves room
 * below it for the next one instead of a whole row.
 */
function shelves(boxes: readonly PackBox[], width: number, gap: number) {
  const at = new Map<string, { x: number; y: number }>();
  const placed: Array<{ x1: number; y1: number; x2: number; y2: number }> = [];
  let maxW = 0;
  let maxH = 0;
  for (const b of boxes) {
    const spots = [{ x: 0, y: 0 }, ...placed.flatMap((p) => [{ x: p.x2 + gap, y: p.y1 }, { x: p.x1, y: p.y2 + gap }, { x: 0, y: p.y2 + gap }])];
    spots.sort((p, q) => p.y - q.y || p.x - q.x);
    const spot = spots.find((p) => (p.x === 0 || p.x + b.w <= width)
      && !placed.some((o) => p.x < o.x2 + gap && o.x1 < p.x + b.w + gap && p.y < o.y2 + gap && o.y1 < p.y + b.h + gap)) ?? { x: 0, y: maxH + gap };
    at.set(b.id, spot);
    placed.push({ x1: spot.x, y1: spot.y, x2: spot.x + b.w, y2: spot.y + b.h });
    maxW = Math.max(maxW, spot.x + b.w);
    maxH = Math.max(maxH, spot.y + b.h);
  }
  return { at, w: maxW, h: maxH };
}

/** Top-left corners for the boxes, packed in rows or in columns, whichever lets a view of this width/height ratio show them larger. */
export function shelfPack(boxes: readonly PackBox[], aspect: number, gap: number): Map<string, { x: number; y: number }> {
  const rows = packRows(boxes, aspect, gap);
  // Columns are rows of the transposed boxes.
  const cols = packRows(boxes.map((b) => ({ id: b.id, w: b.h, h: b.w })), 1 / aspect, gap);
  if (cols.scale <= rows.scale) return rows.at;
  return new Map([...cols.at].map(([id, p]) => [id, { x: p.y, y: p.x }]));
}

function packRows(boxes: readonly PackBox[], aspect: number, gap: number): { at: Map<string, { x: number; y: number }>; scale: number } {
  // Tallest first, ties by id, so the result is the same on every load.
  const sorted = [...boxes].sort((a, b) => b.h - a.h || b.w - a.w || (a.id < b.id ? -1 : 1));
  const widest = Math.max(0, ...sorted.map((b) => b.w));
  const total = sorted.reduce((s, b) => s + b.w + gap, 0);
  let best: ReturnType<typeof shelves> | null = null;
  let bestScale = -1;
  // Try row widths from one column to one row; keep the one that lets the view show it largest.
  for (let i = 0; i <= 40; i++) {
    const width = widest + ((total - widest) * i) / 40;
    const r = shelves(sorted, width, gap);
    const scale = Math.min(aspect / Math.max(1, r.w), 1 / Math.max(1, r.h));
    if (scale > bestScale) {
      bestScale = scale;
      best = r;
    }
  }
  return { at: best?.at ?? new Map(), scale: bestScale };
}

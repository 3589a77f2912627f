/**
 * Disconnected parts of a graph (one per jurisdiction, in the unit network) packed in rows so
 * that together they fill the view's shape: the drawing can then be fitted at the largest
 * zoom, which is what makes names fit. Boxes never overlap.
 */
export interface PackBox { id: string; w: number; h: number }

function shelves(boxes: readonly PackBox[], width: number, gap: number) {
  const at = new Map<string, { x: number; y: number }>();
  let x = 0;
  let y = 0;
  let rowH = 0;
  let maxW = 0;
  for (const b of boxes) {
    if (x > 0 && x + b.w > width) {
      y += rowH + gap;
      x = 0;
      rowH = 0;
    }
    at.set(b.id, { x, y });
    x += b.w + gap;
    rowH = Math.max(rowH, b.h);
    maxW = Math.max(maxW, x - gap);
  }
  return { at, w: maxW, h: y + rowH };
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

/**
 * 导出图片 as a document that stands on its own (issue 21, item 5): the graph Cytoscape draws,
 * under a header with the title, the active filters and the date, and above a legend, composed
 * on one canvas. A PNG passed on by e-mail says what it shows without the page around it.
 */

export interface PngCaption {
  title: string;
  /** One line each, already labelled ("辖区：邵阳市"); the caller says "no filter" when there is none. */
  filters: string[];
  date: string;
  legend: LegendItem[];
}

export type LegendItem =
  | { kind: 'dot'; color: string; label: string }
  | { kind: 'ring'; color: string; label: string }
  | { kind: 'line'; color: string; dashed?: boolean; width?: number; label: string };

const FONT = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/** The graph's PNG with the caption drawn around it, at the graph's own scale (`scale`: its pixels per CSS pixel). */
export async function composePng(graph: Blob, caption: PngCaption, scale = 2): Promise<Blob> {
  const img = await createImageBitmap(graph);
  const s = scale;
  const pad = 16 * s;
  const line = 20 * s;
  const width = Math.max(img.width + 2 * pad, 900 * s);
  // The legend flows in rows of items, measured before the canvas is sized.
  const probe = document.createElement('canvas').getContext('2d')!;
  probe.font = `${13 * s}px ${FONT}`;
  const itemWidth = (it: LegendItem) => 34 * s + probe.measureText(it.label).width + 18 * s;
  const rows: LegendItem[][] = [[]];
  let x = 0;
  for (const it of caption.legend) {
    const w = itemWidth(it);
    if (x + w > width - 2 * pad && rows[rows.length - 1]!.length) {
      rows.push([]);
      x = 0;
    }
    rows[rows.length - 1]!.push(it);
    x += w;
  }
  const headerHeight = pad + 26 * s + (caption.filters.length + 1) * line + pad / 2;
  const legendHeight = pad + rows.length * line + pad;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = headerHeight + img.height + legendHeight;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);

  ctx.textBaseline = 'top';
  ctx.fillStyle = '#1d2733';
  ctx.font = `bold ${20 * s}px ${FONT}`;
  ctx.fillText(caption.title, pad, pad);
  ctx.font = `${13 * s}px ${FONT}`;
  ctx.fillStyle = '#37414d';
  let y = pad + 30 * s;
  for (const f of [...caption.filters, caption.date]) {
    ctx.fillText(f, pad, y);
    y += line;
  }
  ctx.strokeStyle = '#d5dde5';
  ctx.lineWidth = s;
  ctx.beginPath();
  ctx.moveTo(pad, headerHeight - s);
  ctx.lineTo(width - pad, headerHeight - s);
  ctx.stroke();

  ctx.drawImage(img, Math.round((width - img.width) / 2), headerHeight);

  y = headerHeight + img.height + pad;
  ctx.beginPath();
  ctx.moveTo(pad, y - pad / 2);
  ctx.lineTo(width - pad, y - pad / 2);
  ctx.stroke();
  for (const row of rows) {
    x = pad;
    for (const it of row) {
      drawMark(ctx, it, x, y + line / 2 - 2 * s, s);
      ctx.fillStyle = '#1d2733';
      ctx.fillText(it.label, x + 34 * s, y);
      x += itemWidth(it);
    }
    y += line;
  }
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))), 'image/png'));
}

function drawMark(ctx: CanvasRenderingContext2D, it: LegendItem, x: number, cy: number, s: number) {
  ctx.save();
  if (it.kind === 'line') {
    ctx.strokeStyle = it.color;
    ctx.lineWidth = (it.width ?? 3) * s;
    ctx.setLineDash(it.dashed ? [4 * s, 3 * s] : []);
    ctx.beginPath();
    ctx.moveTo(x, cy);
    ctx.lineTo(x + 26 * s, cy);
    ctx.stroke();
  } else {
    ctx.beginPath();
    ctx.arc(x + 13 * s, cy, 6 * s, 0, 2 * Math.PI);
    if (it.kind === 'dot') {
      ctx.fillStyle = it.color;
      ctx.fill();
    } else {
      ctx.fillStyle = '#2f6fb5';
      ctx.fill();
      ctx.strokeStyle = it.color;
      ctx.lineWidth = 3 * s;
      ctx.stroke();
    }
  }
  ctx.restore();
}

/** A label's colon: full-width after Chinese, ASCII with a space in English. */
export const colonOf = (lang: 'zh' | 'en') => (lang === 'zh' ? '：' : ': ');

/** A file name that says what the image holds: 单位网络-邵阳市-2026-12-05.png. */
export const pngName = (parts: ReadonlyArray<string>) => `${parts.filter(Boolean).join('-').replace(/[/\\:*?"<>|\s]+/g, '_')}.png`;

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, OPS, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { DocumentSource } from '../extract/document-model';
import { InputError } from '../extract/decode';
import { layout, type Block, type GridCell } from './layout';

/**
 * .pdf → document model from the text layer. Lines are rebuilt from the runs' positions and
 * wrapped lines joined into paragraphs; a table is found by its ruling lines (the borders every
 * 任务分解表 has), each run placed in the cell whose box holds it, so a cell wrapped over several
 * lines comes back as one cell and a cell whose border is missing across rows is one merged cell.
 * A table drawn without rules is read as lines of text (its cells separated by spaces).
 */
export async function readPdf(bytes: Uint8Array): Promise<DocumentSource> {
  const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  let doc: PDFDocumentProxy;
  try {
    doc = await getDocument({
      // pdfjs takes ownership of (and detaches) the buffer it is given.
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
      // Chinese PDFs name predefined CJK CMaps (UniGB-UCS2-H…): without them the text is lost.
      cMapUrl: join(pdfjsDir, 'cmaps') + '/',
      cMapPacked: true,
      standardFontDataUrl: join(pdfjsDir, 'standard_fonts') + '/',
    }).promise;
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'PasswordException') throw new InputError('the file is password-protected; save an unprotected copy');
    if (name === 'InvalidPDFException') throw new InputError(`the file is corrupt or truncated: not a readable PDF (${(err as Error).message})`);
    throw new InputError(`the PDF cannot be read (${(err as Error).message})`);
  }
  try {
    const blocks: Block[] = [];
    const warnings: string[] = [];
    const empty: number[] = [];
    let previousTable: { columns: number[]; rows: GridCell[][] } | undefined;
    let lastParagraph: { block: { kind: 'paragraph'; text: string }; full: boolean } | undefined;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const { runs, rules, images } = await pageContent(page);
      if (runs.length === 0) {
        // A blank page is nothing; a page of images without text is a scan.
        if (images) empty.push(p);
        continue;
      }
      const pageBlocks = pageLayout(runs, rules, { number: p, width: page.getViewport({ scale: 1 }).width });
      // A table that goes on over a page break is one table: same columns, continued rows.
      const first = pageBlocks[0];
      if (first?.kind === 'table' && previousTable && sameColumns(previousTable.columns, first.columns) && blocks[blocks.length - 1]?.kind === 'table') {
        const base = previousTable.rows.length;
        previousTable.rows.push(...first.rows.map((row) => row.map((c): GridCell => (c.from ? { from: [c.from[0] + base, c.from[1]] } : c))));
        pageBlocks.shift();
      }
      // A paragraph that runs to the foot of one page and on at the head of the next is one paragraph.
      const head = pageBlocks[0];
      const tail = lastParagraph;
      if (head?.kind === 'paragraph' && tail && blocks[blocks.length - 1] === tail.block && tail.full && head.flushLeft) {
        tail.block.text = joinLines(tail.block.text, head.text);
        tail.full = head.full ?? false;
        pageBlocks.shift();
      }
      for (const b of pageBlocks) {
        if (b.kind === 'paragraph') {
          const block = { kind: 'paragraph' as const, text: b.text };
          blocks.push(block);
          lastParagraph = { block, full: b.full ?? false };
          previousTable = undefined;
          continue;
        }
        blocks.push({ kind: 'table', rows: b.rows });
        previousTable = b;
      }
      page.cleanup();
    }
    if (blocks.length === 0 && empty.length > 0) throw new InputError('the PDF has no text layer (a scanned image?); OCR is not supported');
    if (empty.length) warnings.push(`no text layer; OCR is not supported: page${empty.length > 1 ? 's' : ''} ${empty.join(', ')} skipped (scanned images?)`);
    if (blocks.length === 0) throw new InputError('the PDF has no text');
    return layout(blocks, 'pdf', 'pdf', warnings);
  } finally {
    await doc.destroy();
  }
}

/** A text run in page space (y grows upwards, as in PDF). */
export interface Run {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** A ruling line: horizontal (y fixed, from a to b in x) or vertical (x fixed, a to b in y). */
export interface Rule {
  horizontal: boolean;
  at: number;
  a: number;
  b: number;
}

type Matrix = [number, number, number, number, number, number];
const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

const PAINT = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

const IMAGE = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat, OPS.paintInlineImageXObjectGroup, OPS.paintImageMaskXObjectGroup, OPS.paintImageMaskXObjectRepeat, OPS.paintSolidColorImageMask]);

async function pageContent(page: PDFPageProxy): Promise<{ runs: Run[]; rules: Rule[]; images: boolean }> {
  const content = await page.getTextContent();
  const runs: Run[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const [a, b, c, d, e, f] = item.transform as number[];
    // Only horizontal text takes part in lines; rotated stamps and watermarks do not.
    if (Math.abs(b!) > 0.01 * Math.abs(a!) || Math.abs(c!) > 0.01 * Math.abs(d!)) continue;
    runs.push({ text: item.str, x: e!, y: f!, width: item.width, size: Math.abs(d!) || item.height || 10 });
  }
  const rules: Rule[] = [];
  const ops = await page.getOperatorList();
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let images = false;
  const stack: Matrix[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (IMAGE.has(fn!)) images = true;
    else if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = mul(args as Matrix, ctm);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = mul(Array.from(args[0] as ArrayLike<number>) as Matrix, ctm);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath && PAINT.has(args[0] as number)) {
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (data) rules.push(...pathRules(data, ctm));
    }
  }
  return { runs, rules, images };
}

/** Straight axis-parallel segments of a path (lines and rectangle edges) as rules. */
function pathRules(data: ArrayLike<number>, ctm: Matrix): Rule[] {
  const out: Rule[] = [];
  let cur: [number, number] | undefined;
  let start: [number, number] | undefined;
  const segment = (p: [number, number], q: [number, number]) => {
    const [x0, y0] = apply(ctm, ...p);
    const [x1, y1] = apply(ctm, ...q);
    if (Math.abs(y1 - y0) < 1 && Math.abs(x1 - x0) >= 4) out.push({ horizontal: true, at: (y0 + y1) / 2, a: Math.min(x0, x1), b: Math.max(x0, x1) });
    else if (Math.abs(x1 - x0) < 1 && Math.abs(y1 - y0) >= 4) out.push({ horizontal: false, at: (x0 + x1) / 2, a: Math.min(y0, y1), b: Math.max(y0, y1) });
  };
  for (let i = 0; i < data.length;) {
    const op = data[i++];
    if (op === 0) {
      cur = start = [data[i]!, data[i + 1]!];
      i += 2;
    } else if (op === 1) {
      const p: [number, number] = [data[i]!, data[i + 1]!];
      if (cur) segment(cur, p);
      cur = p;
      i += 2;
    } else if (op === 2) {
      cur = [data[i + 4]!, data[i + 5]!];
      i += 6;
    } else if (op === 3) {
      cur = [data[i + 2]!, data[i + 3]!];
      i += 4;
    } else if (op === 4) {
      if (cur && start) segment(cur, start);
      cur = start;
    } else break;
  }
  // A thin filled rectangle (a rule drawn as a box) gives two rules a hair apart; clustering makes them one.
  return out;
}

type PageBlock = { kind: 'paragraph'; text: string; flushLeft?: boolean; full?: boolean } | { kind: 'table'; rows: GridCell[][]; columns: number[] };

const joinLines = (a: string, b: string) => (CJK_END.test(a) || CJK_START.test(b) ? a + b : `${a} ${b}`);

function sameColumns(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => Math.abs(x - b[i]!) < 3);
}

/** Cluster sorted values closer than `tol` into their mean. */
function cluster(values: number[], tol: number): number[] {
  const sorted = [...values].sort((p, q) => p - q);
  const groups: number[][] = [];
  for (const v of sorted) {
    const g = groups[groups.length - 1];
    if (g && v - g[g.length - 1]! <= tol) g.push(v);
    else groups.push([v]);
  }
  return groups.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

interface RuledTable {
  xs: number[];
  ys: number[];
  rules: Rule[];
}

/** Tables made of ruling lines: connected sets of horizontal and vertical rules with ≥ 2 rows and ≥ 2 columns. */
export function ruledTables(rules: Rule[]): RuledTable[] {
  const tol = 2;
  const parent = rules.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const touches = (h: Rule, v: Rule) => v.at >= h.a - tol && v.at <= h.b + tol && h.at >= v.a - tol && h.at <= v.b + tol;
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const [p, q] = [rules[i]!, rules[j]!];
      const joined = p.horizontal !== q.horizontal
        ? touches(p.horizontal ? p : q, p.horizontal ? q : p)
        : Math.abs(p.at - q.at) <= tol && p.a <= q.b + tol && q.a <= p.b + tol;
      if (joined) parent[root(i)] = root(j);
    }
  }
  const groups = new Map<number, Rule[]>();
  rules.forEach((r, i) => {
    const k = root(i);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(r);
  });
  const tables: RuledTable[] = [];
  for (const g of groups.values()) {
    const ys = cluster(g.filter((r) => r.horizontal).map((r) => r.at), tol).sort((a, b) => b - a);
    const xs = cluster(g.filter((r) => !r.horizontal).map((r) => r.at), tol);
    if (ys.length >= 2 && xs.length >= 3) tables.push({ xs, ys, rules: g });
  }
  return tables;
}

/** Is the boundary at `at` drawn between `from` and `to` (at least over their middle)? */
function drawn(rules: Rule[], horizontal: boolean, at: number, mid: number): boolean {
  return rules.some((r) => r.horizontal === horizontal && Math.abs(r.at - at) <= 2 && r.a - 1 <= mid && r.b + 1 >= mid);
}

/** A run's anchor point: its horizontal middle, a third of its size above the baseline. */
const anchor = (r: Run): [number, number] => [r.x + r.width / 2, r.y + r.size / 3];

function pageLayout(runs: Run[], rules: Rule[], page: PageInfo): PageBlock[] {
  const tables = ruledTables(rules);
  const placed: Array<{ top: number; block: PageBlock }> = [];
  const free: Run[] = [];
  const cellRuns = tables.map((t) => t.ys.slice(1).map(() => t.xs.slice(1).map((): Run[] => [])));
  for (const run of runs) {
    const [ax, ay] = anchor(run);
    const k = tables.findIndex((t) => ax > t.xs[0]! && ax < t.xs[t.xs.length - 1]! && ay < t.ys[0]! && ay > t.ys[t.ys.length - 1]!);
    if (k < 0) {
      free.push(run);
      continue;
    }
    const t = tables[k]!;
    const r = t.ys.findIndex((y, i) => i > 0 && ay > y) - 1;
    const c = t.xs.findIndex((x, i) => i > 0 && ax < x) - 1;
    cellRuns[k]![r]![c]!.push(run);
  }
  tables.forEach((t, k) => {
    const nr = t.ys.length - 1;
    const nc = t.xs.length - 1;
    // Union the grid positions whose shared border is not drawn: that is one merged cell.
    const id = (r: number, c: number) => r * nc + c;
    const parent = Array.from({ length: nr * nc }, (_, i) => i);
    const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
    const join = (i: number, j: number) => {
      const [a, b] = [root(i), root(j)];
      // The origin is the top-left position of the merged cell.
      if (a !== b) (a < b ? (parent[b] = a) : (parent[a] = b));
    };
    for (let r = 0; r < nr; r++) {
      for (let c = 0; c < nc; c++) {
        const midX = (t.xs[c]! + t.xs[c + 1]!) / 2;
        const midY = (t.ys[r]! + t.ys[r + 1]!) / 2;
        if (r + 1 < nr && !drawn(t.rules, true, t.ys[r + 1]!, midX)) join(id(r, c), id(r + 1, c));
        if (c + 1 < nc && !drawn(t.rules, false, t.xs[c + 1]!, midY)) join(id(r, c), id(r, c + 1));
      }
    }
    const texts = new Map<number, Run[]>();
    for (let r = 0; r < nr; r++) for (let c = 0; c < nc; c++) {
      const o = root(id(r, c));
      if (!texts.has(o)) texts.set(o, []);
      texts.get(o)!.push(...cellRuns[k]![r]![c]!);
    }
    const rows: GridCell[][] = [];
    for (let r = 0; r < nr; r++) {
      const row: GridCell[] = [];
      for (let c = 0; c < nc; c++) {
        const o = root(id(r, c));
        row.push(o === id(r, c) ? { text: lines(texts.get(o) ?? []).map((l) => l.text).join(joiner) } : { from: [Math.floor(o / nc), o % nc] });
      }
      rows.push(row);
    }
    placed.push({ top: t.ys[0]!, block: { kind: 'table', rows, columns: t.xs } });
  });
  const extents = tables.map((t) => [t.ys[t.ys.length - 1]!, t.ys[0]!] as [number, number]);
  for (const para of paragraphs(lines(free), extents, page)) placed.push({ top: para.top, block: { kind: 'paragraph', text: para.text, flushLeft: para.flushLeft, full: para.full } });
  return placed.sort((a, b) => b.top - a.top).map((p) => p.block);
}

/** Wrapped lines inside a cell join with nothing (CJK) — the cell's text is one line in the row. */
const joiner = '';

interface Line {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

const CJK_END = /[\u3000-\u9fff\uff00-\uffef]$/;
const CJK_START = /^[\u3000-\u9fff\uff00-\uffef]/;

/** Runs → lines: same baseline (within a third of the size), left to right, spaces where runs stand apart. */
export function lines(runs: Run[]): Line[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Run[][] = [];
  for (const r of sorted) {
    const g = groups.find((g) => Math.abs(g[0]!.y - r.y) <= Math.max(2, 0.35 * Math.min(g[0]!.size, r.size)));
    if (g) g.push(r);
    else groups.push([r]);
  }
  return groups
    .map((g) => {
      g.sort((a, b) => a.x - b.x);
      let text = '';
      let end = -Infinity;
      for (const r of g) {
        const gap = r.x - end;
        const t = r.text;
        // Chinese has no spaces: a gap after CJK text (or a list number's "1." / "(一)") before a CJK character is
        // layout (a tab after a number, justified spacing), not a space in the text.
        const glued = (CJK_END.test(text) || /[.)]$/.test(text)) && CJK_START.test(t) && gap < 3 * r.size;
        if (text && gap > 0.25 * r.size && !/\s$/.test(text) && !glued) text += ' ';
        text += t;
        end = Math.max(end, r.x + r.width);
      }
      return { text: text.replace(/\s+/g, ' ').trim(), x0: g[0]!.x, x1: end, y: g[0]!.y, size: Math.max(...g.map((r) => r.size)) };
    })
    .filter((l) => l.text !== '')
    .sort((a, b) => b.y - a.y);
}

const ITEM_START = /^(\d{1,3}[.．、](?!\d)|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[①-⑳])/;

/** Page numbers and running footers are not the document's text. */
const PAGE_NUMBER = /^([-—–－\s]*\d+[-—–－\s]*|第\s*\d+\s*页(\s*[,，]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/;

/**
 * Lines → paragraphs: a line that reaches the right margin and is followed, at the usual
 * spacing, by one that is not indented continues the same paragraph.
 */
interface Para {
  top: number;
  text: string;
  /** Its first line starts at the left margin (not indented); its last line runs to the right margin. */
  flushLeft: boolean;
  full: boolean;
}

interface PageInfo { number: number; width: number }

/** A page number: the page's own number, alone on the first or last line (a 序号 cell 1, 2, 3 … on a line of its own is text). */
function isPageNumber(l: Line, ls: Line[], page: PageInfo): boolean {
  if (!PAGE_NUMBER.test(l.text)) return false;
  const atEdge = l.y === Math.max(...ls.map((x) => x.y)) || l.y === Math.min(...ls.map((x) => x.y));
  return atEdge && Number(/\d+/.exec(l.text)?.[0]) === page.number;
}

function paragraphs(ls: Line[], tables: Array<[number, number]>, page: PageInfo): Para[] {
  const body = ls.filter((l) => !isPageNumber(l, ls, page));
  if (body.length === 0) return [];
  const left = Math.min(...body.map((l) => l.x0));
  // The right margin mirrors the left one: a page of short lines (a table written as text) has
  // none that reaches it, so none is taken for a wrapped line.
  const right = Math.max(...body.map((l) => l.x1), page.width - left);
  const pitches = body.slice(1).map((l, i) => body[i]!.y - l.y).filter((d) => d > 0).sort((a, b) => a - b);
  const pitch = pitches[Math.floor(pitches.length / 2)] ?? 0;
  const out: Para[] = [];
  let prev: Line | undefined;
  const reachesRight = (l: Line) => l.x1 >= right - 4 * l.size;
  const flushLeft = (l: Line) => l.x0 <= left + 0.5 * l.size;
  for (const l of body) {
    const continues = prev !== undefined
      // Short of the margin by a few characters still wraps: a number or a bracketed run is not broken.
      && reachesRight(prev)
      && flushLeft(l)
      // A sentence ended and a numbered item begins: a new paragraph even at the margin.
      && !(/[。！？；:：)）]$/.test(prev.text) && ITEM_START.test(l.text))
      && Math.abs(prev.size - l.size) < 1
      && prev.y - l.y <= pitch * 1.3 + 0.5
      && !tables.some(([bottom, top]) => top <= prev!.y && bottom >= l.y);
    if (continues) {
      const last = out[out.length - 1]!;
      last.text = joinLines(last.text, l.text);
      last.full = reachesRight(l);
    } else out.push({ top: l.y + l.size, text: l.text, flushLeft: flushLeft(l), full: reachesRight(l) });
    prev = l;
  }
  return out;
}

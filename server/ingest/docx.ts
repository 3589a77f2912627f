import type { DocumentSource } from '../extract/document-model';
import { InputError } from '../extract/decode';
import { layout, type Block, type GridCell } from './layout';
import { Numbering } from './numbering';
import { attr, child, elements, parseXml, path, type XmlElement } from './xml';
import { SafeZip } from './zip';

/**
 * .docx → document model: the body's paragraphs and tables in order, read from word/document.xml
 * with a real XML parser, Word's list numbers rendered from numbering.xml, merged table cells
 * (gridSpan across, vMerge down) repeated over every position they cover.
 */
export async function readDocx(bytes: Uint8Array): Promise<DocumentSource> {
  const zip = await SafeZip.open(bytes);
  if (!zip.has('word/document.xml')) throw new InputError('the file is corrupt: a Word file without word/document.xml');
  const doc = parseXml(await zip.text('word/document.xml'), 'word/document.xml');
  const styles = zip.has('word/styles.xml') ? parseXml(await zip.text('word/styles.xml'), 'word/styles.xml') : undefined;
  const numberingXml = zip.has('word/numbering.xml') ? parseXml(await zip.text('word/numbering.xml'), 'word/numbering.xml') : undefined;
  const numbering = new Numbering(numberingXml, styleNumbering(styles));
  const body = child(doc, 'w:body');
  if (!body) throw new InputError('the file is corrupt: its word/document.xml has no body');
  const blocks: Block[] = [];
  const warnings: string[] = [];
  bodyBlocks(body, numbering, blocks);
  const source = layout(blocks, 'docx', 'docx', warnings);
  if (source.text.trim() === '') throw new InputError('the Word file has no text (only images or empty pages?); OCR is not supported');
  return source;
}

/** Style id → the list its paragraphs are numbered with (following basedOn). */
function styleNumbering(styles: XmlElement | undefined): (id: string) => { numId?: string; ilvl?: number } | undefined {
  const byId = new Map<string, XmlElement>();
  for (const s of styles ? elements(styles, 'w:style') : []) byId.set(attr(s, 'w:styleId') ?? '', s);
  const find = (id: string, depth: number): { numId?: string; ilvl?: number } | undefined => {
    const s = byId.get(id);
    if (!s || depth > 20) return undefined;
    const numPr = path(s, 'w:pPr', 'w:numPr');
    const numId = attr(path(numPr, 'w:numId'), 'w:val');
    const ilvl = attr(path(numPr, 'w:ilvl'), 'w:val');
    if (numId !== undefined) return { numId, ilvl: ilvl === undefined ? undefined : Number(ilvl) };
    const base = attr(path(s, 'w:basedOn'), 'w:val');
    return base ? find(base, depth + 1) : undefined;
  };
  return (id) => find(id, 0);
}

/** Containers whose children belong to the flow where they stand (content controls, custom XML, tracked insertions). */
const TRANSPARENT = new Set(['w:sdtContent', 'w:customXml', 'w:ins', 'w:moveTo', 'w:smartTag', 'w:hyperlink', 'w:fldSimple', 'w:dir', 'w:bdo']);

function bodyBlocks(el: XmlElement, numbering: Numbering, out: Block[]): void {
  for (const c of elements(el)) {
    if (c.name === 'w:p') out.push({ kind: 'paragraph', text: paragraph(c, numbering, '\n') });
    else if (c.name === 'w:tbl') out.push({ kind: 'table', rows: table(c, numbering) });
    else if (c.name === 'w:sdt') bodyBlocks(child(c, 'w:sdtContent') ?? c, numbering, out);
    else if (TRANSPARENT.has(c.name)) bodyBlocks(c, numbering, out);
  }
}

/** A paragraph's text with its list number in front; `br` is what a manual line break becomes. */
function paragraph(p: XmlElement, numbering: Numbering, br: string): string {
  const label = numbering.label(child(p, 'w:pPr'));
  const text = runsText(p, br);
  if (!label) return text;
  // Word puts a tab after the number; plans written as text glue 一、 and 1. to the heading.
  const gap = /^[\s]*[\u3400-\u9fff\uf900-\ufaff]/.test(text) || /[、.．)）]$/.test(label) ? '' : ' ';
  return label + gap + text.replace(/^\s+/, '');
}

function runsText(el: XmlElement, br: string): string {
  let s = '';
  for (const c of elements(el)) {
    switch (c.name) {
      case 'w:r': s += runText(c, br); break;
      case 'w:sdt': s += runsText(child(c, 'w:sdtContent') ?? c, br); break;
      case 'w:del': case 'w:moveFrom': case 'w:pPr': break;
      default: if (TRANSPARENT.has(c.name)) s += runsText(c, br);
    }
  }
  return s;
}

function runText(r: XmlElement, br: string): string {
  let s = '';
  for (const c of elements(r)) {
    switch (c.name) {
      case 'w:t': s += c.children.filter((x): x is string => typeof x === 'string').join(''); break;
      case 'w:tab': case 'w:ptab': s += ' '; break;
      case 'w:br': case 'w:cr': s += attr(c, 'w:type') === 'page' ? '' : br; break;
      case 'w:noBreakHyphen': s += '-'; break;
      case 'w:sym': {
        const ch = Number.parseInt(attr(c, 'w:char') ?? '', 16);
        // Symbol-font characters live in the private use area; only real characters are kept.
        if (Number.isFinite(ch) && (ch < 0xe000 || ch > 0xf8ff)) s += String.fromCodePoint(ch);
        break;
      }
    }
  }
  return s;
}

/** The rows of a table as a grid; a vMerge continuation points at the cell above, a gridSpan at its first column. */
function table(tbl: XmlElement, numbering: Numbering): GridCell[][] {
  const grid: GridCell[][] = [];
  for (const tr of rowsOf(tbl)) {
    const r = grid.length;
    const row: GridCell[] = [];
    const before = Number(attr(path(tr, 'w:trPr', 'w:gridBefore'), 'w:val') ?? 0);
    for (let i = 0; i < before; i++) row.push({ text: '' });
    for (const tc of cellsOf(tr)) {
      const tcPr = child(tc, 'w:tcPr');
      const span = Math.max(1, Number(attr(path(tcPr, 'w:gridSpan'), 'w:val') ?? 1));
      const vMerge = path(tcPr, 'w:vMerge');
      const c = row.length;
      const above = grid[r - 1]?.[c];
      if (vMerge && attr(vMerge, 'w:val') !== 'restart' && above) {
        const origin: [number, number] = above.from ?? [r - 1, c];
        for (let i = 0; i < span; i++) row.push({ from: origin });
        continue;
      }
      row.push({ text: cellContent(tc, numbering) });
      for (let i = 1; i < span; i++) row.push({ from: [r, c] });
    }
    grid.push(row);
  }
  return grid;
}

function rowsOf(el: XmlElement): XmlElement[] {
  return elements(el).flatMap((c) => (c.name === 'w:tr' ? [c] : c.name === 'w:sdt' ? rowsOf(child(c, 'w:sdtContent') ?? c) : TRANSPARENT.has(c.name) ? rowsOf(c) : []));
}

function cellsOf(el: XmlElement): XmlElement[] {
  return elements(el).flatMap((c) => (c.name === 'w:tc' ? [c] : c.name === 'w:sdt' ? cellsOf(child(c, 'w:sdtContent') ?? c) : TRANSPARENT.has(c.name) ? cellsOf(c) : []));
}

/** A cell's paragraphs (and any nested table's cells) joined with spaces: one line in the row. */
function cellContent(tc: XmlElement, numbering: Numbering): string {
  const blocks: Block[] = [];
  bodyBlocks(tc, numbering, blocks);
  return blocks
    .map((b) => (b.kind === 'paragraph' ? b.text : b.rows.map((row) => row.filter((c) => !c.from).map((c) => c.text).join(' ')).join(' ')))
    .map((t) => t.trim())
    .filter(Boolean)
    .join(' ');
}

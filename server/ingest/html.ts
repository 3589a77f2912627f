import iconv from 'iconv-lite';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import type { DocumentSource } from '../extract/document-model';
import { InputError, MAX_FILE_BYTES } from '../extract/decode';
import { layout, type Block, type GridCell } from './layout';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/**
 * A saved web page (or an Excel/Word "HTML" export named .xls/.doc) → document model: decoded by
 * its meta charset, the article body found and the site's navigation, header and footer dropped,
 * block elements as lines, data tables as tables (rowspan/colspan repeated).
 */
export function readHtml(bytes: Uint8Array): DocumentSource {
  if (bytes.length === 0) throw new InputError('the file is empty');
  if (bytes.length > MAX_FILE_BYTES) throw new InputError(`the file is over the ${MAX_FILE_BYTES / 1048576} MB limit for one document`);
  const { html, encoding } = decodeHtml(bytes);
  const doc = parse(html);
  checkDepth(doc);
  const body = find(doc, (e) => e.tagName === 'body');
  if (!body) throw new InputError('the web page has no body');
  const stats = new Map<Element, number>();
  cjkCount(body, stats);
  const article = articleOf(body, stats);
  const blocks: Block[] = [];
  const heading = headingOutside(body, article);
  if (heading) blocks.push({ kind: 'paragraph', text: heading });
  const w = new BlockWriter(blocks);
  w.walk(article);
  w.flush();
  const source = layout(blocks, 'html', encoding);
  if (source.text.trim() === '') throw new InputError('the web page has no text in its body');
  return source;
}

/** Elements nested deeper than any real page (the readers walk the tree recursively). */
export const MAX_HTML_DEPTH = 500;

/** Refuses a page nested over MAX_HTML_DEPTH deep, walking it without recursion. */
function checkDepth(doc: Node): void {
  const stack: Array<[Node, number]> = [[doc, 0]];
  while (stack.length > 0) {
    const [n, d] = stack.pop()!;
    if (d > MAX_HTML_DEPTH) throw new InputError(`the web page nests its elements over ${MAX_HTML_DEPTH} deep, which no real page does; refused`);
    if ('childNodes' in n) for (const c of n.childNodes) stack.push([c, d + 1]);
  }
}

const CHARSETS: Record<string, string> = {
  'utf-8': 'utf-8', utf8: 'utf-8', gbk: 'gb18030', gb2312: 'gb18030', gb18030: 'gb18030', 'x-gbk': 'gb18030', cp936: 'gb18030',
  big5: 'big5', 'big5-hkscs': 'big5', 'utf-16le': 'utf-16le', 'utf-16': 'utf-16le', 'utf-16be': 'utf-16be',
};

/** Bytes → HTML text by BOM, then the page's meta charset, then UTF-8 if valid, else GB18030. */
export function decodeHtml(bytes: Uint8Array): { html: string; encoding: string } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { html: buf.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { html: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { html: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const head = buf.subarray(0, 8192).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  const declared = m ? CHARSETS[m[1]!.toLowerCase()] : undefined;
  if (declared) return { html: iconv.decode(buf, declared), encoding: declared };
  try {
    return { html: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return { html: iconv.decode(buf, 'gb18030'), encoding: 'gb18030' };
  }
}

const isElement = (n: Node): n is Element => 'tagName' in n;
const childrenOf = (n: Node): Node[] => ('childNodes' in n ? n.childNodes : []);
const attrOf = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value ?? '';

function find(n: Node, test: (e: Element) => boolean): Element | undefined {
  if (isElement(n) && test(n)) return n;
  for (const c of childrenOf(n)) {
    const f = find(c, test);
    if (f) return f;
  }
  return undefined;
}

/** Never part of an article: scripts and the site's own chrome. */
const DROP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'nav', 'header', 'footer', 'aside', 'select', 'button', 'input', 'textarea', 'head', 'svg', 'canvas', 'map']);
const CHROME = /(^|[\s_-])(nav|navbar|menu|breadcrumb|crumb|header|footer|foot|bottom|sidebar|share|toolbar|copyright|position|location|weizhi|dqwz)([\s_-]|\d|$)/i;
/** Where Chinese government CMSs put the article (TRS, Hanweb, …). */
const ARTICLE = /(^|[\s_-])(zoom|article|content|contents|TRS_Editor|TRS_UEDITOR|Custom_UnionStyle|art_con|xxgk_content|pages_content|main_content|wzy_content|detail|details|con_text|news_content|text)([\s_-]|\d|$)/i;

function dropped(e: Element): boolean {
  if (DROP.has(e.tagName)) return true;
  if (/display\s*:\s*none/i.test(attrOf(e, 'style'))) return true;
  return CHROME.test(`${attrOf(e, 'id')} ${attrOf(e, 'class')}`) && !ARTICLE.test(`${attrOf(e, 'id')} ${attrOf(e, 'class')}`);
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;

/** CJK characters outside links under each element (links are navigation, the article is prose). */
function cjkCount(n: Node, stats: Map<Element, number>, inLink = false): number {
  if (n.nodeName === '#text') return inLink ? 0 : ((n as DefaultTreeAdapterMap['textNode']).value.match(CJK)?.length ?? 0);
  if (!isElement(n) && n.nodeName !== '#document' && n.nodeName !== '#document-fragment') return 0;
  if (isElement(n) && dropped(n)) return 0;
  const link = inLink || (isElement(n) && n.tagName === 'a');
  let total = 0;
  for (const c of childrenOf(n)) total += cjkCount(c, stats, link);
  if (isElement(n)) stats.set(n, total);
  return total;
}

function isDataTable(t: Element): boolean {
  const rows = tableRows(t);
  // A table holding tables is page layout, not data.
  return rows.filter((r) => cellsOfRow(r).length >= 2).length >= 2 && !childrenOf(t).some((c) => find(c, (e) => e.tagName === 'table'));
}

function isInside(e: Element, ancestor: Element): boolean {
  for (let p = e.parentNode; p; p = 'parentNode' in p ? (p.parentNode as Element | null) : null) if (p === ancestor) return true;
  return false;
}

/** The element that holds the article: a known container if it holds a fair share, else the text-dense path down from body. */
function articleOf(body: Element, stats: Map<Element, number>): Element {
  const total = stats.get(body) ?? 0;
  let known: Element | undefined;
  const visit = (n: Node) => {
    if (!isElement(n) || dropped(n)) return;
    if (ARTICLE.test(`${attrOf(n, 'id')} ${attrOf(n, 'class')}`) && (stats.get(n) ?? 0) >= 0.3 * total && (!known || (stats.get(n) ?? 0) > (stats.get(known) ?? 0) * 1.2)) known = n;
    for (const c of childrenOf(n)) visit(c);
  };
  visit(body);
  let cur = known ?? body;
  for (;;) {
    const here = stats.get(cur) ?? 0;
    let best: Element | undefined;
    for (const c of childrenOf(cur)) if (isElement(c) && (stats.get(c) ?? 0) > (best ? stats.get(best) ?? 0 : 0)) best = c;
    if (!best || (stats.get(best) ?? 0) < 0.7 * here || (best.tagName === 'table' && isDataTable(best))) return cur;
    cur = best;
  }
}

/** The page's title heading when it sits outside the article container (as on most government sites). */
function headingOutside(body: Element, article: Element): string | undefined {
  if (find(article, (e) => /^h[1-3]$/.test(e.tagName))) return undefined;
  const h = find(body, (e) => (/^h[1-3]$/.test(e.tagName) || /(^|[\s_-])(title|bt|tit)([\s_-]|$)/i.test(attrOf(e, 'class'))) && !isInsideDropped(e) && (textOf(e).match(CJK)?.length ?? 0) >= 4 && !isInside(article, e));
  return h ? textOf(h) : undefined;
}

function isInsideDropped(e: Element): boolean {
  for (let p: Element | null = e; p && isElement(p); p = p.parentNode as Element | null) if (dropped(p)) return true;
  return false;
}

function textOf(n: Node): string {
  if (n.nodeName === '#text') return (n as DefaultTreeAdapterMap['textNode']).value;
  if (isElement(n) && dropped(n)) return '';
  if (isElement(n) && n.tagName === 'br') return '\n';
  return childrenOf(n).map(textOf).join('');
}

const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'center', 'table', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'caption', 'form', 'fieldset', 'address', 'figure', 'figcaption', 'hr', 'body', 'font']);

/** Source line breaks between Chinese characters are wrapping, not spaces. */
function inlineText(s: string): string {
  return s.replace(/([\u3000-\u9fff\uff00-\uffef])[ \t\r\n]*\n[ \t\r\n]*(?=[\u3000-\u9fff\uff00-\uffef])/g, '$1').replace(/[ \t\r\n\f]+/g, ' ');
}

class BlockWriter {
  private line = '';
  constructor(private readonly out: Block[]) {}

  flush(): void {
    const t = this.line.replace(/\u00a0/g, ' ').trim();
    if (t) this.out.push({ kind: 'paragraph', text: t });
    this.line = '';
  }

  walk(n: Node): void {
    if (n.nodeName === '#text') {
      this.line += inlineText((n as DefaultTreeAdapterMap['textNode']).value);
      return;
    }
    if (!isElement(n)) return;
    if (dropped(n)) return;
    if (n.tagName === 'br') return this.flush();
    if (n.tagName === 'table' && isDataTable(n)) {
      this.flush();
      this.out.push({ kind: 'table', rows: tableGrid(n) });
      return;
    }
    // <font> is inline, but old pages close their paragraphs with it; only real blocks break lines.
    const block = BLOCK.has(n.tagName) && n.tagName !== 'font';
    if (block) this.flush();
    for (const c of childrenOf(n)) this.walk(c);
    if (block) this.flush();
  }
}

function tableRows(t: Element): Element[] {
  const rows: Element[] = [];
  const visit = (n: Node) => {
    if (!isElement(n)) return;
    if (n.tagName === 'tr') return void rows.push(n);
    if (n !== t && n.tagName === 'table') return;
    for (const c of childrenOf(n)) visit(c);
  };
  visit(t);
  return rows;
}

function cellsOfRow(tr: Element): Element[] {
  return childrenOf(tr).filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th'));
}

function span(e: Element, name: string): number {
  const n = Number.parseInt(attrOf(e, name), 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1000) : 1;
}

/** A table's cells placed on a grid as a browser would (rowspan reserves the positions below). */
function tableGrid(t: Element): GridCell[][] {
  const grid: GridCell[][] = [];
  tableRows(t).forEach((tr, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const td of cellsOfRow(tr)) {
      while (grid[r]![c]) c++;
      const rs = span(td, 'rowspan');
      const cs = span(td, 'colspan');
      grid[r]![c] = { text: cellContent(td) };
      for (let i = 0; i < rs; i++) {
        grid[r + i] ??= [];
        for (let j = 0; j < cs; j++) if (i || j) grid[r + i]![c + j] = { from: [r, c] };
      }
      c += cs;
    }
  });
  const rowsCount = tableRows(t).length;
  // A rowspan past the last row reserves nothing real.
  return grid.slice(0, rowsCount).map((row) => Array.from(row, (cell) => cell ?? { text: '' }));
}

/** A cell's lines (paragraphs, <br>) joined with spaces. */
function cellContent(td: Element): string {
  const blocks: Block[] = [];
  const w = new BlockWriter(blocks);
  for (const c of childrenOf(td)) w.walk(c);
  w.flush();
  return blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.rows.map((row) => row.map((x) => x.text ?? '').join(' ')).join(' '))).join(' ');
}

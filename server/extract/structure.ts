import { logicalLines, type Line } from './lines';

/**
 * The outline of a document: parts (一、), sections ((一)), numbered items (1. 1、), their
 * sub-items ((1) ①), and for
 * reports the ●-headed parts and their paragraphs. Works on normalised text, line by line.
 */
export type BlockType = 'preamble' | 'part' | 'section' | 'item' | 'subitem' | 'paragraph';

export interface Block {
  type: BlockType;
  /** 二, (一), 1 … as written (without punctuation); a paragraph's ordinal. */
  label: string;
  /** The heading line's text after its numbering. */
  heading: string;
  /** [start, end) of the whole block in normalised text, children included. */
  start: number;
  end: number;
  /** Where the block's own text ends (the first child's start, or end). */
  ownEnd: number;
  /** Where the text after the numbering begins. */
  bodyStart: number;
  parent: Block | null;
  children: Block[];
}

const PART = /^([一二三四五六七八九十]{1,3})、\s*/;
const SECTION = /^\(([一二三四五六七八九十]{1,3})\)\s*/;
/** 1. 1、 1﹒ (folded to .) and 1。 — not 5.5% or 2.125亿, but 4.2011年 is item 4 and 11.121人才梯队项目 item 11. */
const ITEM = /^(\d{1,3})\s*(?:[、.](?!\d(?!\d{3}年|\d{2,}[^\d.%‰万亿元倍米吨亩公千克个]))|。(?=[\u4e00-\u9fff“《(]))\s*/;
/**
 * 1000. and above: four or five digits read as a year or a figure as often as an item, so such a
 * number is an item only where it continues the numbering (the item before it is 999, or 1000…).
 */
const LONG_ITEM = /^(\d{4,5})\s*[、.](?=[\u4e00-\u9fff“《(])\s*/;
/** Items under a numbered item: (1) 1) ① */
const SUBITEM = /^(?:\((\d{1,2})\)|(\d{1,2})\)|([①-⑳]))\s*/;
const REPORT_PART = /^[●■◆▲★]\s*/;

const RANK: Record<BlockType, number> = { preamble: 0, part: 1, section: 2, item: 3, subitem: 4, paragraph: 3 };

/** `lines`: the text's logical lines, when the caller has them already. */
export function outline(text: string, opts: { report: boolean }, lines: Iterable<Line> = logicalLines(text)): Block {
  const root: Block = {
    type: 'preamble', label: '', heading: '', start: 0, end: text.length, ownEnd: text.length,
    bodyStart: 0, parent: null, children: [],
  };
  let open: Block = root;
  let reportParts = 0;
  let lastItem = 0;
  for (const { end: lineEnd, at, text: line } of lines) {
    let type: BlockType | null = null;
    let m: RegExpExecArray | null = null;
    let label = '';
    if ((m = PART.exec(line))) (type = 'part'), (label = m[1]!);
    else if ((m = SECTION.exec(line))) (type = 'section'), (label = `(${m[1]!})`);
    else if ((m = ITEM.exec(line))) (type = 'item'), (label = m[1]!);
    else if (lastItem >= 999 && (m = LONG_ITEM.exec(line)) && Number(m[1]) === lastItem + 1) (type = 'item'), (label = m[1]!);
    else if ((m = SUBITEM.exec(line))) (type = 'subitem'), (label = m[3] ?? `(${m[1] ?? m[2]})`);
    else if (opts.report && (m = REPORT_PART.exec(line))) (type = 'part'), (label = CHINESE_NUMERALS[++reportParts] ?? String(reportParts));
    else if (opts.report && line !== '' && open.type !== 'preamble') {
      // In a report every paragraph under a part is a block of its own.
      const part = ancestor(open, 'part');
      if (part) (type = 'paragraph'), (label = String(part.children.filter((c) => c.type === 'paragraph').length + 1)), (m = /^/.exec(line));
    }

    if (type && m) {
      // Close blocks of the same or lower rank; the new block opens under the nearest higher one.
      while (open.parent && RANK[open.type] >= RANK[type]) open = open.parent;
      const block: Block = {
        type, label, heading: line.slice(m[0].length), start: at, end: lineEnd, ownEnd: lineEnd,
        bodyStart: at + m[0].length, parent: open, children: [],
      };
      if (open.children.length === 0) open.ownEnd = at;
      if (type === 'item') lastItem = Number(label);
      open.children.push(block);
      open = block;
    } else if (line !== '') {
      for (let b: Block | null = open; b; b = b.parent) b.end = Math.max(b.end, lineEnd);
      if (open.children.length === 0) open.ownEnd = lineEnd;
    }
  }
  fixEnds(root, text.length);
  return root;
}

/** A parent ends where its last child ends; own text ends where the first child begins. */
function fixEnds(b: Block, limit: number): void {
  for (let i = 0; i < b.children.length; i++) {
    const next = b.children[i + 1];
    fixEnds(b.children[i]!, next ? next.start : limit);
  }
  const last = b.children[b.children.length - 1];
  if (last) b.end = Math.max(b.end, last.end);
  b.end = Math.min(b.end, limit);
  b.ownEnd = b.children[0] ? b.children[0].start : b.end;
}

export function ancestor(b: Block, type: BlockType): Block | null {
  for (let cur: Block | null = b; cur; cur = cur.parent) if (cur.type === type) return cur;
  return null;
}

export function* walk(b: Block): Generator<Block> {
  yield b;
  for (const c of b.children) yield* walk(c);
}

/** 二.(一).1 — the numbering path from the part down. */
export function refOf(b: Block): string {
  const labels: string[] = [];
  for (let cur: Block | null = b; cur && cur.type !== 'preamble'; cur = cur.parent) labels.unshift(cur.label);
  return labels.join('.');
}

const CHINESE_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A line of a text: [start, end) without the newline, where its first non-blank char is, and its trimmed text. */
export interface Line { start: number; end: number; at: number; text: string }

/** Every line of `text`, the last one included even when empty. */
export function* lines(text: string): Generator<Line> {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end);
    yield { start, end, at: start + raw.length - raw.trimStart().length, text: raw.trim() };
    start = end + 1;
  }
}

/** Item numbering at the start of a line: 一、 (一) 1. 1、 (not 5.5%, but 4.2011年 is item 4). */
export const NUMBERING = /(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|\d{1,3}\s*(?:[、.](?!\d(?!\d{3}年|\d{2,}[^\d.%‰万亿元倍米吨亩公千克个]))|。(?=[\u4e00-\u9fff“《(]))|\(\d{1,2}\)|[①-⑳])/;
/** A field label with its colon: 责任单位: 完成时间: 牵头领导: 项目负责人: */
const LABEL_AHEAD = /[【[]?[\u4e00-\u9fff]{0,6}(?:单位|部门|领导|负责人|责任人|时限|时间|期限|节点)(?:[】\]]|\s*[::])/;
/**
 * Where a line holds more than one line's worth: after 。 and before numbering or a label
 * (…以上。责任单位:A,完成时间:… / …封顶。3、完成…), or at a space before them when a page ran its
 * whole body into one line (…县税务局 2.落实…), or right after a closing bracket (…(省发改委负责)(二)公共…).
 */
const BREAK_AT = /。\s*|\s+|(?<=[)〕\]】])/g;
// 一、二、三产业 is a list of numerals, not numbering: what follows the number must not be one.
const BREAK_AHEAD = new RegExp(`(?:${NUMBERING.source})(?![一二三四五六七八九十])[\\u4e00-\\u9fff“《(]|${LABEL_AHEAD.source}`, 'y');

/**
 * Every logical line of `text`: physical lines, split further where one holds several items or
 * an item and its note (see BREAK). Offsets stay those of `text`.
 */
export function* logicalLines(text: string): Generator<Line> {
  for (const line of lines(text)) {
    if (line.text.length < 8) {
      yield line;
      continue;
    }
    const raw = text.slice(line.start, line.end);
    let from = 0;
    for (const m of raw.matchAll(BREAK_AT)) {
      const cut = m.index! + m[0].length;
      BREAK_AHEAD.lastIndex = cut;
      if (!BREAK_AHEAD.test(raw)) continue;
      // After 。 the break falls after it; at spaces, the spaces go.
      const at = raw[m.index!] === '。' ? m.index! + 1 : m.index!;
      if (at <= from || raw.slice(from, at).trim() === '') continue;
      yield piece(text, line.start + from, line.start + at);
      from = cut;
    }
    yield from === 0 ? line : piece(text, line.start + from, line.end);
  }
}

function piece(text: string, start: number, end: number): Line {
  const raw = text.slice(start, end);
  return { start, end, at: start + raw.length - raw.trimStart().length, text: raw.trim() };
}

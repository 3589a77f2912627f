/**
 * Hard line breaks inside a bracket. A PDF's text layer (and a page copied from one) breaks a line
 * wherever the page edge falls, also inside a note: `(责任单位:市发展和⏎改革委员会、市财政局)`. A
 * bracket that opens on a line and closes on one of the next two lines is one note, so the breaks
 * between are no line ends: they are returned as ranges to remove (the text map keeps raw offsets).
 */
const OPENERS = new Set(['(', '〔', '【']);
const CLOSERS = new Set([')', '〕', '】']);
/** A line that starts a numbered item or a part is never the rest of a note. */
const NUMBERED = /^\s*(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|\d{1,3}\s*[、.](?!\d)|[①-⑳])/;
const MAX_SPAN = 300;
const MAX_LINES = 3;

/** Ranges [start, end) of line breaks (with the spaces around them) that fall inside a bracket. */
export function bracketBreaks(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (!text.includes('\n')) return out;
  const lines = text.split('\n');
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.length + 1;
  }
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i]!;
    if (!(line.includes('(') || line.includes('〔') || line.includes('【')) || !openAtEnd(line)) continue;
    // Follow the bracket into the next lines until it closes; give up at a table row, a numbered line or a blank one.
    let depth = depthAtEnd(line);
    const breaks: Array<[number, number]> = [];
    let span = 0;
    for (let k = i + 1; k <= Math.min(lines.length - 1, i + MAX_LINES - 1) && depth > 0; k++) {
      const next = lines[k]!;
      if (next.trim() === '' || NUMBERED.test(next) || /[|\t]/.test(next) || /[|\t]/.test(lines[k - 1]!)) break;
      span += next.length;
      if (span > MAX_SPAN) break;
      const prev = lines[k - 1]!;
      breaks.push([starts[k - 1]! + prev.trimEnd().length, starts[k]! + next.length - next.trimStart().length]);
      for (const c of next) {
        if (OPENERS.has(c)) depth++;
        else if (CLOSERS.has(c) && --depth === 0) break;
      }
      if (depth === 0) {
        out.push(...breaks);
        i = k - 1; // the closing line may open the next bracket itself
      }
    }
  }
  return out;
}

/** Does the line end inside a bracket it opened (more opened than closed after its last close)? */
function openAtEnd(line: string): boolean {
  return depthAtEnd(line) > 0;
}

/** By char code, ( 〔 【 and ) 〕 】: this runs over every line of every document. */
function depthAtEnd(line: string): number {
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x28 || c === 0x3014 || c === 0x3010) depth++;
    else if (depth > 0 && (c === 0x29 || c === 0x3015 || c === 0x3011)) depth--;
  }
  return depth;
}

/**
 * Hard line breaks inside a label line's list. A PDF's text layer breaks a line wherever the page
 * edge falls, also in `责任单位:市发改委、市财⏎政局`: the label line would end at 市财 and 政局 read as
 * text. The break is dropped when the line's last name is no unit but joined with the start of the
 * next line is one (市财 + 政局), or when the line ends on a list separator (…、⏎市财政局).
 */
import { LIST_TAIL } from './note-patterns';
import { startsWithLabel } from './notes';
import { isUnitLike } from './unit-names';

/** A line that starts a numbered item or a part is never the rest of a list. */
const NUMBERED = /^(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|\d{1,3}\s*[、.](?!\d)|[①-⑳])/;
const LAST_NAME = /[^、,;:\s()]*$/;
const FIRST_NAME = /^[^、,;:。\s()]*/;

/** Ranges [start, end) of line breaks (with the spaces around them) that cut a label line's list. */
export function labelLineBreaks(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let line = nextLine(text, 0);
  while (line) {
    const next = nextLine(text, line.end + 1);
    if (!next) break;
    const a = line.text.trim();
    const b = next.text.trim();
    // The line's last field: the whole line, or a label run into it after a sentence (…以上。责任单位:A、B).
    const field = a.slice(a.lastIndexOf('。') + 1).trim();
    if (field !== '' && b !== '' && startsWithLabel(field) && !/[。;]$/.test(a) && !NUMBERED.test(b) && !startsWithLabel(b) && !/[|\t]/.test(a + b)) {
      const tail = LAST_NAME.exec(a)![0];
      const head = FIRST_NAME.exec(b)![0].replace(LIST_TAIL, '');
      const cut = /[、,]$/.test(a) || (tail !== '' && head !== '' && !isUnitLike(tail) && isUnitLike(tail + head));
      if (cut) out.push([line.start + line.text.trimEnd().length, next.start + next.text.length - next.text.trimStart().length]);
    }
    line = next;
  }
  return out;
}

function nextLine(text: string, from: number): { start: number; end: number; text: string } | null {
  if (from > text.length) return null;
  let end = text.indexOf('\n', from);
  if (end < 0) end = text.length;
  return { start: from, end, text: text.slice(from, end) };
}

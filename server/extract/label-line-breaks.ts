/**
 * Hard line breaks inside a label line's list. A PDF's text layer breaks a line wherever the page
 * edge falls, also in `责任单位:市发改委、市财⏎政局`: the label line would end at 市财 and 政局 read as
 * text. The break is dropped when the line's last name is no unit but joined with the start of the
 * next line is one (市财 + 政局), or when the line ends on a list separator (…、⏎市财政局).
 */
import { LIST_TAIL } from './note-patterns';
import { startsWithLabel } from './notes';
import { isUnitLike, isUnitShaped, matchCollective } from './unit-names';

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
      const cut = /[、,]$/.test(a) || (tail !== '' && head !== '' && (
        (!isUnitLike(tail) && isUnitLike(tail + head)) || (tail !== field && !startsWithLabel(tail) && continuesList(b) && cutsName(field, b, tail, head))));
      if (cut) out.push([line.start + line.text.trimEnd().length, next.start + next.text.length - next.text.trimStart().length]);
    }
    line = next;
  }
  return out;
}

/** A head with no name before it: 管委会 alone on the next line is the end of the name above. */
const BARE_HEAD = /^(管委会|管理委员会|委员会|办公室|人民政府|政府|中心|办事处|指挥部|领导小组|工作组|专班|分局|支队|大队)$/;
const ITEM = /^[\u4e00-\u9fffA-Za-z0-9()]{1,20}$/;

/**
 * The next line is only the rest of a list: short names set apart by separators, perhaps followed
 * by a field of its own (球团厂,完成时间:2009年5月10日前。), nothing that reads as a sentence.
 */
function continuesList(b: string): boolean {
  let list = b.replace(/[。.]$/, '');
  const field = /[,;]\s*(?=[^,;]{2,8}[::])/.exec(list);
  if (field && startsWithLabel(list.slice(field.index + field[0].length))) list = list.slice(0, field.index);
  const items = list.split(/[、,;\s]+/).filter(Boolean);
  return list.length <= 60 && items.length > 0 && items.every((i) => ITEM.test(i.replace(LIST_TAIL, '')));
}

/**
 * Where the line's last name and the next line's first are both names by their look, the break
 * still cut one name when: either half is no unit's name alone (鄂州⏎球团厂, 东城区⏎管委会, 市科⏎技局),
 * the two make one collective (各区⏎县政府), or the list sets its names apart with separators, none
 * of them at the break (县委办、县委⏎组织部、各镇).
 */
function cutsName(field: string, b: string, tail: string, head: string): boolean {
  const whole = tail + head;
  if (!isUnitLike(head) || !isUnitLike(tail)) {
    // One half is no name: a cut unless the next line is a sentence of its own (…市财政局⏎推进城乡融合发展。).
    const more = b.replace(/[。.]$/, '').length > head.length;
    if (/[。.]$/.test(b) && !more) return false;
    return more || !isUnitLike(tail);
  }
  if (!isUnitLike(whole)) return false;
  return !isUnitShaped(tail) || !isUnitShaped(head) || BARE_HEAD.test(head) || matchCollective(whole) !== null
    || /[、,;]/.test(field.replace(/^[^::]*[::]/, '') + b);
}

function nextLine(text: string, from: number): { start: number; end: number; text: string } | null {
  if (from > text.length) return null;
  let end = text.indexOf('\n', from);
  if (end < 0) end = text.length;
  return { start: from, end, text: text.slice(from, end) };
}

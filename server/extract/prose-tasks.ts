/**
 * Tasks written as prose: numbered items (and sections or parts) whose own text carries a
 * responsibility note, and a report's recommendations.
 */
import { isBracketed, type FoundNote } from './notes';
import { ancestor, refOf, walk, type Block } from './structure';
import { blank, groupLeaderOf, titleOf, type TaskDraft } from './task-draft';

type NotesIn = (from: number, to: number) => FoundNote[];

/** Notes lying within [from, to), by binary search over the notes sorted by start. */
function notesWithin(notes: FoundNote[]): NotesIn {
  return (from, to) => {
    let lo = 0;
    let hi = notes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (notes[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    const out: FoundNote[] = [];
    for (let i = lo; i < notes.length && notes[i]!.start < to; i++) if (notes[i]!.end <= to) out.push(notes[i]!);
    return out;
  };
}

/** Only notes that name units make a block a task; a note of leaders or a deadline alone does not. */
const namesUnits = (n: FoundNote) => n.items.length > 0;

export function proseTasks(text: string, root: Block, notes: FoundNote[]): TaskDraft[] {
  const notesIn = notesWithin(notes);
  const out: TaskDraft[] = [];
  // A text with no numbering at all: its paragraphs that close with a note are tasks. (In a numbered
  // plan, a note in the preamble, 为做好…工作(责任单位:…),制定本方案, belongs to no task.)
  const rootParagraphs = root.children.length === 0 ? bracketParagraphTasks(text, root, notesIn(0, root.ownEnd), 1) : null;
  rootParagraphs?.forEach((p, i) => out.push({ ...p, ref: String(i + 1), section: '', part: '', groupLeader: null }));
  for (const { block: b, ref, section, part } of taskBlocks(root, text, notesIn)) {
    const own = notesIn(b.bodyStart, b.ownEnd);
    const partBlock = ancestor(b, 'part');
    const groupLeader = partBlock ? groupLeaderOf(partBlock.heading, partBlock.bodyStart) : null;
    const paragraphs = paragraphTasks(text, b, own) ?? bracketParagraphTasks(text, b, own, 2);
    if (paragraphs) {
      paragraphs.forEach((p, i) => out.push({ ...p, ref: `${ref}-${i + 1}`, section: b.type === 'part' ? titleOf(b.heading) : section, part, groupLeader }));
      continue;
    }
    const clauses: TaskDraft['clauses'] = [];
    // With several clauses, the heading sentence (构建综合交通运输体系。) belongs to none of them.
    const headingEnd = text.indexOf('。', b.bodyStart);
    const withUnits = own.filter(namesUnits);
    let clauseStart = withUnits.length > 1 && headingEnd >= 0 && headingEnd < withUnits[0]!.start ? headingEnd + 1 : b.bodyStart;
    for (const note of withUnits) {
      clauses.push({ start: skipLeading(text, clauseStart, note.start), end: note.end, note });
      clauseStart = note.end;
    }
    out.push({
      ref, section, part,
      title: taskTitle(text, b, own[0]?.start ?? b.ownEnd),
      start: b.start,
      end: trimEnd(text, b.start, b.ownEnd),
      text: text.slice(b.bodyStart, b.ownEnd).trim(),
      clauses,
      fields: own,
      items: subItems(text, b.bodyStart, b.ownEnd),
      ownText: { text: blank(text, b.bodyStart, b.ownEnd, own), offset: b.bodyStart },
      groupLeader,
    });
  }
  return out;
}

/**
 * Unnumbered tasks: a block whose own text is paragraphs each followed by its note on lines of
 * its own (推进城乡融合发展。 / 牵头单位:… / 责任单位:…, then the next paragraph) holds one task per
 * paragraph, not one task of several clauses. Null when the block is not written so.
 */
function paragraphTasks(text: string, b: Block, own: FoundNote[]): Array<Omit<TaskDraft, 'ref' | 'section' | 'part' | 'groupLeader'>> | null {
  const lineNotes = own.filter((n) => namesUnits(n) && !isBracketed(text, n.start));
  if (lineNotes.length < 2) return null;
  // The block's heading is a title when it has no sentence of its own (一、主要任务).
  let from = /[。;]/.test(b.heading) ? b.bodyStart : b.bodyStart + b.heading.length;
  const out: Array<Omit<TaskDraft, 'ref' | 'section' | 'part' | 'groupLeader'>> = [];
  for (const note of lineNotes) {
    const start = skipLeading(text, from, note.start);
    const paragraph = text.slice(start, note.start).trim();
    if (paragraph === '') return null; // two notes with no text between: not this way of writing
    const fields = own.filter((n) => n.start >= start && n.end <= note.end);
    out.push({
      title: titleOf(paragraph),
      start,
      end: note.end,
      text: paragraph,
      clauses: [{ start, end: note.end, note }],
      fields,
      items: subItems(text, start, note.start),
      ownText: { text: blank(text, start, note.start, fields), offset: start },
    });
    from = note.end;
  }
  return out;
}

/**
 * Paragraphs each closed by a bracketed note of their own, under a heading that carries none
 * (一、推动高质量发展 / 加快推进城乡融合发展。…(牵头单位:…) / 持续优化营商环境。…(牵头单位:…)), or in a
 * text with no numbering at all: one task per paragraph. Several notes on one line stay clauses
 * of one task (湖南's 铁路方面…(…)公路方面…(…)). Null when the block is not written so.
 */
function bracketParagraphTasks(
  text: string, b: Block, own: FoundNote[], atLeast: number,
): Array<Omit<TaskDraft, 'ref' | 'section' | 'part' | 'groupLeader'>> | null {
  const bracketed = own.filter((n) => namesUnits(n) && isBracketed(text, n.start));
  if (bracketed.length < atLeast) return null;
  const headingEnd = b.bodyStart + b.heading.length;
  if (b.type !== 'preamble' && bracketed.some((n) => n.start < headingEnd)) return null;
  // The notes by the line they end on.
  const byLine = new Map<number, FoundNote[]>();
  for (const n of bracketed) {
    const lineStart = text.lastIndexOf('\n', n.start - 1) + 1;
    byLine.set(lineStart, [...(byLine.get(lineStart) ?? []), n]);
  }
  if (byLine.size < atLeast) return null;
  const out: Array<Omit<TaskDraft, 'ref' | 'section' | 'part' | 'groupLeader'>> = [];
  for (const [lineStart, lineNotes] of [...byLine].sort((x, y) => x[0] - y[0])) {
    const start = skipLeading(text, Math.max(lineStart, b.type === 'preamble' ? 0 : headingEnd), lineNotes[0]!.start);
    const end = lineNotes[lineNotes.length - 1]!.end;
    const paragraph = text.slice(start, lineNotes[0]!.start).trim();
    if (paragraph.length < 4) return null;
    const fields = own.filter((n) => n.start >= start && n.end <= end);
    const clauses: TaskDraft['clauses'] = [];
    let from = start;
    for (const note of lineNotes) {
      clauses.push({ start: skipLeading(text, from, note.start), end: note.end, note });
      from = note.end;
    }
    out.push({
      title: titleOf(paragraph),
      start,
      end,
      text: text.slice(start, end).trim(),
      clauses,
      fields,
      items: subItems(text, start, end),
      ownText: { text: blank(text, start, end, fields), offset: start },
    });
  }
  return out;
}

interface TaskBlock { block: Block; ref: string; section: string; part: string }

/**
 * Which blocks are tasks: a numbered item with a note of its own (an item without one is not,
 * even when its neighbours have notes); a section or part whose own text carries a note (002's (五), 000's 保障措施 items); in a report,
 * the recommendations (paragraphs of an 对策/建议 part that open with its keyword or list 一是…).
 */
function taskBlocks(root: Block, text: string, notesIn: NotesIn): TaskBlock[] {
  const hasNote = (b: Block) => notesIn(b.bodyStart, b.ownEnd).some(namesUnits);
  const out: TaskBlock[] = [];
  for (const b of walk(root)) {
    if (b.type === 'preamble') continue;
    const part = ancestor(b, 'part');
    const section = b.type === 'item' || b.type === 'subitem' ? ancestor(b, 'section') ?? part : b.type === 'section' ? part : b.parent;
    const names = { section: section ? titleOf(section.heading) : '', part: part ? titleOf(part.heading) : '' };
    // A numbered item, section or part is a task when its own text carries a note naming units.
    if ((b.type === 'item' || b.type === 'subitem' || b.type === 'section' || b.type === 'part') && hasNote(b)) out.push({ block: b, ref: refOf(b), ...names });
  }
  // Reports: recommendations, numbered 1… within their part.
  for (const part of root.children) {
    if (part.type !== 'part' || !/对策|建议|措施/.test(part.heading)) continue;
    const keyword = /“([^”]{2,6})”/.exec(part.heading)?.[1];
    let n = 0;
    for (const p of part.children) {
      if (p.type !== 'paragraph') continue;
      const body = text.slice(p.bodyStart, p.ownEnd);
      if ((keyword && body.startsWith(keyword)) || /(^|[。;:])一是/.test(body)) {
        out.push({ block: p, ref: `${part.label}.${++n}`, section: titleOf(part.heading), part: titleOf(part.heading) });
      }
    }
  }
  return out.sort((a, b) => a.block.start - b.block.start);
}

/**
 * A task's title: its heading phrase, or, when the heading is a bare title line (no 。) over a
 * paragraph of its own that carries the note, that paragraph's first sentence.
 */
function taskTitle(text: string, b: Block, noteStart: number): string {
  const headingEnd = b.bodyStart + b.heading.length;
  // A note on the heading line is no part of the title: 一、加快调整能源结构(省发改委总牵头).
  if (noteStart > b.bodyStart + 1 && noteStart < headingEnd) return titleOf(text.slice(b.bodyStart, noteStart));
  if ((b.type === 'section' || b.type === 'part') && !/[。;]/.test(b.heading)) {
    const para = text.slice(headingEnd, noteStart).trim();
    if (para.length > 8 && /[。;,]/.test(para)) return titleOf(para);
  }
  // A note on the heading line is no part of the title, however short the title (规上工业增加值增长8%(牵头单位:…)).
  return titleOf(noteStart > b.bodyStart && noteStart < headingEnd ? text.slice(b.bodyStart, noteStart) : b.heading);
}

const ORDINALS = '一二三四五六七八九十';

/** 一是…二是… inside a task, when they run in order from 一是. */
function subItems(text: string, from: number, to: number): TaskDraft['items'] {
  const body = text.slice(from, to);
  const marks: Array<{ ordinal: string; at: number }> = [];
  for (const m of body.matchAll(/(?<=^|[。;:!?\s])(十[一二三四五六七八九]?|[一二三四五六七八九])是/g)) {
    const expected = ORDINALS[marks.length] ?? '';
    if (m[1] === expected || (marks.length >= 10 && m[1]!.startsWith('十'))) marks.push({ ordinal: `${m[1]}是`, at: m.index! });
  }
  return marks.map((mk, i) => {
    const start = from + mk.at;
    const end = trimEnd(text, start, i + 1 < marks.length ? from + marks[i + 1]!.at : to);
    // An item's heading phrase ends at its first comma as well: 二是切实增强规划引领调控作用,市级层面…
    return { ordinal: mk.ordinal, title: titleOf(text.slice(start + mk.ordinal.length, end).split(/[,;]/)[0]!), start, end };
  });
}

function skipLeading(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && /[\s。;,)]/.test(text[i]!)) i++;
  return i;
}

export function trimEnd(text: string, from: number, to: number): number {
  let e = to;
  while (e > from && /\s/.test(text[e - 1]!)) e--;
  return e;
}

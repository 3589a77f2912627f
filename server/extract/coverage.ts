/**
 * Coverage: what the extractor saw in a document and what it used, so that no document comes
 * back empty without saying why. Counts the responsibility words of the text, the clauses read
 * (bracket notes, label lines, table rows) and how many of them ended in a task, and the
 * unit-shaped phrases of those clauses that no assignment took up. Pure: it reads what the
 * earlier stages produced and changes none of it.
 */
import type { ExtractedTask } from './contract';
import { blankRule, type FoundNote } from './notes';
import { DEADLINE_LABEL, LEADER_LABEL, NOTE_LABELS } from './note-patterns';
import type { TextMap } from './text-map';
import { isUnitLike } from './unit-names';

/** Words that say who is responsible; longest first, so 责任单位 is one word and not 责任 + 单位. */
export const RESPONSIBILITY_WORDS = [
  '责任单位', '责任部门', '责任处室', '牵头', '负责', '配合', '参与', '协办', '协助', '主办', '承办', '主责', '会同',
] as const;
/** 负责 and 参与 also run through ordinary prose (负责同志, 参与竞争): a place is named by a stronger word when there is one. */
const WEAK_WORDS = new Set<string>(['负责', '参与']);
const WORD_RE = new RegExp(RESPONSIBILITY_WORDS.join('|'), 'g');

export type CoverageWarningKind = 'no-words' | 'not-understood' | 'unattached';

export interface CoverageWarning {
  kind: CoverageWarningKind;
  /** 1-based line of the raw file, and raw offset, of the first place not understood (null for no-words). */
  line: number | null;
  start: number | null;
  /** A short quote of that place (…牵头…), as the file writes it. */
  quote: string;
  /** How many clauses attach to no task (kind 'unattached'). */
  count: number;
  en: string;
  zh: string;
}

export interface Coverage {
  /** Each responsibility word seen: how often, where first (raw offset, 1-based line). */
  words: Array<{ word: string; count: number; first: number; line: number }>;
  /** Clauses recognised (notes, label lines, table rows naming units), and how many belong to a task. */
  clauses: { read: number; used: number };
  tasks: number;
  tasksWithUnits: number;
  /** Unit-shaped phrases inside recognised clauses that no assignment took up. */
  unusedUnits: Array<{ surface: string; start: number; line: number }>;
  warning: CoverageWarning | null;
}

export interface CoverageInput {
  /** The raw text (offsets and line numbers refer to it). */
  raw: string;
  /** The normalised text and its map to raw offsets. */
  tm: TextMap;
  /** Notes found in the prose (bracket notes and label lines), attached or not. */
  notes: readonly FoundNote[];
  /** Every clause note that ended in a task (prose and table rows). */
  used: ReadonlySet<FoundNote>;
  tasks: readonly ExtractedTask[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Labels and field labels blanked before a clause is searched for unused unit names. */
const LABELS = new RegExp(
  `${LEADER_LABEL.source}|${DEADLINE_LABEL.source}|${[...NOTE_LABELS.map(([l]) => l)].sort((a, b) => b.length - a.length).map(escape).join('|')}`,
  'g',
);
const PIECE_SPLIT = /[\s,;、。:()【】〔〕[\]和与及]+/;
/** A piece that still holds a verb or role word is a list closed by it (X牵头), not a name no one used. */
const ROLE_WORD = /牵头|负责|配合|参与|参加|协办|协助|主办|承办|主责|会同|分工|落实/;

export function documentCoverage({ raw, tm, notes, used, tasks }: CoverageInput): Coverage {
  const lineOf = lineIndex(raw);
  const rawAt = (i: number) => tm.map[Math.min(i, tm.text.length)]!;

  const words = new Map<string, { word: string; count: number; first: number; line: number }>();
  let firstStrong: number | null = null;
  let firstAny: number | null = null;
  for (const m of tm.text.matchAll(WORD_RE)) {
    const at = m.index!;
    const w = words.get(m[0]);
    if (w) w.count++;
    else words.set(m[0], { word: m[0], count: 1, first: rawAt(at), line: lineOf(rawAt(at)) });
    firstAny ??= at;
    if (firstStrong === null && !WEAK_WORDS.has(m[0])) firstStrong = at;
  }

  const read = new Set<FoundNote>([...notes.filter((n) => n.items.length > 0), ...[...used].filter((n) => n.items.length > 0)]);
  const unattached = notes.filter((n) => n.items.length > 0 && !used.has(n));
  const usedCount = [...read].filter((n) => used.has(n)).length;

  const unusedUnits: Coverage['unusedUnits'] = [];
  for (const n of unattached) {
    for (const it of n.items) unusedUnits.push({ surface: it.surface, start: rawAt(it.offset), line: lineOf(rawAt(it.offset)) });
  }
  // Table rows are read by column, so only prose notes are searched for names left over.
  const prose = new Set(notes);
  for (const n of read) if (used.has(n) && prose.has(n)) unusedUnits.push(...leftOver(n, tm, rawAt, lineOf));
  unusedUnits.sort((a, b) => a.start - b.start);

  const tasksWithUnits = tasks.filter((t) => t.assignments.length > 0).length;
  let warning: CoverageWarning | null = null;
  if (tasks.length === 0 && words.size === 0) {
    warning = {
      kind: 'no-words', line: null, start: null, quote: '', count: 0,
      en: 'found 0 tasks; the document has no responsibility words (牵头, 负责, 责任单位 …): nothing in it says who is responsible',
      zh: '找到 0 个任务；文中没有任何责任用语（牵头、负责、责任单位等），未说明由谁负责',
    };
  } else if (tasks.length === 0) {
    // The first clause that attached to nothing says most; else the first strong word, else any.
    const at = unattached[0]?.start ?? firstStrong ?? firstAny!;
    const place = placeOf(raw, rawAt(at), unattached[0] ? rawAt(unattached[0].end) : null, lineOf);
    warning = {
      kind: 'not-understood', ...place, count: unattached.length,
      en: `found 0 tasks; line ${place.line} «${place.quote}» was not understood`,
      zh: `找到 0 个任务；第 ${place.line} 行“${place.quote}”未能识别`,
    };
  } else if (unattached.length > 0) {
    const first = unattached[0]!;
    const place = placeOf(raw, rawAt(first.start), rawAt(first.end), lineOf);
    warning = {
      kind: 'unattached', ...place, count: unattached.length,
      en: `${unattached.length} responsibility clause${unattached.length > 1 ? 's attach' : ' attaches'} to no task; the first: line ${place.line} «${place.quote}»`,
      zh: `${unattached.length} 处责任说明未归入任何任务；第一处：第 ${place.line} 行“${place.quote}”`,
    };
  }

  return {
    words: [...words.values()].sort((a, b) => a.first - b.first),
    clauses: { read: read.size, used: usedCount },
    tasks: tasks.length,
    tasksWithUnits,
    unusedUnits,
    warning,
  };
}

/** Unit-shaped phrases of a note that none of its items covers (a name the list grammar skipped). */
function leftOver(n: FoundNote, tm: TextMap, rawAt: (i: number) => number, lineOf: (raw: number) => number): Coverage['unusedUnits'] {
  const chars = [...tm.text.slice(n.start, n.end)];
  if (chars.length !== n.end - n.start) return []; // surrogates: offsets would not line up
  // Items, leaders (persons, never units) and the deadline are read already.
  const fields = [...n.items.map((it) => ({ offset: it.offset, length: it.surface.length })),
    ...[...n.leaders, ...(n.deadline ? [n.deadline] : [])].map((f) => ({ offset: f.offset, length: f.text.length }))];
  for (const f of fields) {
    for (let i = f.offset - n.start; i < f.offset - n.start + f.length && i < chars.length; i++) if (i >= 0) chars[i] = ' ';
  }
  let rest = blankRule(chars.join('')).text;
  rest = rest.replace(LABELS, (m) => ' '.repeat(m.length));
  const out: Coverage['unusedUnits'] = [];
  let at = 0;
  for (const piece of rest.split(PIECE_SPLIT)) {
    const offset = rest.indexOf(piece, at);
    at = offset + piece.length;
    const name = piece.replace(/^(由|请)/, '').replace(/等$/, '');
    // 等有关部门 is the tail of the list before it, already read with it.
    if (name.length < 3 || name.startsWith('等') || ROLE_WORD.test(name) || !isUnitLike(name)) continue;
    const raw = rawAt(n.start + offset);
    out.push({ surface: name, start: raw, line: lineOf(raw) });
  }
  return out;
}

/** The line and a short quote of a place: a clause quoted whole (shortened), a word with a little context. */
function placeOf(raw: string, start: number, end: number | null, lineOf: (raw: number) => number): { line: number; start: number; quote: string } {
  const lineStart = raw.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = raw.indexOf('\n', start);
  if (lineEnd < 0) lineEnd = raw.length;
  const from = end !== null ? start : Math.max(lineStart, start - 8);
  const to = Math.min(lineEnd, end !== null ? Math.min(end, start + 24) : start + 14);
  const body = raw.slice(from, to).trim();
  const quote = `${from > lineStart ? '…' : ''}${body}${to < lineEnd ? '…' : ''}`;
  return { line: lineOf(start), start, quote };
}

/** Raw offset → 1-based line number, by binary search over the line starts. */
function lineIndex(raw: string): (offset: number) => number {
  const starts = [0];
  for (let i = raw.indexOf('\n'); i >= 0; i = raw.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** One line per document for `npm run extract`'s stderr. */
export function coverageLine(file: string, c: Coverage): string {
  const seen = c.words.reduce((n, w) => n + w.count, 0);
  const head = `coverage: ${file}: ${seen} responsibility words, ${c.clauses.used}/${c.clauses.read} clauses used, ${c.tasksWithUnits}/${c.tasks} tasks with units`
    + (c.unusedUnits.length > 0 ? `, ${c.unusedUnits.length} unit names unused (${c.unusedUnits.slice(0, 3).map((u) => u.surface).join(', ')}${c.unusedUnits.length > 3 ? ', …' : ''})` : '');
  return c.warning ? `${head}\n  ! ${c.warning.en}` : head;
}

import type { FoundNote } from './notes';

/**
 * A task as the grammar finds it, before its units, places, deadline and leaders are resolved:
 * from a numbered item of the prose (prose-tasks.ts) or a row of a table (table-tasks.ts). All
 * offsets index the normalised text.
 */
export interface TaskDraft {
  ref: string;
  title: string;
  section: string;
  part: string;
  start: number;
  end: number;
  /** The task's own text (numbering left out). */
  text: string;
  /** One per note (or table row) that says who: the clause's text span and its note. */
  clauses: Array<{ start: number; end: number; note: FoundNote }>;
  /** Every note of the task, those naming only leaders or a deadline included. */
  fields: FoundNote[];
  /** 一是…二是… inside the task. */
  items: Array<{ ordinal: string; title: string; start: number; end: number }>;
  /** The task's text with its notes and unit cells blanked: where places and in-text dates are read. */
  ownText: { text: string; offset: number };
  /** Leaders named over a whole group of tasks (一、于会游市长主抓重点工作). */
  groupLeader: { name: string; post: string; start: number; end: number } | null;
}

/** The heading phrase up to the first 。 (or the first bracket), as the task's title. */
export function titleOf(heading: string): string {
  let t = heading.split(/[。!?]/)[0] ?? '';
  const bracket = t.indexOf('(');
  if (bracket > 0 && t.length > 30) t = t.slice(0, bracket);
  return t.replace(/[:;,、\s]+$/, '').trim().slice(0, 80);
}

/** The text between `from` and `to` with the given spans blanked (same length, offsets kept). */
export function blank(text: string, from: number, to: number, spans: ReadonlyArray<{ start: number; end: number }>): string {
  let out = '';
  let at = from;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.end <= at || s.start >= to) continue;
    out += text.slice(at, Math.max(at, s.start)) + ' '.repeat(Math.min(to, s.end) - Math.max(at, s.start));
    at = Math.min(to, s.end);
  }
  return out + text.slice(at, to);
}

/** 一、于会游市长主抓重点工作 / 一、王丹县长牵头重点工作: the leader a group heading names for its tasks. */
const GROUP_LEADER = /^([\u4e00-\u9fff]{2,4}?)((?:常务)?副?(?:省|市|县|区|州|旗|镇)长|(?:副)?书记|(?:副)?主任|(?:副)?主席)(?:主抓|牵头|分管|负责|领衔|联系|挂帅)/;

export function groupLeaderOf(heading: string, at: number): TaskDraft['groupLeader'] {
  const m = GROUP_LEADER.exec(heading);
  return m ? { name: m[1]!, post: m[2]!, start: at, end: at + m[1]!.length } : null;
}

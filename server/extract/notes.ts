import {
  LEAD_MARKER, LEAD_RULE_PHRASES, LIST_DELIMITER, LIST_TAIL, NOTE_LABELS, NOTE_VERBS,
  RULE_SCOPE_WORDS, type Role,
} from './note-patterns';
import { lines } from './lines';
import { isUnitLike } from './unit-names';

export interface NoteItem {
  surface: string;
  role: Role;
  /** True when the role comes from a label or verb in the note itself. */
  explicit: boolean;
  /** Offset of the surface within the note text. */
  offset: number;
}

export interface ParsedNote {
  items: NoteItem[];
  /** The note states the first-listed rule (排第一的为牵头单位). */
  statesLeadRule: boolean;
  /** Some item's lead role is written in the note. */
  hasExplicitLead: boolean;
}

export interface FoundNote extends ParsedNote {
  /** [start, end) in the searched text, brackets included. */
  start: number;
  end: number;
  /** The note as written (normalised), brackets included. */
  quote: string;
}

const MAX_NOTE_LENGTH = 1000;
const LABEL_RE = new RegExp(`^(${NOTE_LABELS.map(([l]) => l).join('|')})\\s*[::]\\s*`);
const LABEL_ROLE = new Map(NOTE_LABELS);
const RULE_PHRASES_GLOBAL = LEAD_RULE_PHRASES.map((re) => new RegExp(re.source, 'g'));
const SEGMENT_END = /[;。]/g;
const COMMA = /,/g;
const LIST_DELIMITER_GLOBAL = new RegExp(LIST_DELIMITER.source, 'g');

/**
 * Parse the inside of a bracket (or a note line) into role-tagged unit surfaces, or null when
 * it is prose and not a responsibility note.
 */
export function parseNoteContent(content: string): ParsedNote | null {
  if (content.length === 0 || content.length > MAX_NOTE_LENGTH) return null;
  let statesLeadRule = false;
  // Blank the rule phrases out (same length) so item offsets stay true.
  let text = content;
  for (const re of RULE_PHRASES_GLOBAL) {
    text = text.replace(re, (m) => {
      statesLeadRule = true;
      return ','.repeat(m.length);
    });
  }

  const items: NoteItem[] = [];
  let labelled = false;
  // Segments end at ; or 。 — a label or a verb gives each its role.
  for (const seg of splitWithOffsets(text, SEGMENT_END)) {
    const label = LABEL_RE.exec(seg.text);
    if (label) {
      labelled = true;
      const role = LABEL_ROLE.get(label[1]!)!;
      const body = seg.text.slice(label[0].length);
      if (!pushList(items, body, seg.offset + label[0].length, role, true)) return null;
      continue;
    }
    // Unlabelled: runs of comma-separated parts, each run closed by a verb (X牵头负责,Y等参与).
    let runStart = -1;
    for (const part of splitWithOffsets(seg.text, COMMA)) {
      if (runStart < 0) runStart = part.offset;
      const verb = NOTE_VERBS.find(([v]) => part.text.endsWith(v));
      if (!verb) continue;
      const runEnd = part.offset + part.text.length - verb[0].length;
      const body = seg.text.slice(runStart, runEnd);
      if (!pushList(items, body, seg.offset + runStart, verb[1], true)) return null;
      runStart = -1;
    }
    if (runStart >= 0) {
      const rest = seg.text.slice(runStart);
      if (rest.split(',').every((p) => p.trim() === '' || RULE_SCOPE_WORDS.test(p.trim()))) continue;
      return null; // words that are neither units with a role nor the rule: prose
    }
  }
  if (items.length === 0) return null;
  // Without a label, every item must look like a unit: (由企业负责) is prose.
  if (!labelled && !items.every((i) => isUnitLike(i.surface))) return null;
  return { items, statesLeadRule, hasExplicitLead: items.some((i) => i.role === 'lead') };
}

function pushList(out: NoteItem[], body: string, offset: number, role: Role, explicit: boolean): boolean {
  const parts = splitWithOffsets(body, LIST_DELIMITER_GLOBAL);
  let pushed = 0;
  for (const p of parts) {
    let surface = p.text.trim();
    let at = p.offset + p.text.indexOf(surface);
    if (surface === '' || RULE_SCOPE_WORDS.test(surface)) continue;
    let itemRole = role;
    const marker = LEAD_MARKER.exec(surface);
    if (marker) {
      itemRole = 'lead';
      surface = surface.slice(0, marker.index);
    }
    surface = surface.replace(LIST_TAIL, '');
    const lead = /^(由|请)/.exec(surface);
    if (lead) {
      surface = surface.slice(lead[0].length);
      at += lead[0].length;
    }
    if (surface.length < 2) continue;
    out.push({ surface, role: itemRole, explicit, offset: offset + at });
    pushed++;
  }
  return pushed > 0;
}

/** Split on a global regex, keeping each piece's offset; empty pieces dropped. */
function splitWithOffsets(text: string, re: RegExp): Array<{ text: string; offset: number }> {
  const out: Array<{ text: string; offset: number }> = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    out.push({ text: text.slice(last, m.index), offset: last });
    last = m.index! + m[0].length;
  }
  out.push({ text: text.slice(last), offset: last });
  return out.filter((s) => s.text.trim() !== '');
}

/**
 * Find every responsibility note in `text`: bracketed notes anywhere (outermost first, nested
 * brackets allowed) and notes written on a line of their own (责任单位:…). Linear time: brackets
 * are paired in one pass with a stack that is cleared at each line end.
 */
export function findNotes(text: string): FoundNote[] {
  const pairs: Array<[number, number]> = [];
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') {
      if (stack.length < 64) stack.push(i);
    } else if (c === ')') {
      const open = stack.pop();
      if (open !== undefined && i - open <= MAX_NOTE_LENGTH + 1) pairs.push([open, i + 1]);
    } else if (c === '\n') stack.length = 0;
  }
  pairs.sort((a, b) => a[0] - b[0] || b[1] - a[1]);

  const notes: FoundNote[] = [];
  let coveredUntil = -1;
  for (const [s, e] of pairs) {
    if (s < coveredUntil) continue; // inside a note already taken, e.g. the (牵头) marker
    const parsed = parseNoteContent(text.slice(s + 1, e - 1));
    if (!parsed) continue;
    for (const item of parsed.items) item.offset += 1;
    notes.push({ ...parsed, start: s, end: e, quote: text.slice(s, e) });
    coveredUntil = e;
  }

  // Notes on their own lines; consecutive label lines (牵头单位:… / 责任单位:…) form one note.
  let pending: FoundNote | null = null;
  for (const { start: lineStart, end: lineEnd, at: start, text: line } of lines(text)) {
    const parsed = LABEL_RE.test(line) && !notes.some((n) => n.start >= lineStart && n.start < lineEnd)
      ? parseNoteContent(line.replace(/[。.]$/, ''))
      : null;
    if (parsed) {
      for (const item of parsed.items) item.offset += start;
      if (pending) {
        pending.items.push(...parsed.items);
        pending.statesLeadRule ||= parsed.statesLeadRule;
        pending.hasExplicitLead ||= parsed.hasExplicitLead;
        pending.end = start + line.length;
        pending.quote = text.slice(pending.start, pending.end);
      } else {
        pending = { ...parsed, start, end: start + line.length, quote: line };
      }
    } else if (line !== '' && pending) {
      notes.push(pending);
      pending = null;
    }
  }
  if (pending) notes.push(pending);

  // Line-note item offsets were made absolute; bracket-note offsets are relative to the note.
  for (const n of notes) {
    if (text[n.start] === '(') for (const item of n.items) item.offset += n.start;
  }
  return notes.sort((a, b) => a.start - b.start);
}

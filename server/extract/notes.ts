import {
  COLLECTIVE_SPAN, DEADLINE_LABEL, LEAD_MARK_BEFORE, LEAD_MARKER, LEAD_RULE_PHRASES, LEADER_LABEL, LIST_DELIMITER, LIST_TAIL,
  NOTE_LABELS, NOTE_VERBS, ORG_NOUNS, ROLE_QUALIFIERS, RULE_SCOPE_WORDS, type Role,
} from './note-patterns';
import { logicalLines, NUMBERING, type Line } from './lines';
import { parseDeadline } from './deadline';
import { isPersonOrPost } from './leaders';
import { isUnitLike, isUnitShaped } from './unit-names';

export interface NoteItem {
  surface: string;
  role: Role;
  /** True when the role comes from a label, verb or mark in the note itself. */
  explicit: boolean;
  /** Offset of the surface within the note text. */
  offset: number;
  /** The label the item stands under (牵头单位, 主办单位), when it has one. */
  label?: string;
  /** The lead is marked on the item itself (★市发改委, 市发改委(牵头)). */
  marked?: boolean;
  /** Length of the surface as written, when whitespace inside it was dropped. */
  written?: number;
  /** Named by a standing clause: responsible for this note's task and every later one. */
  standing?: boolean;
  /** Put in charge by a plain 负责 (X负责, A、B分别负责): the first such unit leads when the note names no lead. */
  inCharge?: boolean;
}

/** A non-unit field of a note (a leader or a deadline), as written, with its offset in the note text. */
export interface NoteField {
  text: string;
  offset: number;
}

export interface ParsedNote {
  items: NoteItem[];
  /** The note states the first-listed rule (排第一的为牵头单位). */
  statesLeadRule: boolean;
  /** Some item's lead role is written in the note. */
  hasExplicitLead: boolean;
  /** 责任领导:… / 牵头领导:… bodies: persons or posts, never units. */
  leaders: NoteField[];
  /** 完成时限:… / 时间节点:… body. */
  deadline: NoteField | null;
  /** A bare list of units in brackets, no label or verb: a note only where it closes a sentence. */
  bare?: boolean;
}

export interface FoundNote extends ParsedNote {
  /** [start, end) in the searched text, brackets included. */
  start: number;
  end: number;
  /** The note stands in brackets (not on label lines, not a table row). */
  bracketed?: boolean;
  /** The note as written (normalised), brackets included. */
  quote: string;
}

const MAX_NOTE_LENGTH = 1000;

/** The brackets a note may stand in: () 〔〕 [] 【】 (full-width forms are folded to these by normalise). */
export const NOTE_BRACKETS: ReadonlyArray<readonly [string, string]> = [['(', ')'], ['〔', '〕'], ['[', ']'], ['【', '】']];
const OPENERS = new Set(NOTE_BRACKETS.map(([o]) => o));
const CLOSER_OF = new Map(NOTE_BRACKETS.map(([o, c]) => [c, o]));
/** Does a note found in `text` at `start` stand in brackets (rather than on a label line)? */
export const isBracketed = (text: string, start: number) => OPENERS.has(text[start]!);

type LabelKind = { kind: 'units'; role: Role } | { kind: 'leaders' } | { kind: 'deadline' };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Role labels that name an organisation noun (牵头单位) may run into their list without a colon. */
const NOUN_LABELS = new Set(NOTE_LABELS.filter(([l]) => l.length > 2).map(([l]) => l));
const LABEL_ROLE = new Map(NOTE_LABELS);
const LEADER_WHOLE = new RegExp(`^(?:${LEADER_LABEL.source})$`);
/** Every label, longest alternatives first; which ones count is decided per match (see labelsIn). */
const byLength = (xs: Iterable<string>) => [...xs].sort((a, b) => b.length - a.length).map(escape).join('|');
const LABEL_CANDIDATE = new RegExp(
  `([【\\[])?(${LEADER_LABEL.source}|${DEADLINE_LABEL.source}|(?:${byLength(ROLE_QUALIFIERS.map(([q]) => q))})(?:${byLength(ORG_NOUNS)})|${byLength(NOTE_LABELS.filter(([l]) => l.length <= 2).map(([l]) => l))})([】\\]])?\\s*([::])?\\s*`,
  'g',
);

interface LabelMatch { index: number; length: number; kind: LabelKind }

/**
 * The labels that start a field: 【牵头单位】 or [责任单位] anywhere; a label at the start or after a
 * separator, with its colon (责任领导:, 完成时限:, 配合:) or, for a role label naming an organisation
 * noun, without one (…;责任单位县直各有关单位); and such a role label with its colon anywhere
 * (牵头部门:市商务局配合部门:市财政局).
 */
function labelsIn(text: string): LabelMatch[] {
  const out: LabelMatch[] = [];
  for (const m of text.matchAll(LABEL_CANDIDATE)) {
    const label = m[2]!;
    const bracketed = m[1] !== undefined && m[3] !== undefined;
    if (!bracketed && (m[1] !== undefined || m[3] !== undefined)) continue;
    const colon = m[4] !== undefined;
    const at = m.index!;
    const boundary = at === 0 || /[;,。\s)】\]]/.test(text[at - 1]!);
    const noun = NOUN_LABELS.has(label);
    if (!(bracketed || (boundary && (noun || colon)) || (noun && colon))) continue;
    const role = LABEL_ROLE.get(label);
    const kind: LabelKind = role ? { kind: 'units', role } : LEADER_WHOLE.test(label) ? { kind: 'leaders' } : { kind: 'deadline' };
    out.push({ index: at, length: m[0].length, kind });
  }
  return out;
}

/** Does the line start with a label of any kind (a note line: 责任单位:…, 完成时限:…)? */
export function startsWithLabel(line: string): boolean {
  if (!LABEL_FIRST_CHAR.test(line)) return false;
  const head = line.slice(0, 24);
  return MAY_BE_NOTE.test(head) && labelsIn(head)[0]?.index === 0;
}
/** The characters a label can begin with (a quick test before the full pattern). */
const LABEL_FIRST_CHAR = /^[【[牵主配协参支具直责负承实落分联包督挂市县区省领项工计预完办截时进第]/;

const RULE_PHRASES_GLOBAL = LEAD_RULE_PHRASES.map((re) => new RegExp(re.source, 'g'));
/** A bracket inside a note that holds only the rule: 市财政局(第一责任单位为牵头单位,下同). */
const RULE_BRACKET = new RegExp(`\\((?:${LEAD_RULE_PHRASES.map((re) => re.source).join('|')})[,;]?\\)`, 'g');
const COMMA = /,/g;
const MAY_STATE_RULE = /[为是](?:牵头|主办|主责)/;
/** Every note holds a label, a verb or a rule, and each of those one of these words: most brackets are skipped at once. */
const MAY_BE_NOTE = /单位|部门|处室|科室|主体|机构|牵头|主办|主责|配合|协办|参与|参加|协助|负责|责任|领导|时限|时间|期限|日期|节点|进度|第一|首位/;
const SEPARATORS = /^[\s;,。:]+|[\s;,。:]+$/g;

/**
 * The first-listed rule blanked out of a note or cell (same length, so offsets stay true):
 * 市财政局(第一责任单位为牵头单位,下同) → 市财政局,,,,,,,,,,,,,,.
 */
export function blankRule(content: string): { text: string; statesLeadRule: boolean } {
  if (!MAY_STATE_RULE.test(content)) return { text: content, statesLeadRule: false };
  let statesLeadRule = false;
  const blank = (m: string) => {
    statesLeadRule = true;
    return ','.repeat(m.length);
  };
  let text = content.replace(RULE_BRACKET, blank);
  for (const re of RULE_PHRASES_GLOBAL) text = text.replace(re, blank);
  return { text, statesLeadRule };
}

/**
 * Parse the inside of a bracket (or a note line) into role-tagged unit surfaces plus leaders and
 * a deadline, or null when it is prose and not a responsibility note.
 */
export function parseNoteContent(content: string): ParsedNote | null {
  if (content.length === 0 || content.length > MAX_NOTE_LENGTH) return null;
  if (!MAY_BE_NOTE.test(content)) return bareList(content, false);
  const { text: unruled, statesLeadRule } = blankRule(content);
  const items: NoteItem[] = [];
  // A standing clause names units for this note and every later one (…均需X落实,不再列出 / …均涉及X,不再做分工,下同).
  const standing = STANDING.exec(unruled);
  let text = unruled;
  if (standing) {
    const list = standing[1]!;
    const at = standing.index + standing[0].indexOf(list);
    pushList(items, list, at, 'responsible');
    for (const i of items) i.standing = true;
    text = unruled.slice(0, standing.index) + ','.repeat(standing[0].length) + unruled.slice(standing.index + standing[0].length);
  }

  const leaders: NoteField[] = [];
  let deadline: NoteField | null = null;
  const labels = labelsIn(text);
  const fields: Fields = { leaders, deadline: null };
  // Text before the first label: unlabelled lists closed by verbs (X牵头负责,Y等参与).
  const head = text.slice(0, labels[0]?.index ?? text.length);
  if (head.replace(/[\s,;。]/g, '') !== '' && !verbRuns(items, head, 0, null, fields)) return labels.length === 0 ? bareList(text, statesLeadRule) : null;
  deadline = fields.deadline;
  for (let i = 0; i < labels.length; i++) {
    const m = labels[i]!;
    const bodyStart = m.index + m.length;
    const bodyEnd = labels[i + 1]?.index ?? text.length;
    const raw = text.slice(bodyStart, bodyEnd);
    const body = raw.replace(SEPARATORS, '');
    if (body === '') continue;
    const at = bodyStart + raw.indexOf(body);
    const { kind } = m;
    if (kind.kind === 'leaders') leaders.push({ text: body, offset: at });
    else if (kind.kind === 'deadline') deadline ??= { text: body, offset: at };
    // A labelled list may still close with a verb of its own (责任单位:A、B分别牵头).
    else {
      const before = items.length;
      fields.deadline = deadline;
      verbRuns(items, body, at, kind.role, fields);
      deadline = fields.deadline;
      for (const item of items.slice(before)) item.label = text.slice(m.index, m.index + m.length).replace(/[【】[\]::\s]/g, '');
    }
  }
  if (items.length === 0 && leaders.length === 0 && deadline === null) return null;
  // Units of a standing clause come after the note's own (the first-listed rule reads the own list).
  if (standing) items.push(...items.splice(0, items.filter((i) => i.standing).length));
  // 主办 is the lead, unless the same note names a 牵头单位: then the 主办 units are responsible.
  if (items.some((i) => i.role === 'lead' && i.label?.startsWith('牵头'))) {
    for (const i of items) if (i.role === 'lead' && i.label?.startsWith('主办')) i.role = 'responsible';
  }
  // Without a label, the items must look like units: (由企业负责) is prose. One name of unknown
  // shape among units (a 板块, a body named as no other plan names it) does not drop the note.
  if (labels.length === 0) {
    // A bare name of two or three characters among the units (…、王强负责) is a person: a leader.
    for (let k = items.length - 1; k >= 0; k--) {
      const it = items[k]!;
      if (items.length > 1 && /^[\u4e00-\u9fff]{2,3}$/.test(it.surface) && !isUnitLike(it.surface)) {
        leaders.push({ text: it.surface, offset: it.offset });
        items.splice(k, 1);
      }
    }
    if (!unitsEnough(items)) return null;
  }
  return { items, statesLeadRule, hasExplicitLead: items.some((i) => i.role === 'lead'), leaders, deadline };
}

/**
 * Runs of comma-separated parts, each run closed by a verb (X牵头负责,Y等参与); a run with no verb
 * takes `role` (the label's), or makes the text prose when there is no label. False for prose.
 */
function verbRuns(out: NoteItem[], seg: string, offset: number, role: Role | null, fields: Fields): boolean {
  for (const part of splitWithOffsets(seg, /[;。]/g)) {
    let runStart = -1;
    for (const piece of splitWithOffsets(part.text, COMMA)) {
      // A deadline standing as a part of its own (…,6月底完成) / (…分别负责,年内持续推进).
      if (runStart < 0 && isDeadlinePiece(piece.text)) {
        fields.deadline ??= { text: piece.text.trim(), offset: offset + part.offset + piece.offset };
        continue;
      }
      if (runStart < 0) runStart = piece.offset;
      const trimmed = piece.text.trimEnd();
      const verb = NOTE_VERBS.find(([v]) => trimmed.endsWith(v));
      if (!verb) continue;
      const runEnd = piece.offset + trimmed.length - verb[0].length;
      const list = part.text.slice(runStart, runEnd);
      const at = offset + part.offset + runStart;
      // 由杨志武副市长负责: a person or post answers for the task; a leader, never a unit.
      const who = list.replace(/^(由|请)/, '');
      if (isPersonOrPost(who)) fields.leaders.push({ text: who, offset: at + list.length - who.length });
      else if (!pushList(out, list, at, verb[1], verb[0])) return false;
      runStart = -1;
    }
    if (runStart < 0) continue;
    const rest = part.text.slice(runStart);
    if (rest.split(',').every((p) => p.trim() === '' || RULE_SCOPE_WORDS.test(p.trim()))) continue;
    if (role === null) return false; // words that are neither units with a role nor the rule: prose
    // The label's list, a deadline after it as its last part (责任单位:A、B,6月底完成).
    const lastComma = rest.lastIndexOf(',');
    if (lastComma > 0 && isDeadlinePiece(rest.slice(lastComma + 1))) {
      fields.deadline ??= { text: rest.slice(lastComma + 1).trim(), offset: offset + part.offset + runStart + lastComma + 1 };
      pushList(out, rest.slice(0, lastComma), offset + part.offset + runStart, role);
    } else pushList(out, rest, offset + part.offset + runStart, role);
  }
  return true;
}

interface Fields { leaders: NoteField[]; deadline: NoteField | null }

/** A note part that is only a date or period (6月底完成, 年内持续推进, 2024年底前), no unit. */
function isDeadlinePiece(piece: string): boolean {
  const t = piece.trim();
  if (t.length < 3 || t.length > 20 || isUnitLike(t)) return false;
  return /\d|年|月|季度|长期|持续|常态/.test(t) && parseDeadline(t, 2000).kind !== 'unparsed';
}

/** A character a unit name can end in; a bracket with none is no list of units. */
const BARE_HEAD = /[局委办厅部署院所站心司团府会室处队馆行关社校区县市州央块门位构联]/;

/** Verbs that put one unit in sole charge (X负责); several under them are each in charge of their part (分别负责). */
const CHARGE_VERBS = new Set(['负责', '分别负责', '具体负责', '负责落实']);

/** Enough of the items are unit-shaped: all but one unknown name, and the first is a unit. */
function unitsEnough(items: NoteItem[]): boolean {
  if (items.length === 0) return true;
  const unknown = items.filter((i) => !isUnitLike(i.surface));
  if (unknown.length === 0) return true;
  return items.length >= 3 && unknown.length === 1 && isUnitLike(items[0]!.surface) && unknown.every((i) => NOUN_PHRASE.test(i.surface));
}
/** An unknown name kept among units: long enough to be no person (王强 is never kept). */
const NOUN_PHRASE = /^[\u4e00-\u9fff()]{4,12}$/;

/**
 * A bracket that is only a list of unit names, no label and no verb: (省发展改革委,省工业和信息化厅、
 * 省交通运输厅,大湾区内地各市). Every item must have a unit's shape (an organisation head, a place or
 * level prefix); where the bracket stands is checked by the caller. Items are responsible; the lead
 * comes from the document's rule or convention.
 */
function bareList(content: string, statesLeadRule: boolean): ParsedNote | null {
  // Most brackets ((一), (2021年), (试行)) hold no organisation head at all: rejected at once.
  if (content.length < 2 || content.length > 200 || !BARE_HEAD.test(content) || /[::]/.test(content)) return null;
  const items: NoteItem[] = [];
  for (const part of splitWithOffsets(content, /[;。,]/g)) {
    if (RULE_SCOPE_WORDS.test(part.text.trim()) || /^,*$/.test(part.text.trim())) continue;
    for (const p of splitUnitList(part.text)) {
      // A lead marked in place: ★市发改委, 市发改委(牵头).
      const before = LEAD_MARK_BEFORE.exec(p.text);
      const marker = LEAD_MARKER.exec(p.text);
      const at = before ? before[0].length : 0;
      const surface = p.text.slice(at, marker ? marker.index : undefined).replace(LIST_TAIL, '');
      if (RULE_SCOPE_WORDS.test(surface)) continue;
      if (!isUnitShaped(surface)) return null;
      const marked = before !== null || marker !== null;
      items.push({ surface, role: marked ? 'lead' : 'responsible', explicit: marked, offset: part.offset + p.offset + at, ...(marked ? { marked } : {}) });
    }
  }
  if (items.length === 0) return null;
  return { items, statesLeadRule, hasExplicitLead: items.some((i) => i.marked), leaders: [], deadline: null, bare: true };
}

/** Push the units of a list (split as splitUnitList does), each with `role` unless a mark makes it the lead. */
export function pushList(out: NoteItem[], body: string, offset: number, role: Role, verb?: string): boolean {
  // X会同Y: X leads, Y does what the verb says (市发改委会同有关部门负责).
  const jointly = body.indexOf('会同');
  if (jointly > 1 && role !== 'participant') {
    const leads = pushList(out, body.slice(0, jointly), offset, 'lead');
    const rest = pushList(out, body.slice(jointly + 2), offset + jointly + 2, role === 'lead' ? 'responsible' : role, verb);
    return leads || rest;
  }
  let pushed = 0;
  for (const p of splitUnitList(body)) {
    let surface = p.text;
    let at = p.offset;
    if (RULE_SCOPE_WORDS.test(surface)) continue;
    let itemRole = role;
    const before = LEAD_MARK_BEFORE.exec(surface);
    if (before) {
      surface = surface.slice(before[0].length);
      at += before[0].length;
    }
    const marker = LEAD_MARKER.exec(surface);
    if (marker) surface = surface.slice(0, marker.index);
    const marked = before !== null || marker !== null;
    if (marked) itemRole = 'lead';
    surface = surface.replace(LIST_TAIL, '');
    const lead = /^(由|请)/.exec(surface);
    if (lead) {
      surface = surface.slice(lead[0].length);
      at += lead[0].length;
    }
    // A name a line break (or a PDF's spacing) cut in two is one name: 人行合\n肥中心支行.
    const written = surface.length;
    if (/\s/.test(surface)) surface = surface.replace(/\s+/g, '');
    if (surface.length < 2) continue;
    out.push({
      surface, role: itemRole, explicit: true, offset: offset + at, ...(written !== surface.length ? { written } : {}),
      ...(marked ? { marked } : {}), ...(verb && CHARGE_VERBS.has(verb) && !marked ? { inCharge: true } : {}),
    });
    pushed++;
  }
  return pushed > 0;
}

/**
 * Split a list of unit names: at 、,; and 及 (never inside brackets: 各县(市、区)政府), and at
 * whitespace, 和 or 与 only where both sides are unit names (环保厅和内蒙古电力监管办, but not
 * 经济和信息化委 or a name a line break cut in two).
 */
export function splitUnitList(body: string): Array<{ text: string; offset: number }> {
  const out: Array<{ text: string; offset: number }> = [];
  const hasSpace = /\s/.test(body);
  let last = 0;
  // A collective is one name whatever its inner delimiters: 各县、市、区政府, 各县(市)及相关区政府, 各有关部门和单位.
  const whole = MAY_BE_COLLECTIVE.test(body) ? collectiveSpans(body) : null;
  // A line break that cut a name binds before any space does (文化站 派出所工商⏎质监所).
  const bound = hasSpace && body.includes('\n') ? boundBreaks(body) : null;
  const inside = (i: number) => (whole !== null && whole.some(([s, e]) => i > s && i < e)) || (bound !== null && bound.has(i));
  if (!body.includes('(')) {
    // No brackets: the delimiters can be found in one pass of the pattern.
    for (const m of body.matchAll(LIST_DELIMITER_GLOBAL)) {
      if (inside(m.index!)) continue;
      pushPiece(out, body, last, m.index!, hasSpace);
      last = m.index! + m[0].length;
    }
  } else {
    let depth = 0;
    for (let i = 0; i < body.length; i++) {
      const c = body.charCodeAt(i);
      if (c === 0x28) depth++;
      else if (c === 0x29) depth = Math.max(0, depth - 1);
      else if (depth === 0 && !inside(i)) {
        const len = delimiterAt(body, i);
        if (len > 0) {
          pushPiece(out, body, last, i, hasSpace);
          last = i + len;
          i += len - 1;
        }
      }
    }
  }
  pushPiece(out, body, last, body.length, hasSpace);
  const split = body.includes('和') || body.includes('与') ? out.flatMap(splitConjunction) : out;
  return hasSpace && out.length > 1 ? split.flatMap(splitSiblings) : split;
}

/** Where a whitespace run holding a line break cut a name: the piece before or after it is no name alone. */
function boundBreaks(body: string): Set<number> {
  const out = new Set<number>();
  for (const m of body.matchAll(/[ \t\u3000]*\n\s*/g)) {
    const i = m.index!;
    const j = i + m[0].length;
    const before = body.slice(0, i);
    const left = before.slice(Math.max(before.search(/[^、,;\s]*$/), 0));
    const right = /^[^、,;\s]*/.exec(body.slice(j))![0];
    if (left === '' || right === '') continue;
    if (!isUnitLike(bareName(left)) || !isUnitLike(bareName(right))) out.add(i);
  }
  return out;
}

/**
 * In a list whose names are separated by spaces, one separator lost runs two sibling names
 * together: 派出所工商质监所 = 派出所 + 工商质监所. Split where both halves are names of at least
 * three characters ending in the same organisation head (市公安局交警支队 or 区教育局办公室 stay whole).
 */
function splitSiblings(p: { text: string; offset: number }): Array<{ text: string; offset: number }> {
  if (/\s/.test(p.text)) {
    // A name a line break cut: judged without the break, cut where the break is not.
    const at: number[] = [];
    let t = '';
    [...p.text].forEach((c, i) => {
      if (!/\s/.test(c)) {
        at.push(i);
        t += c;
      }
    });
    const parts = splitSiblings({ text: t, offset: 0 });
    if (parts.length < 2) return [p];
    const cut = at[parts[1]!.offset]!;
    return [{ text: p.text.slice(0, cut).trimEnd(), offset: p.offset }, { text: p.text.slice(cut), offset: p.offset + cut }];
  }
  const t = p.text;
  // A name with a bracket (各县(市、区)政府(管委会)) or a collective (各单位庭园…所属单位) is not two siblings.
  if (t.length < 6 || isUnitLike(t) === false || t.includes('(') || /^(各|有关|相关)/.test(t)) return [p];
  const head = t[t.length - 1]!;
  for (let cut = 3; cut <= t.length - 3; cut++) {
    if (t[cut - 1] !== head) continue;
    const left = t.slice(0, cut);
    const right = t.slice(cut);
    if (isUnitLike(left) && isUnitLike(right) && !/^(办公室|委员会|中心|支队|大队|分局|分所)/.test(right)) {
      return [{ text: left, offset: p.offset }, { text: right, offset: p.offset + cut }];
    }
  }
  return [p];
}

/** Add body[from, to) to the list; a piece that is no unit on its own after a whitespace cut joins its neighbour (市发展 改革委). */
function pushPiece(out: Array<{ text: string; offset: number }>, body: string, from: number, to: number, hasSpace: boolean): void {
  const raw = body.slice(from, to);
  const text = hasSpace ? raw.trim() : raw;
  if (text === '') return;
  const offset = hasSpace ? from + raw.indexOf(text) : from;
  const prev = out[out.length - 1];
  const gap = prev ? body.slice(prev.offset + prev.text.length, offset) : '';
  if (hasSpace && prev && /^\s+$/.test(gap)
    && (!named(prev.text) || (!named(text) && !opensName(prev.text, text)) || wrappedName(body, gap, prev.text, text))) {
    prev.text = body.slice(prev.offset, offset + text.length);
    return;
  }
  out.push({ text, offset });
}

/**
 * A line break in a list whose names are set apart by 、 , or ; separates nothing: it cut a name
 * (★区科⏎技局、统计局), even where both halves end in an organisation head.
 */
function wrappedName(body: string, gap: string, left: string, right: string): boolean {
  const joined = bareName((left + right).replace(/\s+/g, ''));
  // 各相关 or 有关 alone names no one: the rest of the collective follows (县教体局 各相关⏎乡镇政府).
  if (OPEN_COLLECTIVE.test(bareName(left)) && isUnitLike(joined)) return true;
  return gap.includes('\n') && /[、,;，；]/.test(body) && isUnitLike(joined);
}
const OPEN_COLLECTIVE = /(各|有关|相关)$/;

/**
 * After a complete name and a space, a piece that opens with a level or a place (全区经济运行各专班,
 * 各直属机构) is a name of its own, even with a head the unit shape does not know; a piece that does
 * not (改革委) is the rest of the name before.
 */
function opensName(prev: string, text: string): boolean {
  const name = bareName(prev.replace(/\s+/g, ''));
  return text.length >= 4 && /^(全区|全市|全县|全镇|省|市|县|区|各|有关|相关)/.test(text) && name.length >= 3 && isUnitLike(name);
}

/** A list piece judged by its shape, a line break inside it dropped. */
const named = (piece: string) => isUnitLike(bareName(piece.replace(/\s+/g, '')));

/** A list item without its lead mark (★市发改委, 市发改委(牵头)) and list tail (等): the name to judge by its shape. */
const bareName = (item: string) => item.replace(LEAD_MARK_BEFORE, '').replace(LEAD_MARKER, '').replace(LIST_TAIL, '');
const MAY_BE_COLLECTIVE = /各|有关|相关/;
/** [start, end) of every collective written with inner delimiters (COLLECTIVE_SPAN). */
function collectiveSpans(body: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of body.matchAll(COLLECTIVE_SPAN)) if (/[、及和,]/.test(m[0])) out.push([m.index!, m.index! + m[0].length]);
  return out;
}

const LIST_DELIMITER_STICKY = new RegExp(LIST_DELIMITER.source, 'y');
const LIST_DELIMITER_GLOBAL = new RegExp(LIST_DELIMITER.source, 'g');
/** Most characters are no delimiter's start: test the pattern only at those that can be. */
const DELIMITER_START = new Set([...'、,;及和 \t\n\u3000']);

/** Length of the list delimiter at `i` (LIST_DELIMITER), or 0. */
function delimiterAt(body: string, i: number): number {
  if (!DELIMITER_START.has(body[i]!)) return 0;
  LIST_DELIMITER_STICKY.lastIndex = i;
  return LIST_DELIMITER_STICKY.exec(body)?.[0].length ?? 0;
}

/** 环保厅和内蒙古电力监管办 → two units; 经济和信息化委 stays one (经济 is no unit). */
function splitConjunction(p: { text: string; offset: number }): Array<{ text: string; offset: number }> {
  if (!p.text.includes('和') && !p.text.includes('与')) return [p];
  for (const m of p.text.matchAll(/[和与]/g)) {
    const left = p.text.slice(0, m.index);
    const right = p.text.slice(m.index! + 1);
    // 各有关部门和单位: a bare 单位 or 部门 after 和 completes the collective, it is no unit of its own.
    if (isUnitLike(left.replace(LIST_TAIL, '')) && isUnitLike(right.replace(LIST_TAIL, '')) && !/^[\u4e00-\u9fff]{0,3}(委员会|委|局|厅)$/.test(right) && !/^(部门|单位|机构)$/.test(right)) {
      return [{ text: left, offset: p.offset }, ...splitConjunction({ text: right, offset: p.offset + m.index! + 1 })];
    }
  }
  return [p];
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

const STANDING = /(?:(?:以下|后续|下列|具体)(?:各项)?(?:工作|任务)?|(?:各项)?(?:工作|任务))(?:均|都|皆)(?:需|须|涉及|由)(.{2,40}?)(?:负责)?(?:落实|负责|参与|实施)?[,,]\s*不再(?:一一)?(?:列出|做分工|分工|重复|单列)(?:[,,]?(?:下同|以下同))?/;
const PROSE_VERB = /牵头|负责|配合|参与|协办|主办|会同|共同/;
/** 由X、Y分别与Z共同编制…: X and Y lead, each with Z (responsible). */
const EACH_WITH = /^(由)?([\u4e00-\u9fff、]{2,30}?)分别(?:与|和|会同)([\u4e00-\u9fff、]{2,24}?)共同/;
/** A sentence opening X会同Y…, Y a collective or a unit: (由)市发改委会同有关部门制定… */
const JOINTLY = /^(由)?([\u4e00-\u9fff]{2,16}?)会同((?:各|有关|相关|市直|县直|区直)[\u4e00-\u9fff]{0,6}?(?:部门|单位)|[\u4e00-\u9fff]{2,14}?(?:局|委|办|厅|部|署))/;
const NUMBERING_START = new RegExp(`^(?:${NUMBERING.source})`);
const SENTENCE_START = /(?:^|[。;])(?:\d{1,3}[.、])?/g;

/**
 * Responsibility clauses written as the opening of a sentence: comma-separated parts, each a list
 * of units (or a person or post) closed by a verb, up to the first part that is not
 * (由杨志武副市长负责,市发改委牵头,相关部门配合,尽快完成… → leader 杨志武副市长; lead 市发改委;
 * participant 相关部门). `at`: the line's offset in the text.
 */
function proseClauses(line: string, at: number): FoundNote[] {
  const out: FoundNote[] = [];
  for (const m of line.matchAll(SENTENCE_START)) {
    const from = m.index! + m[0].length;
    const sentenceEnd = line.slice(from).search(/[。;]/);
    const sentence = line.slice(from, sentenceEnd < 0 ? line.length : from + sentenceEnd);
    // A bracket is read as a note or not at all, never as a sentence.
    if (!PROSE_VERB.test(sentence) || /^[(〔[【]/.test(sentence)) continue;
    // The first part must close with a verb, or the sentence must be written X会同Y / X分别与Y共同.
    const comma = sentence.indexOf(',');
    const firstPiece = comma < 0 ? sentence : sentence.slice(0, comma);
    const joint = sentence.includes('会同') || sentence.includes('共同');
    if (!joint && !NOTE_VERBS.some(([v]) => firstPiece.endsWith(v))) continue;
    let end = 0;
    let units = 0;
    for (const piece of sentence.split(',')) {
      const verb = NOTE_VERBS.find(([v]) => piece.endsWith(v));
      if (!verb) break;
      const list = piece.slice(0, piece.length - verb[0].length).replace(/^(由|请)/, '');
      if (list === '') break;
      if (isPersonOrPost(list)) {
        end += piece.length + 1;
        continue;
      }
      const parts = splitUnitList(list).map((p) => p.text.replace(/\s+/g, '').replace(LIST_TAIL, ''));
      if (parts.length === 0 || !parts.every((p) => isUnitLike(p))) break;
      units++;
      end += piece.length + 1;
    }
    if (units === 0) {
      // 市发改委会同有关部门制定方案: the unit before 会同 leads, the units after it are responsible.
      const j = joint ? JOINTLY.exec(sentence) ?? EACH_WITH.exec(sentence) : null;
      if (!j || !splitUnitList(j[2]!).every((p) => isUnitLike(p.text)) || !splitUnitList(j[3]!).every((p) => isUnitLike(p.text))) continue;
      const items: NoteItem[] = [];
      const start = at + from;
      const lead = j[0].indexOf(j[2]!);
      pushList(items, j[2]!, start + lead, 'lead');
      pushList(items, j[3]!, start + j[0].indexOf(j[3]!, lead + j[2]!.length), 'responsible');
      if (items.length < 2) continue;
      out.push({ items, statesLeadRule: false, hasExplicitLead: true, leaders: [], deadline: null, start, end: start + j[0].length, quote: j[0] });
      continue;
    }
    const clause = sentence.slice(0, Math.min(end, sentence.length)).replace(/,$/, '');
    const parsed = parseNoteContent(clause);
    if (!parsed || parsed.items.length === 0) continue;
    const start = at + from;
    for (const f of [...parsed.items, ...parsed.leaders, ...(parsed.deadline ? [parsed.deadline] : [])]) f.offset += start;
    out.push({ ...parsed, start, end: start + clause.length, quote: clause });
  }
  return out;
}

/** The last character of an organisation's name: a bracket after it is the name's alias, not a note. */
const ORG_HEAD_END = /[局委办厅部署院所站心司团府会室处队馆行关社校区县市州]/;

/** A bracket right after a sentence's end (or a line's start) and before a line's end or 。: …动能。(A,B、C) */
function closesSentence(text: string, s: number, e: number): boolean {
  let j = e;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
  const lineEnd = j >= text.length || text[j] === '\n';
  if (!lineEnd && !/[。;]/.test(text[j]!)) return false;
  let i = s - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i < 0 || /[。;!?\n]/.test(text[i]!)) return true;
  // Before the sentence's 。: …加快建设(市发改委、市财政局)。 — but not a name's alias (…报送省发改委(省能源局)。).
  if (!lineEnd && text[j] === '。' && /[\u4e00-\u9fff]/.test(text[i]!) && !ORG_HEAD_END.test(text[i]!)) return true;
  // Or it ends a numbered heading line: (一)推进园区建设(市发改委、市商务局)
  if (!lineEnd) return false;
  const lineStart = text.lastIndexOf('\n', s) + 1;
  return NUMBERING_START.test(text.slice(lineStart, s).trimStart()) && !/[。;,]/.test(text.slice(lineStart, s));
}

/**
 * Find every responsibility note in `text`: bracketed notes anywhere (outermost first, nested
 * brackets allowed) and notes written on a line of their own (责任单位:…). Linear time: brackets
 * are paired in one pass with a stack per kind that is cleared at each line end. A note may stand
 * in (…) (full-width folded to it), 〔…〕 or 【…】; a pair of 〔〕 or 【】 that is no note (〔2019〕,
 * the label 【牵头单位】) is not taken.
 */
/** `lines`: the text's logical lines, when the caller has them already. */
export function findNotes(text: string, lines: Iterable<Line> = logicalLines(text)): FoundNote[] {
  const pairs: Array<[number, number]> = [];
  const stack: number[] = [];
  // A note may run over a line break or two (a PDF's line ends); an opener older than that is dropped.
  const lineStarts: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Most characters are no bracket and no line end: one comparison each.
    if (code !== 0x0a && code !== 0x28 && code !== 0x29 && code !== 0x5b && code !== 0x5d && (code < 0x3010 || code > 0x3015)) continue;
    const c = text[i]!;
    if (OPENERS.has(c)) {
      if (stack.length < 64) stack.push(i);
    } else if (CLOSER_OF.has(c)) {
      // Pop to the nearest opener of this kind: a stray bracket of another kind inside is skipped.
      const want = CLOSER_OF.get(c)!;
      let k = stack.length - 1;
      while (k >= 0 && text[stack[k]!] !== want) k--;
      if (k < 0) continue;
      const open = stack[k]!;
      stack.length = k;
      if (i - open <= MAX_NOTE_LENGTH + 1) pairs.push([open, i + 1]);
    } else if (c === '\n') {
      lineStarts.push(i + 1);
      const keepFrom = lineStarts[Math.max(0, lineStarts.length - 3)]!;
      let drop = 0;
      while (drop < stack.length && stack[drop]! < keepFrom) drop++;
      if (drop > 0) stack.splice(0, drop);
    }
  }
  pairs.sort((a, b) => a[0] - b[0] || b[1] - a[1]);

  const notes: FoundNote[] = [];
  let coveredUntil = -1;
  for (const [s, e] of pairs) {
    if (s < coveredUntil) continue; // inside a note already taken, e.g. the (牵头) marker
    const parsed = parseNoteContent(text.slice(s + 1, e - 1));
    if (!parsed || (parsed.bare && !closesSentence(text, s, e))) continue;
    for (const f of [...parsed.items, ...parsed.leaders, ...(parsed.deadline ? [parsed.deadline] : [])]) f.offset += 1;
    notes.push({ ...parsed, start: s, end: e, quote: text.slice(s, e), bracketed: true });
    coveredUntil = e;
  }

  // Notes on their own lines; consecutive label lines (牵头单位:… / 责任单位:…) form one note.
  let pending: FoundNote | null = null;
  /** The last label line of the pending note: where it starts, and how many items the note had before it. */
  let last: { start: number; text: string; itemsBefore: number } | null = null;
  const bracketNotes = notes.slice();
  const allLines = [...lines];
  let b = 0;
  for (const { start: lineStart, end: lineEnd, at: start, text: line } of allLines) {
    while (b < bracketNotes.length && bracketNotes[b]!.end <= lineStart) b++;
    // A line inside or holding a bracketed note is not a note line of its own.
    const parsed = startsWithLabel(line) && !(b < bracketNotes.length && bracketNotes[b]!.start < lineEnd)
      ? parseNoteContent(line.replace(/[。.]$/, ''))
      : null;
    // A label line cut by a line break inside a name (协同责任单位:…、人行合 / 肥中心支行等。): its list goes on.
    if (!parsed && pending && last && line !== '' && line.length <= 40 && !/[。;.]$/.test(last.text) && !startsWithLabel(line)
      && !NUMBERING_START.test(line) && !/[。;]/.test(line.slice(0, -1))) {
      const joined = text.slice(last.start, start + line.length);
      const again = parseNoteContent(joined.replace(/[。.]$/, ''));
      if (again && again.items.length > 0 && again.items.every((i) => isUnitLike(i.surface))) {
        for (const f of [...again.items, ...again.leaders, ...(again.deadline ? [again.deadline] : [])]) f.offset += last.start;
        pending.items.splice(last.itemsBefore, pending.items.length - last.itemsBefore, ...again.items);
        pending.deadline ??= again.deadline;
        pending.end = start + line.length;
        pending.quote = text.slice(pending.start, pending.end);
        last = { start: last.start, text: joined, itemsBefore: last.itemsBefore };
        continue;
      }
    }
    if (parsed) {
      for (const f of [...parsed.items, ...parsed.leaders, ...(parsed.deadline ? [parsed.deadline] : [])]) f.offset += start;
      last = { start, text: line, itemsBefore: pending ? pending.items.length : 0 };
      if (pending) {
        pending.items.push(...parsed.items);
        pending.leaders.push(...parsed.leaders);
        pending.deadline ??= parsed.deadline;
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
      last = null;
    }
  }
  if (pending) notes.push(pending);

  // Clauses in prose: a sentence that opens with who does it (由X副市长负责,市发改委牵头,相关部门配合,尽快…).
  if (PROSE_VERB.test(text)) {
    const taken = notes.slice().sort((a, b) => a.start - b.start);
    // Clauses read here, one per place (a wrapped line's clause is not read again from the next line).
    const read: FoundNote[] = [];
    allLines.forEach(({ at, text: line }, i) => {
      // A line the page edge cut mid-sentence (由杨志武副市长负责,市发⏎改委牵头,…) is read on into the next.
      const next = allLines[i + 1];
      const wrapped = next && next.text !== '' && !/[。;:!?)]$/.test(line) && !NUMBERING_START.test(next.text) && !startsWithLabel(next.text);
      const sentence = wrapped ? text.slice(at, next.at + next.text.length) : line;
      if (!PROSE_VERB.test(sentence)) return;
      for (const c of proseClauses(sentence, at)) {
        if (wrapped && c.start >= at + line.length) continue; // the next line reads its own
        if (!taken.some((n) => n.start < c.end && c.start < n.end) && !read.some((n) => n.start < c.end && c.start < n.end)) {
          notes.push(c);
          read.push(c);
        }
      }
    });
  }

  // Line-note offsets were made absolute; bracket-note offsets are relative to the note.
  for (const n of notes) {
    if (n.bracketed) for (const f of [...n.items, ...n.leaders, ...(n.deadline ? [n.deadline] : [])]) f.offset += n.start;
  }
  notes.sort((a, b) => a.start - b.start);
  // Units a standing clause names join every later note that names units.
  let standing: NoteItem[] = [];
  for (const n of notes) {
    const own = n.items.filter((i) => i.standing);
    if (own.length > 0) standing = own;
    else if (standing.length > 0 && n.items.length > 0) n.items.push(...standing.map((i) => ({ ...i, role: 'responsible' as const })));
  }
  return notes;
}

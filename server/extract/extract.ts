import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import type {
  ExtractedAssignment, ExtractedDocument, ExtractedRegion, ExtractedTask, ExtractResult, ExtractWarning,
} from './contract';
import { InputError, textSource } from './decode';
import type { DocumentSource } from './document-model';
import { findFigures } from './figures';
import { gazetteer, type Gazetteer, type Region } from './gazetteer';
import { readMeta } from './metadata';
import { normalise } from './normalise';
import type { Role } from './note-patterns';
import { findNotes, type FoundNote } from './notes';
import { ancestor, outline, refOf, walk, type Block } from './structure';
import { toRaw, type TextMap } from './text-map';
import { UnitRegistry } from './units';

export interface ExtractInput {
  file: string;
  /** The file as received (hashed for the document's sha256; decoded as text when no source is given). */
  bytes: Uint8Array;
  /** The document model a reader made of the file (server/ingest); plain text when absent. */
  source?: DocumentSource;
}

export interface ExtractOptions {
  /** Called after each file, read or not. */
  onFile?: (file: string, ok: boolean) => void;
}

/** Stands for an unknown issuing jurisdiction so units still get a scope. */
const UNKNOWN_JURISDICTION: Region = { id: '000000', name: '未知辖区', level: 'province', within: null, partOf: [] };

const ROLE_STRENGTH: Record<Role, number> = { lead: 3, responsible: 2, participant: 1 };

/**
 * Extract every input into one result. Files that cannot be read become warnings (with the
 * reason) and the rest still go through. Unit identities are shared across the documents.
 */
/**
 * Besides the contract: `failed` (files skipped) and `texts` (each document's decoded raw text,
 * which the offsets index; kept out of the JSON, stored for highlighting).
 */
export function extract(inputs: ExtractInput[], options: ExtractOptions = {}): ExtractResult & { failed: string[]; texts: Record<string, string> } {
  const gaz = gazetteer();
  const units = new UnitRegistry(gaz);
  const documents: ExtractedDocument[] = [];
  const warnings: ExtractWarning[] = [];
  const failed: string[] = [];
  const texts: Record<string, string> = {};
  for (const input of inputs) {
    try {
      const doc = extractDocument(input, gaz, units, warnings, texts);
      documents.push(doc);
      options.onFile?.(input.file, true);
    } catch (err) {
      // A bug on one odd document must not lose the others: report it like a bad file.
      const reason = err instanceof InputError ? err.message : `extraction failed: ${(err as Error).message}`;
      warnings.push({ file: input.file, message: `${reason}; skipped` });
      failed.push(input.file);
      options.onFile?.(input.file, false);
    }
  }
  const unitList = units.all();
  return { documents, units: unitList, regions: collectRegions(gaz, documents, unitList), warnings, failed, texts };
}

export function documentId(file: string): string {
  return basename(file, extname(file));
}

function extractDocument(
  input: ExtractInput, gaz: Gazetteer, units: UnitRegistry, warnings: ExtractWarning[], texts: Record<string, string>,
): ExtractedDocument {
  const { file } = input;
  const source = input.source ?? textSource(input.bytes);
  const { text: raw, encoding } = source;
  for (const message of source.warnings) warnings.push({ file, message });
  texts[documentId(file)] = raw;
  const norm = normalise(raw);
  for (const w of norm.warnings) warnings.push({ file, ...w });
  const tm = norm.tm;
  const text = tm.text;

  const notes = findNotes(text);
  const meta = readMeta(text, gaz, notes.length > 0);
  if (!meta.jurisdiction) warnings.push({ file, message: 'could not tell which government issued this document; units are scoped to 未知辖区' });
  const jurisdiction = (meta.jurisdiction && gaz.get(meta.jurisdiction.code)) || UNKNOWN_JURISDICTION;
  const leadRule = notes.some((n) => n.statesLeadRule)
    ? 'first-listed'
    : notes.some((n) => n.hasExplicitLead)
      ? 'explicit'
      : notes.length > 0 ? 'first-listed-by-convention' : 'none';

  const id = documentId(file);
  const root = outline(text, { report: meta.kind === 'report' });
  const scanner = gaz.scannerFor(jurisdiction === UNKNOWN_JURISDICTION ? null : jurisdiction.id);
  const tasks: ExtractedTask[] = [];
  const usedNotes = new Set<FoundNote>();
  const refs = new Map<string, number>();

  const notesIn = notesWithin(notes);
  for (const block of taskBlocks(root, text, notesIn)) {
    let ref = block.ref;
    // Numbering that repeats (two items "3." in one section) still needs unique ids.
    const seen = refs.get(ref) ?? 0;
    refs.set(ref, seen + 1);
    if (seen > 0) {
      warnings.push({ file, message: `numbering ${ref} appears more than once; the later one is ${ref}#${seen + 1}`, start: tm.map[block.block.start]! });
      ref = `${ref}#${seen + 1}`;
    }
    const b = block.block;
    const own = notesIn(b.bodyStart, b.ownEnd);
    own.forEach((n) => usedNotes.add(n));
    const [start, end] = toRaw(tm, b.start, trimEnd(text, b.start, b.ownEnd));
    const body = text.slice(b.bodyStart, b.ownEnd).trim();

    const clauses: ExtractedTask['clauses'] = [];
    const assignments: ExtractedAssignment[] = [];
    // With several clauses, the heading sentence (构建综合交通运输体系。) belongs to none of them.
    const headingEnd = text.indexOf('。', b.bodyStart);
    let clauseStart = own.length > 1 && headingEnd >= 0 && headingEnd < own[0]!.start ? headingEnd + 1 : b.bodyStart;
    own.forEach((note, i) => {
      const cs = skipLeading(text, clauseStart, note.start);
      const [rs, re] = toRaw(tm, note.start, note.end);
      const [ccs, cce] = toRaw(tm, cs, note.end);
      clauses.push({ n: i + 1, text: text.slice(cs, note.end), quote: note.quote, start: ccs, end: cce });
      assignments.push(...assign(note, i + 1, leadRule, jurisdiction, units, tm, rs, re, file, warnings));
      clauseStart = note.end;
    });

    const noteFree = maskNotes(text, b.bodyStart, b.ownEnd, own);
    const regionIds = new Set<string>();
    for (const m of scanner.scan(noteFree)) for (const rid of m.ids) regionIds.add(rid);

    tasks.push({
      id: `${id}:${ref}`,
      ref,
      title: taskTitle(text, b, own[0]?.start ?? b.ownEnd),
      section: block.section,
      part: block.part,
      text: body,
      start,
      end,
      clauses,
      items: subItems(text, b.bodyStart, b.ownEnd, tm),
      assignments: dedupe(assignments),
      regions: [...regionIds].map((rid) => gaz.get(rid)!).map((r) => ({ id: r.id, name: r.name, level: r.level })),
      leaders: [],
    });
  }

  for (const n of notes) {
    if (!usedNotes.has(n)) warnings.push({ file, message: `responsibility note ${n.quote.slice(0, 40)} is outside any task; ignored`, start: tm.map[n.start]! });
  }
  if (tasks.length === 0) {
    warnings.push({
      file,
      message: meta.kind === 'report'
        ? 'no recommendations found in this report'
        : 'no tasks found: no numbered items or sections carry a responsibility note (牵头单位/责任单位/…牵头负责)',
    });
  }

  return {
    id,
    file: basename(file),
    title: meta.title,
    titleInferred: meta.titleInferred,
    kind: meta.kind,
    issuer: meta.issuer,
    docNumber: meta.docNumber,
    date: meta.date,
    sha256: createHash('sha256').update(input.bytes).digest('hex'),
    encoding,
    format: source.format,
    script: norm.convertedChars > Math.max(20, text.length * 0.02) ? 'traditional' : 'simplified',
    jurisdiction: meta.jurisdiction,
    leadRule,
    tasks,
    figures: meta.kind === 'report'
      ? findFigures(text).map((f) => {
        const [start, end] = toRaw(tm, f.start, f.end);
        return { ...f, start, end };
      })
      : [],
  };
}

interface TaskBlock { block: Block; ref: string; section: string; part: string }

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

/**
 * Which blocks are tasks: a numbered item with a note (or whose sibling items have notes); a
 * section or part whose own text carries a note (002's (五), 000's 保障措施 items); in a report,
 * the recommendations (paragraphs of an 对策/建议 part that open with its keyword or list 一是…).
 */
function taskBlocks(root: Block, text: string, notesIn: NotesIn): TaskBlock[] {
  const hasNote = (b: Block) => notesIn(b.bodyStart, b.ownEnd).length > 0;
  const siblingsHaveNotes = new Map<Block, boolean>();
  const out: TaskBlock[] = [];
  for (const b of walk(root)) {
    if (b.type === 'preamble') continue;
    const part = ancestor(b, 'part');
    const section = b.type === 'item' ? ancestor(b, 'section') ?? part : b.type === 'section' ? part : b.parent;
    const names = { section: section ? titleOf(section.heading) : '', part: part ? titleOf(part.heading) : '' };
    if (b.type === 'item') {
      const parent = b.parent!;
      if (!siblingsHaveNotes.has(parent)) siblingsHaveNotes.set(parent, parent.children.some((s) => s.type === 'item' && hasNote(s)));
      if (siblingsHaveNotes.get(parent)) out.push({ block: b, ref: refOf(b), ...names });
    } else if (b.type === 'section' || b.type === 'part') {
      if (hasNote(b)) out.push({ block: b, ref: refOf(b), ...names });
    }
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

function assign(
  note: FoundNote, clause: number, leadRule: ExtractedDocument['leadRule'], jurisdiction: Region,
  units: UnitRegistry, tm: TextMap, start: number, end: number, file: string, warnings: ExtractWarning[],
): ExtractedAssignment[] {
  const out: ExtractedAssignment[] = [];
  // Under the first-listed rule, a note with no lead of its own is led by its first unit.
  const byPosition = !note.hasExplicitLead && (leadRule === 'first-listed' || leadRule === 'first-listed-by-convention');
  note.items.forEach((item, index) => {
    const { resolved, split } = units.resolve(item.surface, jurisdiction);
    if (split) {
      warnings.push({
        file,
        message: `«${item.surface}» joins two units without a delimiter; read as ${resolved.map((r) => r.surface).join(' + ')}`,
        start: tm.map[item.offset]!,
      });
    }
    resolved.forEach((r, k) => {
      const first = index === 0 && k === 0;
      const role: Role = byPosition && first && item.role === 'responsible' ? 'lead' : item.role;
      const [surfaceStart, surfaceEnd] = toRaw(tm, item.offset + r.offset, item.offset + r.offset + r.surface.length);
      out.push({
        unitId: r.unit.id, surface: r.surface, role,
        inferred: byPosition && first && leadRule === 'first-listed-by-convention' && role === 'lead',
        clause, quote: note.quote, start, end, surfaceStart, surfaceEnd,
      });
    });
  });
  return out;
}

/** One assignment per unit and clause, keeping the strongest role (a unit listed twice). */
function dedupe(list: ExtractedAssignment[]): ExtractedAssignment[] {
  const best = new Map<string, ExtractedAssignment>();
  for (const a of list) {
    const key = `${a.clause}|${a.unitId}`;
    const prev = best.get(key);
    if (!prev || ROLE_STRENGTH[a.role as Role] > ROLE_STRENGTH[prev.role as Role]) best.set(key, a);
  }
  return list.filter((a) => best.get(`${a.clause}|${a.unitId}`) === a);
}

/**
 * A task's title: its heading phrase, or, when the heading is a bare title line (no 。) over a
 * paragraph of its own that carries the note, that paragraph's first sentence.
 */
function taskTitle(text: string, b: Block, noteStart: number): string {
  const headingEnd = b.bodyStart + b.heading.length;
  if (b.type === 'section' && !/[。;]/.test(b.heading)) {
    const para = text.slice(headingEnd, noteStart).trim();
    if (para.length > 8 && /[。;,]/.test(para)) return titleOf(para);
  }
  return titleOf(b.heading);
}

/** The heading phrase up to the first 。 (or the first bracket), as the task's title. */
export function titleOf(heading: string): string {
  let t = heading.split(/[。!?]/)[0] ?? '';
  const bracket = t.indexOf('(');
  if (bracket > 0 && t.length > 30) t = t.slice(0, bracket);
  return t.replace(/[:;,、\s]+$/, '').trim().slice(0, 80);
}

const ORDINALS = '一二三四五六七八九十';

/** 一是…二是… inside a task, when they run in order from 一是. */
function subItems(text: string, from: number, to: number, tm: TextMap): ExtractedTask['items'] {
  const body = text.slice(from, to);
  const marks: Array<{ ordinal: string; at: number }> = [];
  for (const m of body.matchAll(/(?<=^|[。;:!?\s])(十[一二三四五六七八九]?|[一二三四五六七八九])是/g)) {
    const expected = ORDINALS[marks.length] ?? '';
    if (m[1] === expected || (marks.length >= 10 && m[1]!.startsWith('十'))) marks.push({ ordinal: `${m[1]}是`, at: m.index! });
  }
  return marks.map((mk, i) => {
    const s = from + mk.at;
    const e = trimEnd(text, s, i + 1 < marks.length ? from + marks[i + 1]!.at : to);
    const [start, end] = toRaw(tm, s, e);
    // An item's heading phrase ends at its first comma as well: 二是切实增强规划引领调控作用,市级层面…
    return { ordinal: mk.ordinal, title: titleOf(text.slice(s + mk.ordinal.length, e).split(/[,;]/)[0]!), start, end };
  });
}

function skipLeading(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && /[\s。;,)]/.test(text[i]!)) i++;
  return i;
}

function trimEnd(text: string, from: number, to: number): number {
  let e = to;
  while (e > from && /\s/.test(text[e - 1]!)) e--;
  return e;
}

/** The block's text with its notes blanked, so unit names in notes are not read as places. */
function maskNotes(text: string, from: number, to: number, own: FoundNote[]): string {
  let out = '';
  let at = from;
  for (const n of own) {
    out += text.slice(at, n.start) + ' '.repeat(n.end - n.start);
    at = n.end;
  }
  return out + text.slice(at, to);
}

/** Every region a task mentions or a document or unit is tied to, with all of its ancestors. */
function collectRegions(gaz: Gazetteer, documents: ExtractedDocument[], units: ReturnType<UnitRegistry['all']>): ExtractedRegion[] {
  const ids = new Set<string>();
  const add = (rid: string | undefined | null) => {
    for (let cur = rid; cur && !ids.has(cur); cur = gaz.get(cur)?.within) {
      const r = gaz.get(cur);
      if (!r) break;
      ids.add(cur);
      r.partOf.forEach(add);
    }
  };
  for (const d of documents) {
    add(d.jurisdiction?.code);
    for (const t of d.tasks) t.regions.forEach((r) => add(r.id));
  }
  for (const u of units) {
    add(u.region);
    add(u.jurisdiction.code);
  }
  // Units of a document whose government is unknown still hang from a region (the store finds
  // units through their jurisdiction), so 未知辖区 is listed when it is used.
  if (units.some((u) => u.jurisdiction.code === UNKNOWN_JURISDICTION.id)) ids.add(UNKNOWN_JURISDICTION.id);
  return [...ids].sort().map((rid) => {
    const r = rid === UNKNOWN_JURISDICTION.id ? UNKNOWN_JURISDICTION : gaz.get(rid)!;
    return { id: r.id, name: r.name, level: r.level, within: r.within, partOf: [...r.partOf] };
  });
}

import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import type {
  ExtractedAssignment, ExtractedDeadline, ExtractedDocument, ExtractedRegion, ExtractedTask, ExtractResult, ExtractWarning,
} from './contract';
import { latestCompletion, parseDeadline } from './deadline';
import { InputError, textSource } from './decode';
import type { DocumentSource, SourceTable } from './document-model';
import { findFigures } from './figures';
import { gazetteer, type Gazetteer, type Region } from './gazetteer';
import { readMeta } from './metadata';
import { normalise } from './normalise';
import { LEAD_RULE_PHRASES, type Role } from './note-patterns';
import { readLeaders, type FoundLeader } from './leaders';
import { logicalLines } from './lines';
import { findNotes, type FoundNote } from './notes';
import { proseTasks } from './prose-tasks';
import { outline } from './structure';
import { tableTasks } from './table-tasks';
import { findTextTables, readSourceTable, type Table } from './tables';
import { blank, type TaskDraft } from './task-draft';
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
  // normalise → document model → structure → notes/tables → units → regions
  const source = input.source ?? textSource(input.bytes);
  const { text: raw, encoding } = source;
  for (const message of source.warnings) warnings.push({ file, message });
  texts[documentId(file)] = raw;
  const norm = normalise(raw);
  for (const w of norm.warnings) warnings.push({ file, ...w });
  const tm = norm.tm;
  const text = tm.text;

  const tables = tablesOf(text, tm, source.tables);
  // The prose is read with the tables blanked out, so a cell is never read as a heading or a note.
  const prose = blank(text, 0, text.length, tables);
  const logical = [...logicalLines(prose)];
  const notes = findNotes(prose, logical);
  const tableDrafts = tableTasks(text, tables);
  const meta = readMeta(text, gaz, notes.length > 0 || tableDrafts.length > 0);
  if (!meta.jurisdiction) warnings.push({ file, message: 'could not tell which government issued this document; units are scoped to 未知辖区' });
  const jurisdiction = (meta.jurisdiction && gaz.get(meta.jurisdiction.code)) || UNKNOWN_JURISDICTION;

  const root = outline(prose, { report: meta.kind === 'report' }, logical);
  const drafts = [...proseTasks(prose, root, notes), ...tableDrafts].sort((a, b) => a.start - b.start);
  const allNotes = drafts.flatMap((d) => d.clauses.map((c) => c.note));
  // The first-listed rule may be stated once anywhere: in a note, or in a sentence of the text.
  const leadRule = [...notes, ...allNotes].some((n) => n.statesLeadRule) || LEAD_RULE_PHRASES.some((re) => re.test(prose))
    ? 'first-listed'
    : allNotes.some((n) => n.hasExplicitLead)
      ? 'explicit'
      : allNotes.length > 0 ? 'first-listed-by-convention' : 'none';

  const id = documentId(file);
  const planYear = yearOf(meta.date) ?? yearOf(/((?:19|20)\d{2})年/.exec(meta.title)?.[1] ?? null);
  const scanner = gaz.scannerFor(jurisdiction === UNKNOWN_JURISDICTION ? null : jurisdiction.id);
  const tasks: ExtractedTask[] = [];
  const usedNotes = new Set<FoundNote>();
  const refs = new Map<string, number>();
  const ctx: AssignContext = { leadRule, jurisdiction, units, tm, file, warnings };

  for (const d of drafts) {
    let ref = d.ref;
    // Numbering that repeats (two items "3." in one section) still needs unique ids.
    const seen = refs.get(ref) ?? 0;
    refs.set(ref, seen + 1);
    if (seen > 0) {
      warnings.push({ file, message: `numbering ${ref} appears more than once; the later one is ${ref}#${seen + 1}`, start: tm.map[d.start]! });
      ref = `${ref}#${seen + 1}`;
    }
    d.fields.forEach((n) => usedNotes.add(n));
    const [start, end] = toRaw(tm, d.start, d.end);
    const clauses: ExtractedTask['clauses'] = [];
    const assignments: ExtractedAssignment[] = [];
    d.clauses.forEach(({ start: cs, end: ce, note }, i) => {
      const [ccs, cce] = toRaw(tm, cs, ce);
      clauses.push({ n: i + 1, text: text.slice(cs, ce), quote: note.quote, start: ccs, end: cce });
      assignments.push(...assign(note, i + 1, ctx));
    });
    const regionIds = new Set<string>();
    for (const m of scanner.scan(d.ownText.text)) for (const rid of m.ids) regionIds.add(rid);

    const deadline = taskDeadline(d, planYear);
    tasks.push({
      id: `${id}:${ref}`,
      ref,
      title: d.title,
      section: d.section,
      part: d.part,
      text: d.text,
      start,
      end,
      clauses,
      items: d.items.map((it) => {
        const [s, e] = toRaw(tm, it.start, it.end);
        return { ordinal: it.ordinal, title: it.title, start: s, end: e };
      }),
      assignments: dedupe(assignments),
      regions: [...regionIds].map((rid) => gaz.get(rid)!).map((r) => ({ id: r.id, name: r.name, level: r.level })),
      ...(deadline ? { deadline: { ...deadline, ...rawSpan(tm, deadline) } } : {}),
      leaders: taskLeaders(d).map((l) => ({ name: l.name, post: l.post, ...rawSpan(tm, l) })),
    });
  }

  for (const n of notes) {
    if (!usedNotes.has(n) && n.items.length > 0) warnings.push({ file, message: `responsibility note ${n.quote.slice(0, 40)} is outside any task; ignored`, start: tm.map[n.start]! });
  }
  if (tasks.length === 0) {
    warnings.push({
      file,
      message: meta.kind === 'report'
        ? 'no recommendations found in this report'
        : 'no tasks found: no numbered items, sections or table rows carry a responsibility note (牵头单位/责任单位/…牵头负责)',
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

function yearOf(s: string | null): number | null {
  const y = s ? Number(s.slice(0, 4)) : NaN;
  return y >= 1949 && y <= 2100 ? y : null;
}

function rawSpan(tm: TextMap, s: { start: number; end: number }): { start: number; end: number } {
  const [start, end] = toRaw(tm, s.start, s.end);
  return { start, end };
}

/**
 * The tables of the document model: those a reader gave (their spans index the raw text and are
 * moved onto the normalised text), then those written as text elsewhere.
 */
function tablesOf(text: string, tm: TextMap, given: readonly SourceTable[]): Table[] {
  const out: Table[] = [];
  for (const t of given) {
    const moved: SourceTable = {
      ...toNormalised(tm, t),
      rows: t.rows.map((r) => r.map((c) => toNormalised(tm, c))),
    };
    const read = readSourceTable(text, moved);
    if (read) out.push(read);
  }
  return [...out, ...findTextTables(text, out)].sort((a, b) => a.start - b.start);
}

/** A raw [start, end) as the normalised span it became (characters dropped by normalising are skipped). */
function toNormalised(tm: TextMap, s: { start: number; end: number }): { start: number; end: number } {
  const lower = (raw: number) => {
    let lo = 0;
    let hi = tm.text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tm.map[mid]! < raw) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const start = lower(s.start);
  return { start, end: Math.max(start, lower(s.end)) };
}

/**
 * The task's deadline: a deadline field or cell (the latest, when continuation rows add their
 * own), else the latest completion date its own text states.
 */
function taskDeadline(d: TaskDraft, planYear: number | null): (ParsedDeadlineSpan & { text: string }) | null {
  let best: (ParsedDeadlineSpan & { text: string }) | null = null;
  const fields = [...d.fields, ...d.clauses.map((c) => c.note)].flatMap((n) => (n.deadline ? [n.deadline] : []));
  for (const f of fields) {
    const cand = deadlineOfField(f.text, f.offset, planYear);
    if (!best || (cand.date && (!best.date || cand.date > best.date))) best = cand;
  }
  if (best) return best;
  const inText = latestCompletion(d.ownText.text, planYear);
  return inText ? { text: inText.text, date: inText.date, kind: 'date', start: d.ownText.offset + inText.start, end: d.ownText.offset + inText.end } : null;
}

interface ParsedDeadlineSpan { date: string | null; kind: ExtractedDeadline['kind']; start: number; end: number }

/** A deadline field as written: short ones whole (9月投入使用), long ones by their latest date. */
function deadlineOfField(text: string, offset: number, planYear: number | null): ParsedDeadlineSpan & { text: string } {
  const t = text.replace(/[。;]$/, '');
  if (t.length > 14) {
    const lc = latestCompletion(t, planYear);
    if (lc) return { text: lc.text, date: lc.date, kind: 'date', start: offset + lc.start, end: offset + lc.end };
  }
  const parsed = parseDeadline(t, planYear);
  return { text: t, ...parsed, start: offset, end: offset + t.length };
}

/** Persons and posts named in the task's notes or leader cells, else by its group's heading. */
function taskLeaders(d: TaskDraft): FoundLeader[] {
  const seen = new Set<string>();
  const out: FoundLeader[] = [];
  for (const n of d.fields) {
    for (const f of n.leaders) {
      for (const l of readLeaders(f)) {
        if (!seen.has(l.name)) out.push(l);
        seen.add(l.name);
      }
    }
  }
  if (out.length === 0 && d.groupLeader) out.push(d.groupLeader);
  return out;
}

interface AssignContext {
  leadRule: ExtractedDocument['leadRule'];
  jurisdiction: Region;
  units: UnitRegistry;
  tm: TextMap;
  file: string;
  warnings: ExtractWarning[];
}

function assign(note: FoundNote, clause: number, { leadRule, jurisdiction, units, tm, file, warnings }: AssignContext): ExtractedAssignment[] {
  const [start, end] = toRaw(tm, note.start, note.end);
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

import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { assign, dedupe, type AssignContext } from './assign';
import type {
  ExtractedAssignment, ExtractedDocument, ExtractedProgressRow, ExtractedRegion, ExtractedTask, ExtractResult, ExtractWarning,
} from './contract';
import { documentCoverage } from './coverage';
import { InputError, textSource } from './decode';
import type { DocumentSource } from './document-model';
import { findFigures } from './figures';
import { gazetteer, type Gazetteer, type Region } from './gazetteer';
import { NATIONAL, readMeta } from './metadata';
import { normalise } from './normalise';
import { LEAD_RULE_PHRASES, restRoleOf } from './note-patterns';
import { taskLeaders } from './leaders';
import { logicalLines } from './lines';
import { findNotes, type FoundNote } from './notes';
import { readProgress, type ProgressRow } from './progress-report';
import { proseTasks } from './prose-tasks';
import { outline } from './structure';
import { tableTasks } from './table-tasks';
import { tablesOf } from './tables';
import { taskDeadline } from './task-deadline';
import { blank } from './task-draft';
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
/** The central government (国务院 and its ministries): above every province, so its level is the top one the contract has. */
const NATIONAL_JURISDICTION: Region = { id: NATIONAL.code, name: NATIONAL.name, level: 'province', within: null, partOf: [] };
const SCOPES = [UNKNOWN_JURISDICTION, NATIONAL_JURISDICTION];

/**
 * Extract every input into one result. Files that cannot be read become warnings (with the
 * reason) and the rest still go through. Unit identities are shared across the documents.
 * Besides the contract: `failed` (files skipped) and `texts` (each document's decoded raw text,
 * which the offsets index; kept out of the JSON, stored for highlighting).
 */
export function extract(inputs: ExtractInput[], options: ExtractOptions = {}): ExtractResult & { failed: string[]; texts: Record<string, string> } {
  return finishExtraction(extractPart(inputs, options));
}

/** What extract() gives: the contract's JSON, the files skipped, and each document's text. */
export type ExtractionResult = ReturnType<typeof extract>;

/**
 * What extract() makes of a run of files before the regions are listed; with the registry's
 * swapped-name classes (unit-id of the first name seen per class), so that parts extracted in
 * separate threads merge into what one run would have given (parallel.ts).
 */
export interface ExtractPart {
  documents: ExtractedDocument[];
  units: ReturnType<UnitRegistry['all']>;
  warnings: ExtractWarning[];
  failed: string[];
  texts: Record<string, string>;
  swapped: Array<[string, string]>;
}

export function extractPart(inputs: ExtractInput[], options: ExtractOptions = {}): ExtractPart {
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
  return { documents, units: units.all(), warnings, failed, texts, swapped: units.swappedIds() };
}

/** The result of a part (or of parts merged): the regions its documents and units touch listed. */
export function finishExtraction({ swapped: _, ...part }: ExtractPart): ExtractResult & { failed: string[]; texts: Record<string, string> } {
  return { documents: part.documents, units: part.units, regions: collectRegions(gazetteer(), part.documents, part.units), warnings: part.warnings, failed: part.failed, texts: part.texts };
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
  const jurisdiction = (meta.jurisdiction && (gaz.get(meta.jurisdiction.code) ?? SCOPES.find((r) => r.id === meta.jurisdiction!.code))) || UNKNOWN_JURISDICTION;

  const progressRows = readProgress(text, prose, logical, tables, meta.title);
  const kind = progressRows ? 'progress' : meta.kind;

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
  const scanner = gaz.scannerFor(SCOPES.includes(jurisdiction) ? null : jurisdiction.id);
  const tasks: ExtractedTask[] = [];
  const usedNotes = new Set<FoundNote>();
  const refs = new Map<string, number>();
  const ctx: AssignContext = { leadRule, jurisdiction, units, tm, file, warnings, restRole: restRoleOf(prose) };

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
  // Nothing silent: what was seen and not used, with the first place not understood.
  const coverage = documentCoverage({ raw, tm, notes, used: new Set([...usedNotes, ...drafts.flatMap((d) => d.clauses.map((c) => c.note))]), tasks });
  const cw = coverage.warning;
  if (tasks.length === 0 && progressRows) {
    // A report of what was done need not assign anything: its rows are linked to the plans' tasks.
    warnings.push({ file, message: `progress report: ${progressRows.length} rows read, no tasks of its own` });
  } else if (tasks.length === 0) {
    warnings.push({
      file,
      message: meta.kind === 'report'
        ? 'no recommendations found in this report'
        : `no tasks found: ${cw!.en.replace(/^found 0 tasks; /, '')}`,
      ...(cw?.start != null ? { start: cw.start } : {}),
    });
  } else if (cw) warnings.push({ file, message: cw.en, start: cw.start! });

  return {
    id,
    file: basename(file),
    title: meta.title,
    titleInferred: meta.titleInferred,
    kind,
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
    coverage,
    figures: meta.kind === 'report'
      ? findFigures(text).map((f) => {
        const [start, end] = toRaw(tm, f.start, f.end);
        return { ...f, start, end };
      })
      : [],
    ...(progressRows ? { progress: progressRows.map((r, i) => rawRow(tm, r, i + 1, tasks)) } : {}),
  };
}

/** A progress row with raw offsets, and the task of this document it is (the same row), if any. */
function rawRow(tm: TextMap, r: ProgressRow, n: number, tasks: readonly ExtractedTask[]): ExtractedProgressRow {
  const span = rawSpan(tm, r);
  const report = rawSpan(tm, { start: r.reportStart, end: r.reportEnd });
  return {
    n, ref: r.ref, title: r.title, report: r.report, shape: r.shape, ...span, reportStart: report.start, reportEnd: report.end,
    state: r.state && { state: r.state.state, quote: r.state.quote, ...rawSpan(tm, r.state) },
    taskId: tasks.find((t) => t.start <= report.start && report.end <= t.end && (r.shape === 'table' || t.start >= span.start))?.id ?? null,
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
  for (const scope of SCOPES) {
    if (units.some((u) => u.jurisdiction.code === scope.id) || documents.some((d) => d.jurisdiction?.code === scope.id)) ids.add(scope.id);
  }
  return [...ids].sort().map((rid) => {
    const r = SCOPES.find((s) => s.id === rid) ?? gaz.get(rid)!;
    return { id: r.id, name: r.name, level: r.level, within: r.within, partOf: [...r.partOf] };
  });
}

import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { queue, writeFileAtomic } from '../accounts/files';
import { readingProgress } from '../graph/dependencies';
import type { ProgressState } from '../api/analytics/light';
import { PROGRESS_STATES } from '../api/analytics/light';
import { today } from '../api/analytics/status';
import type { AuditLog } from '../audit/audit-log';
import type { ExtractedProgressRow } from '../extract/contract';
import { read } from '../graph/queries';
import type { QueryRunner } from '../graph/store';
import { linkRows, type RowLink } from './links';
import type { ProgressRecord } from './model';
import { ProgressInputError } from './service';

/**
 * Progress read from the loaded progress reports: their rows linked to plan tasks (links.ts),
 * the links that pass made records, the others offered to editors, and editors' decisions.
 *
 * Links are worked out again whenever the loaded documents change (a report or a plan loaded,
 * replaced or deleted), from the graph itself, so they never go stale: a report deleted takes its
 * records and suggestions with it; a new version brings its own. Editors' decisions are kept in
 * DATA_DIR/progress-links.json, keyed by the report, the row's text and the task, so a confirmed
 * link holds when the same report is loaded again and lapses when the row is reworded.
 */
export interface Decision {
  key: string;
  decision: 'confirmed' | 'rejected';
  /** The state the editor gave, when the row stated none. */
  state?: ProgressState;
  by: string;
  at: string;
}

export interface Link extends RowLink {
  /** documentId|row text hash|taskId. */
  id: string;
  decision: Decision | null;
}

interface DecisionsFile { version: 1; decisions: Decision[] }

export class DocumentProgress {
  readonly file: string;
  private readonly serial = queue();
  private cache: { rows: unknown; signature: string; links: Promise<Link[]>; records: Promise<readonly ProgressRecord[]> } | null = null;
  /** Bumped on every decision: the response cache (http/server.ts) keys answers by it. */
  generation = 0;

  constructor(private readonly store: QueryRunner, dataDir: string, private readonly audit: AuditLog) {
    this.file = join(dataDir, 'progress-links.json');
  }

  private async decisions(): Promise<{ mtimeMs: number; list: Decision[] }> {
    readingProgress();
    try {
      const mtimeMs = (await stat(this.file)).mtimeMs;
      const data = JSON.parse(await readFile(this.file, 'utf8')) as DecisionsFile;
      if (!Array.isArray(data.decisions)) throw new Error('no "decisions" list');
      return { mtimeMs, list: data.decisions };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { mtimeMs: 0, list: [] };
      throw new Error(`${this.file} is not a valid progress-links file (${(err as Error).message}): restore it from a backup`);
    }
  }

  /** Every link, worked out again only when the documents or the decisions changed. */
  private async current(): Promise<{ links: Promise<Link[]>; records: Promise<readonly ProgressRecord[]> }> {
    const docs = await this.store.run(read('document-keys'));
    const decided = await this.decisions();
    // The read cache hands back the same rows until the graph is written: no need to compare them then.
    const tail = `#${decided.mtimeMs}#${today()}`;
    if (this.cache?.rows === docs && this.cache.signature.endsWith(tail)) return this.cache;
    const signature = `${docs.map((d) => `${d.id as string}@${d.sha256 as string}`).join('|')}${tail}`;
    if (this.cache?.signature === signature) {
      this.cache.rows = docs;
      return this.cache;
    }
    const links = docs.some((d) => d.kind === 'progress') ? this.compute(decided.list) : Promise.resolve([]);
    const records = links.then(recordsOf);
    this.cache = { rows: docs, signature, links, records };
    links.catch(() => { this.cache = null; });
    return this.cache;
  }

  private async compute(decisions: readonly Decision[]): Promise<Link[]> {
    const docs = (await this.store.run(read('progress-documents'))).map((d) => ({
      id: d.id as string, title: d.title as string, date: (d.date as string) || null, sha256: d.sha256 as string,
      jurisdictionCode: (d.jurisdictionCode as string | null) ?? null, rows: json<ExtractedProgressRow[]>(d.progress as string, []),
    }));
    const codes = [...new Set(docs.map((d) => d.jurisdictionCode).filter((c): c is string => !!c))];
    const plans = codes.length === 0 ? [] : (await this.store.run(read('plan-tasks-in-jurisdictions'), { codes })).map((t) => ({
      id: t.id as string, ref: t.ref as string, title: t.title as string, text: t.text as string, documentId: t.documentId as string, jurisdictionCode: t.jurisdictionCode as string,
    }));
    const places = (await this.store.run(read('regions'))).flatMap((r) => [r.name as string, (r.name as string).replace(/(特别行政区|自治州|自治县|地区|市|省|县|区)$/, '')]);
    const byKey = new Map(decisions.map((d) => [d.key, d]));
    return linkRows(docs, plans, places, today()).map((l) => {
      const id = linkKey(l);
      return { ...l, id, decision: byKey.get(id) ?? null };
    });
  }

  /** The records read from documents: applied links and confirmed suggestions. */
  async records(): Promise<readonly ProgressRecord[]> {
    return (await this.current()).records;
  }

  async links(): Promise<Link[]> {
    return (await this.current()).links;
  }

  /** Suggestions waiting for an editor: below the threshold (or otherwise not applied) and not yet decided. */
  async pending(filter: { task?: string | null; document?: string | null } = {}): Promise<Link[]> {
    return (await this.links())
      .filter((l) => l.pending && !l.decision && (!filter.task || l.taskId === filter.task) && (!filter.document || l.documentId === filter.document))
      .sort((a, b) => a.documentId.localeCompare(b.documentId) || a.row.n - b.row.n);
  }

  /** An editor confirms a suggestion (giving the state when the row states none) or rejects it; audited. */
  async decide(id: string, decision: Decision['decision'], by: string, state?: string | null): Promise<Link> {
    return this.serial(async () => {
      const link = (await this.links()).find((l) => l.id === id);
      if (!link) throw new ProgressInputError(`there is no suggested link ${JSON.stringify(id.slice(0, 120))}: see pendingProgressLinks for the ids`, 'id');
      if (!link.pending) throw new ProgressInputError(`link ${id.slice(0, 120)} is applied already: nothing to confirm`, 'id');
      let given: ProgressState | undefined;
      if (decision === 'confirmed') {
        if (state) {
          if (!PROGRESS_STATES.includes(state as ProgressState)) throw new ProgressInputError(`state must be one of ${PROGRESS_STATES.join(', ')}, got ${JSON.stringify(state.slice(0, 20))}`, 'state');
          given = state as ProgressState;
        } else if (!link.row.state) throw new ProgressInputError('the row states no state (已完成, 正在推进, 滞后 …): give one to confirm it', 'state');
        if (!link.date) throw new ProgressInputError('the report has no date, so its progress cannot be dated: give the document a date first', 'id');
      }
      const { list } = await this.decisions();
      const made: Decision = { key: id, decision, ...(given ? { state: given } : {}), by, at: new Date().toISOString() };
      await writeFileAtomic(this.file, `${JSON.stringify({ version: 1, decisions: [...list.filter((d) => d.key !== id), made] } satisfies DecisionsFile, null, 1)}\n`);
      this.cache = null;
      this.generation++;
      await this.audit.append({
        who: by, action: decision === 'confirmed' ? 'confirm-progress-link' : 'reject-progress-link', target: link.taskId,
        after: { document: link.documentId, row: link.row.ref, state: given ?? link.row.state?.state ?? null, confidence: link.confidence, quote: link.row.report.slice(0, 200) },
        note: id,
      });
      return { ...link, decision: made };
    });
  }
}

/** A link's key: the report, the row's own text (so a reworded row is a new question) and the task. */
export function linkKey(l: Pick<RowLink, 'documentId' | 'row' | 'taskId'>): string {
  const rowHash = createHash('sha256').update(`${l.row.title}\u0000${l.row.report}`).digest('hex').slice(0, 16);
  return `${l.documentId}|${rowHash}|${l.taskId}`;
}

const TEXT_CHARS = 2000;

function recordsOf(links: readonly Link[]): ProgressRecord[] {
  return links.flatMap((l) => {
    const confirmed = l.decision?.decision === 'confirmed';
    const state = l.decision?.state ?? l.row.state?.state;
    if ((l.pending && !confirmed) || !state || !l.date) return [];
    const r = l.row;
    return [{
      id: `doc:${l.id}`, taskId: l.taskId, quote: '', unitId: '', unitName: '', date: l.date, state, text: r.report.slice(0, TEXT_CHARS),
      source: 'document' as const, by: confirmed ? l.decision!.by : '', createdAt: `${l.date}T00:00:00.000Z`, attachments: [],
      document: {
        linkId: l.id, documentId: l.documentId, documentTitle: l.documentTitle, start: r.start, end: r.end, quote: r.report.slice(0, TEXT_CHARS),
        stateQuote: l.decision?.state ? null : r.state && { quote: r.state.quote, start: r.state.start, end: r.state.end },
        confidence: l.confidence, score: l.score, terms: l.terms, titleCover: l.titleCover, refMatched: l.refMatched, sameRow: l.sameRow,
      },
    }];
  });
}

function json<T>(s: string | null | undefined, fallback: T): T {
  try {
    return s ? (JSON.parse(s) as T) : fallback;
  } catch {
    return fallback;
  }
}

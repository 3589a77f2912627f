import { FollowUpIndex, type CorpusTask } from '../api/analytics/follow-ups';
import type { ExtractedProgressRow } from '../extract/contract';
import { toSimplified } from '../extract/simplify';

/**
 * Which plan task each row of a progress report reports on (issue 22, item 2).
 *
 * Candidates are the tasks of the plans issued by the report's own jurisdiction (another
 * jurisdiction's 市发改委 is another unit, and its plan another plan). Each is weighed by:
 * - title: how much of the task's title the row restates (character pairs of the title found in
 *   the row), or of the row's restated task found in the task's text, whichever is more — a
 *   report that restates its plan is the common case, and the strongest evidence;
 * - terms: the distinctive terms the two share, exactly as follow-ups find them
 *   (api/analytics/follow-ups.ts), with their score Σ ln(N / df) over the jurisdiction's tasks;
 * - ref: the row restates the task's numbering (二.(一).3, 表1.3).
 * confidence = 0.7·title + 0.2·min(1, terms score / 10) + 0.1·ref, in [0, 1].
 *
 * A link at or above LINK_THRESHOLD, clearly ahead of the next candidate (by AMBIGUITY_MARGIN),
 * with a state read from the text and a date, becomes a progress record; any other best link is
 * a suggestion an editor confirms or rejects, and nothing is recorded until then.
 */
export const LINK_THRESHOLD = 0.6;
export const AMBIGUITY_MARGIN = 0.1;

export interface PlanTask { id: string; ref: string; title: string; text: string; documentId: string; jurisdictionCode: string }
export interface ProgressDocument {
  id: string; title: string; date: string | null; sha256: string; jurisdictionCode: string | null; rows: ExtractedProgressRow[];
}

export type PendingReason = 'low-confidence' | 'ambiguous' | 'no-state' | 'no-date';

/** Why a row is linked to a task. */
export interface LinkEvidence {
  confidence: number;
  /** The follow-up score of the shared terms. */
  score: number;
  terms: string[];
  titleCover: number;
  refMatched: boolean;
  /** The row is this very task (a 任务分解表 with its 落实情况 column): no guess involved. */
  sameRow: boolean;
}

export interface RowLink extends LinkEvidence {
  documentId: string;
  documentTitle: string;
  row: ExtractedProgressRow;
  /** What the link records: the row's report, with the day it stands as of (the report's date). */
  date: string | null;
  taskId: string;
  /** null: applied; otherwise why it waits for an editor. */
  pending: PendingReason | null;
}

/** A document with no date of its own stands as of the end of the year its title names, if that is past. */
export function reportDate(doc: Pick<ProgressDocument, 'date' | 'title'>, today: string): string | null {
  if (doc.date && /^\d{4}-\d{2}-\d{2}$/.test(doc.date)) return doc.date;
  const y = /((?:19|20)\d{2})年/.exec(doc.title)?.[1];
  return y && `${y}-12-31` <= today ? `${y}-12-31` : null;
}

const squeeze = (s: string) => toSimplified(s).replace(/[\s\u3000,，。;；:：、()（）“”《》!?！？\-—·.…|]/g, '');

function pairs(s: string): Set<string> {
  const t = squeeze(s);
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

/** The share of `of`'s character pairs that `within` has too. */
export function cover(of: string, within: string): number {
  const a = pairs(of);
  if (a.size === 0) return 0;
  const b = pairs(within);
  let n = 0;
  for (const p of a) if (b.has(p)) n++;
  return n / a.size;
}

/** 二.(一).3 written as 二(一)3, 表1.3 as 3 in a table's serial: compared without dots and brackets. */
function refMatches(rowRef: string, taskRef: string): boolean {
  const norm = (r: string) => r.replace(/^表\d+\./, '').replace(/[.()（）\s]/g, '');
  return norm(rowRef) !== '' && norm(rowRef) === norm(taskRef);
}

const rowTaskId = (docId: string, n: number) => `${docId}#progress-row-${n}`;

/**
 * Link every row of every progress document to its best plan task of the same jurisdiction.
 * `placeNames`: region names, which say nothing alone (as for follow-ups).
 */
export function linkRows(docs: readonly ProgressDocument[], plans: readonly PlanTask[], placeNames: readonly string[], today: string): RowLink[] {
  const out: RowLink[] = [];
  const byCode = new Map<string, PlanTask[]>();
  for (const p of plans) byCode.set(p.jurisdictionCode, [...(byCode.get(p.jurisdictionCode) ?? []), p]);
  for (const [code, group] of groupBy(docs, (d) => d.jurisdictionCode ?? '')) {
    const candidates = code ? byCode.get(code) ?? [] : [];
    // The terms are weighed over the jurisdiction's plan tasks and the reports' rows, as follow-ups weigh them over the corpus.
    const corpus: CorpusTask[] = [
      ...candidates.map((p) => ({ id: p.id, documentId: p.documentId, kind: 'plan', jurisdictionCode: code, title: p.title, text: p.text, items: [] })),
      ...group.flatMap((d) => d.rows.map((r) => ({
        id: rowTaskId(d.id, r.n), documentId: d.id, kind: 'report', jurisdictionCode: code, title: r.title, text: `${r.title}\n${r.report}`, items: [],
      }))),
    ];
    const index = new FollowUpIndex(corpus, (a, b) => a === b, placeNames);
    for (const d of group) {
      const date = reportDate(d, today);
      for (const r of d.rows) {
        const terms = new Map(index.followUps(rowTaskId(d.id, r.n)).map((m) => [m.planTaskId, m]));
        const scored = candidates.filter((p) => p.documentId !== d.id).map((p) => {
          const titleCover = Math.max(cover(p.title, `${r.title}${r.report}`), cover(r.title, p.text));
          const m = terms.get(p.id);
          const refMatched = refMatches(r.ref, p.ref);
          const confidence = round(0.7 * titleCover + 0.2 * Math.min(1, (m?.score ?? 0) / 10) + (refMatched ? 0.1 : 0));
          return { p, titleCover: round(titleCover), score: m?.score ?? 0, terms: m?.terms ?? [], refMatched, confidence };
        }).sort((a, b) => b.confidence - a.confidence || a.p.id.localeCompare(b.p.id));
        const base = { documentId: d.id, documentTitle: d.title, row: r, date };
        const best = scored[0];
        if (best && best.confidence > 0) {
          const second = scored[1]?.confidence ?? 0;
          const pending: PendingReason | null = best.confidence < LINK_THRESHOLD
            ? 'low-confidence'
            : best.confidence - second < AMBIGUITY_MARGIN ? 'ambiguous' : !r.state ? 'no-state' : !date ? 'no-date' : null;
          out.push({ ...base, taskId: best.p.id, confidence: best.confidence, score: best.score, terms: best.terms, titleCover: best.titleCover, refMatched: best.refMatched, sameRow: false, pending });
        }
        // The row is a task of the report itself: its progress cell reports on it, whatever plan it also restates.
        if (r.taskId) {
          out.push({ ...base, taskId: r.taskId, confidence: 1, score: 0, terms: [], titleCover: 1, refMatched: true, sameRow: true, pending: !r.state ? 'no-state' : !date ? 'no-date' : null });
        }
      }
    }
  }
  return out;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}

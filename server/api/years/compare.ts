/**
 * Two versions of a plan compared (issue 22 item 5): which tasks of the earlier one the later one
 * continues, which it adds and which it drops, and per unit the tasks gained and lost.
 *
 * A task continues when the two texts share distinctive terms, found as the follow-ups find them
 * (analytics/follow-ups.ts: maximal runs of whole words both contain, trimmed of leading verbs and
 * filler, holding a word that is neither common policy vocabulary nor a place name). Between two
 * versions of one plan the question is narrower than across a corpus: a term is distinctive when few
 * tasks of the two documents contain it (at most MAX_PAIR_DF, or 10 %), and any word outside the
 * policy vocabulary counts, however common in general text (行政许可 is the point of a 行政许可 task).
 * score = Σ ln(N / df) over the shared terms, N the tasks of the two documents. A pair continues when
 * its score is at least MIN_SCORE and the terms cover at least MIN_COVERAGE of the shorter text: one
 * phrase in common (编制并公布区级, in a 备案 task and in a 告知承诺制 task) is not the same task. The
 * pairs are taken best first, each task once. Texts are compared without their notes (the units
 * named are what the comparison reports, not evidence that the work is the same).
 */
import { ROLE_RANK } from '../../graph/analytics';
import { sharedStretches, specificWords, trimTerm } from '../analytics/follow-ups';

type Role = keyof typeof ROLE_RANK;

export interface CompareTask {
  id: string;
  ref: string;
  title: string;
  text: string;
  /** Each unit's strongest role in the task. */
  units: ReadonlyMap<string, Role>;
}

export interface Continued { from: CompareTask; to: CompareTask; score: number; terms: string[]; leadChanged: boolean; reworded: boolean }

export interface UnitChange { unitId: string; gained: string[]; lost: string[]; kept: number }

export interface Comparison { continued: Continued[]; added: CompareTask[]; dropped: CompareTask[]; units: UnitChange[] }

/** A term in more tasks of the two documents than this (or 10 % of them) says nothing about which task. */
export const MAX_PAIR_DF = 3;
/** The least score a continued pair has: one term found in just the two tasks of a pair of 4-task plans (ln 8/2 ≈ 1.39). */
export const MIN_SCORE = 1.2;
/** The least share of the shorter task's text (in characters) the shared terms cover. */
export const MIN_COVERAGE = 0.3;

/** A task's text without its notes ((牵头单位:…) as quoted by its assignments). */
export function withoutNotes(text: string, quotes: Iterable<string>): string {
  let out = text;
  for (const q of quotes) if (q) out = out.split(q).join('');
  return out.trim();
}

const leadsOf = (t: CompareTask) => [...t.units].filter(([, r]) => r === 'lead').map(([u]) => u).sort().join('|');
const same = (a: string, b: string) => a.replace(/[\s，,。;；、]/g, '') === b.replace(/[\s，,。;；、]/g, '');

export function compareTasks(from: readonly CompareTask[], to: readonly CompareTask[], isPlace: (w: string) => boolean = () => false): Comparison {
  const all = [...from, ...to];
  const n = all.length;
  const maxDf = Math.max(MAX_PAIR_DF, Math.ceil(n * 0.1));
  const dfCache = new Map<string, number>();
  const df = (term: string) => {
    let v = dfCache.get(term);
    if (v === undefined) dfCache.set(term, (v = all.filter((t) => t.text.includes(term) || t.title.includes(term)).length));
    return v;
  };
  const weight = (term: string) => Math.log(n / Math.max(1, df(term)));
  const distinctive = (term: string) => df(term) <= maxDf && (/“[^”]{2,}”|《[^》]{2,}》/.test(term) || specificWords(term, isPlace, 0).length > 0);

  const pairs: Array<{ a: CompareTask; b: CompareTask; score: number; terms: string[] }> = [];
  for (const a of from) {
    for (const b of to) {
      const terms = [...new Set(sharedStretches(a.text, b.text).map(trimTerm))].filter((t) => t.length >= 2 && distinctive(t));
      const kept = terms.filter((t) => !terms.some((o) => o !== t && o.includes(t)));
      if (kept.length === 0) continue;
      kept.sort((x, y) => weight(y) - weight(x) || y.length - x.length);
      const score = Math.round(kept.reduce((s, t) => s + weight(t), 0) * 1000) / 1000;
      const coverage = kept.reduce((s, t) => s + t.length, 0) / Math.max(1, Math.min(a.text.length, b.text.length));
      if (score >= MIN_SCORE && coverage >= MIN_COVERAGE) pairs.push({ a, b, score, terms: kept });
    }
  }
  pairs.sort((x, y) => y.score - x.score || x.a.id.localeCompare(y.a.id) || x.b.id.localeCompare(y.b.id));
  const usedA = new Set<string>();
  const usedB = new Set<string>();
  const continued: Continued[] = [];
  for (const p of pairs) {
    if (usedA.has(p.a.id) || usedB.has(p.b.id)) continue;
    usedA.add(p.a.id);
    usedB.add(p.b.id);
    continued.push({ from: p.a, to: p.b, score: p.score, terms: p.terms, leadChanged: leadsOf(p.a) !== leadsOf(p.b), reworded: !same(p.a.text, p.b.text) });
  }
  const order = new Map(all.map((t, i) => [t.id, i]));
  continued.sort((x, y) => order.get(x.to.id)! - order.get(y.to.id)!);
  const added = to.filter((t) => !usedB.has(t.id));
  const dropped = from.filter((t) => !usedA.has(t.id));

  // Per unit: a task of the later version it is on, and was not on in the task it continues (or the task is new),
  // is gained; a task of the earlier version it was on and is not on in its continuation (or it was dropped), lost.
  const units = new Map<string, UnitChange>();
  const unit = (id: string) => units.get(id) ?? units.set(id, { unitId: id, gained: [], lost: [], kept: 0 }).get(id)!;
  const continuationOf = new Map(continued.map((c) => [c.from.id, c.to]));
  const continuedFrom = new Map(continued.map((c) => [c.to.id, c.from]));
  for (const b of to) {
    const a = continuedFrom.get(b.id);
    for (const u of b.units.keys()) {
      if (a?.units.has(u)) unit(u).kept++;
      else unit(u).gained.push(b.id);
    }
  }
  for (const a of from) {
    const b = continuationOf.get(a.id);
    for (const u of a.units.keys()) if (!b?.units.has(u)) unit(u).lost.push(a.id);
  }
  const changes = [...units.values()].sort((x, y) => (y.gained.length + y.lost.length) - (x.gained.length + x.lost.length) || x.unitId.localeCompare(y.unitId));
  return { continued, added, dropped, units: changes };
}

/** Each unit's strongest role per task, from assignments (the one counting rule). */
export function strongestPerTask(assignments: ReadonlyArray<{ taskId: string; unitId: string; role: string }>): Map<string, Map<string, Role>> {
  const out = new Map<string, Map<string, Role>>();
  for (const a of assignments) {
    const m = out.get(a.taskId) ?? new Map<string, Role>();
    const had = m.get(a.unitId);
    if (!had || ROLE_RANK[a.role as Role] < ROLE_RANK[had]) m.set(a.unitId, a.role as Role);
    out.set(a.taskId, m);
  }
  return out;
}

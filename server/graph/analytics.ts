/**
 * The analytics the store keeps up to date as it is written, so that load rankings and
 * cooperation links are read, not recomputed over the whole graph on every question:
 *
 * - on each Unit: the tasks it leads / is responsible for / takes part in (leadTasks …), and
 *   `dueCounts`, the same per role and stated due date (JSON: {"lead":{"2024-06-30":2}}), so a
 *   window's counts are a sum over a few dates;
 * - RegionLink nodes, one per pair of regions tied by tasks: how many tasks tie them, as issuer
 *   and mentioned region (ISSUER), as two regions whose governments both carry the task and are
 *   not already issuer and addressee in it (CARRIER), and as two regions one task names (CO_MENTION);
 * - UnitPair nodes, one per pair of units sharing tasks (always of one jurisdiction): how many,
 *   the edges of a jurisdiction's network;
 * - RegionTally nodes, the region network's counts folded and per region (region-tallies.ts).
 * (And each Document's taskCount, written with it.)
 *
 * Every task belongs to one document, so both are sums of per-document contributions: a load
 * adds the new version's and subtracts the old one's, in the same transaction (loader.ts); a
 * bulk load writes the sum of all (graph-rows.ts). `recount` computes the same from the stored
 * assignments and mentions, for stores written before these existed and for the tests.
 */
import { unwindRelationships } from './bulk-unwind';
import { PairMap } from './pair-map';
import { load, read } from './queries';
import { applyTally, gazetteerTree, isHierarchy, perPair, TallyCounter, tallyCountsOf, tallyRow, type TallyCounts } from './region-tallies';
import type { GraphStore, QueryRunner, Row } from './store';

export const ROLES = ['lead', 'responsible', 'participant'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The counting rule every view shares (load, unit panel, ledger): a task counts once per unit,
 * under the unit's strongest role in it (lead > responsible > participant). A unit that leads
 * one clause of a task and supports another leads that task; its notes stay as evidence.
 */
export const ROLE_RANK: Record<Role, number> = { lead: 0, responsible: 1, participant: 2 };

/** Each unit's strongest role among these assignments (of one task). */
export function strongestRoles(assignments: ReadonlyArray<{ unitId: string; role: string }>): Map<string, Role> {
  const out = new Map<string, Role>();
  for (const a of assignments) {
    if (!ROLES.includes(a.role as Role)) continue;
    const had = out.get(a.unitId);
    if (!had || ROLE_RANK[a.role as Role] < ROLE_RANK[had]) out.set(a.unitId, a.role as Role);
  }
  return out;
}

/** What the analytics need of a task: its id, stated date, units by role and mentioned regions. */
export interface TaskFacts {
  id: string;
  /** The last day of the stated period when the deadline is a date, else ''. */
  dueDate: string;
  assignments: ReadonlyArray<{ unitId: string; role: string }>;
  mentions: readonly string[];
  /** The regions whose governments the task assigns (湘乡市 for 湘乡市人民政府): Unit.region of its units. */
  carriers: readonly string[];
}

export interface UnitCounts {
  lead: number;
  responsible: number;
  participant: number;
  /** role → ISO date → tasks due that day. */
  due: Record<string, Record<string, number>>;
}

export interface LinkCounts { from: string; to: string; tasks: number; issuerTasks: number; carrierTasks: number; comentionTasks: number }

const LINK_COUNTS = ['tasks', 'issuerTasks', 'carrierTasks', 'comentionTasks'] as const;

/** A RegionLink node's row, as the load and bulk statements write it. */
export const linkRow = (l: LinkCounts) => ({
  id: linkId(l.from, l.to), fromId: l.from, toId: l.to, tasks: l.tasks, issuerTasks: l.issuerTasks, carrierTasks: l.carrierTasks, comentionTasks: l.comentionTasks,
});

/** A stored RegionLink (cypher/load/region-links) back as counts. A link written before CARRIER was counted reads 0 (ensureAnalytics recounts such a store). */
export const linkCountsOf = (r: Row): LinkCounts => ({
  from: r.fromId as string, to: r.toId as string, tasks: Number(r.tasks), issuerTasks: Number(r.issuerTasks),
  carrierTasks: Math.max(0, Number(r.carrierTasks ?? 0)), comentionTasks: Number(r.comentionTasks),
});

export interface PairCounts { a: string; b: string; tasks: number }

export interface Contribution {
  units: Map<string, UnitCounts>;
  links: Map<string, LinkCounts>;
  pairs: Map<string, PairCounts>;
  tallies: Map<string, TallyCounts>;
}

export const emptyContribution = (): Contribution => ({ units: new Map(), links: new Map(), pairs: new Map(), tallies: new Map() });

/** A unit id is its jurisdiction's division code and its name (DESIGN.md). */
export const jurisdictionOfUnit = (unitId: string) => unitId.slice(0, unitId.indexOf(':'));

export const emptyCounts = (): UnitCounts => ({ lead: 0, responsible: 0, participant: 0, due: {} });
export const linkId = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

type TieFacts = Pick<TaskFacts, 'mentions' | 'carriers'> & { jurisdiction: string | null };
/** A pair of regions one task ties (from < to), and how. */
export interface Tie { from: string; to: string; issuer: boolean; carrier: boolean; comention: boolean }

/**
 * The pairs of regions a task ties, by link id: its jurisdiction with each region it names
 * (issuer), the regions whose governments it assigns together (carrier), and the regions it names
 * together (comention).
 */
export function tiesOf(t: TieFacts): Map<string, Tie> {
  const ties = new Map<string, Tie>();
  const mark = (a: string, b: string, kind: 'issuer' | 'carrier' | 'comention') => {
    if (a === b) return;
    const [from, to] = a < b ? [a, b] : [b, a];
    const id = `${from}|${to}`;
    let p = ties.get(id);
    if (!p) ties.set(id, (p = { from, to, issuer: false, carrier: false, comention: false }));
    p[kind] = true;
  };
  const places = [...new Set(t.mentions)];
  if (t.jurisdiction) for (const m of places) mark(t.jurisdiction, m, 'issuer');
  const carriers = [...new Set(t.carriers)];
  for (let i = 0; i < carriers.length; i++) for (let j = i + 1; j < carriers.length; j++) mark(carriers[i]!, carriers[j]!, 'carrier');
  for (let i = 0; i < places.length; i++) for (let j = i + 1; j < places.length; j++) mark(places[i]!, places[j]!, 'comention');
  return ties;
}

/**
 * The TIES edges of a task: for each pair it makes parties (issuer or carrier; a co-mention is
 * no cooperation, api/analytics/cooperation.ts), an edge to each region naming the other.
 */
export function tieRows(t: TieFacts & { id: string }, task: { documentId: string; start: number; ref: string; title: string }): Row[] {
  const rows: Row[] = [];
  const edge = { taskId: t.id, documentId: task.documentId, start: task.start, taskRef: task.ref, taskTitle: task.title };
  for (const { from: a, to: b, issuer, carrier } of tiesOf(t).values()) {
    if (!issuer && !carrier) continue;
    rows.push({ fromId: t.id, toId: a, partner: b, ...edge }, { fromId: t.id, toId: b, partner: a, ...edge });
  }
  return rows;
}

/** One document's share (or a whole extraction's, documents being disjoint in their tasks). */
export function contributionOf(tasks: Iterable<TaskFacts & { jurisdiction: string | null }>): Contribution {
  const units = new Map<string, UnitCounts>();
  // Keyed by their two parts while counting (pair-map.ts says why), by id once counted.
  const links = new PairMap<LinkCounts>();
  const pairs = new PairCounter();
  const tallies = new TallyCounter();
  for (const t of tasks) {
    tallies.add(t);
    pairs.add([...new Set(t.assignments.map((a) => a.unitId))].sort());
    // Once per unit, under its strongest role (ROLE_RANK): as cypher/read/unit-load counts.
    for (const [unitId, role] of strongestRoles(t.assignments)) {
      let c = units.get(unitId);
      if (!c) units.set(unitId, (c = emptyCounts()));
      c[role]++;
      if (t.dueDate) {
        const byDate = (c.due[role] ??= {});
        byDate[t.dueDate] = (byDate[t.dueDate] ?? 0) + 1;
      }
    }
    for (const { from, to, issuer, carrier, comention } of tiesOf(t).values()) {
      const l = links.upsert(from, to, () => ({ from, to, tasks: 0, issuerTasks: 0, carrierTasks: 0, comentionTasks: 0 }));
      l.tasks++;
      if (issuer) l.issuerTasks++;
      // Counted once: issuerTasks + carrierTasks is the tasks that make the two parties.
      else if (carrier) l.carrierTasks++;
      if (comention) l.comentionTasks++;
    }
  }
  return {
    units,
    links: new Map([...links.entries()].map(([a, b, l]) => [`${a}|${b}`, l])),
    pairs: pairs.counts(),
    tallies: tallies.tallies,
  };
}

/**
 * The units sharing tasks, counted per pair. A bulk load counts a million pairs or more: each is
 * a number (the two units' indexes) pushed on an array, sorted and counted in runs at the end —
 * a hash look-up per pair took 3–4 s at 10,000 plans on this machine.
 */
class PairCounter {
  private readonly index = new Map<string, number>();
  private readonly names: string[] = [];
  private codes = new Float64Array(1024);
  private n = 0;

  /** The units named by one task, distinct and sorted: each pair of them shares the task. */
  add(named: readonly string[]): void {
    const ids = named.map((u) => {
      let i = this.index.get(u);
      if (i === undefined) {
        this.index.set(u, (i = this.names.length));
        this.names.push(u);
      }
      return i;
    });
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        if (this.n === this.codes.length) {
          const grown = new Float64Array(this.codes.length * 2);
          grown.set(this.codes);
          this.codes = grown;
        }
        this.codes[this.n++] = ids[i]! * PAIR_BASE + ids[j]!;
      }
    }
  }

  /** The pairs by id (`a|b`, a < b). */
  counts(): Map<string, PairCounts> {
    if (this.names.length > PAIR_BASE) throw new Error(`more than ${PAIR_BASE} units in one load`);
    const codes = this.codes.subarray(0, this.n).sort();
    const out = new Map<string, PairCounts>();
    for (let i = 0; i < codes.length; ) {
      let j = i + 1;
      while (j < codes.length && codes[j] === codes[i]) j++;
      const a = this.names[Math.floor(codes[i]! / PAIR_BASE)]!;
      const b = this.names[codes[i]! % PAIR_BASE]!;
      out.set(`${a}|${b}`, { a, b, tasks: j - i });
      i = j;
    }
    return out;
  }
}
/** Two unit indexes in one number: exact while a × 2²⁴ + b < 2⁵³. */
const PAIR_BASE = 2 ** 24;

/** before − removed + added, for one unit. */
export function applyCounts(before: UnitCounts, removed: UnitCounts | undefined, added: UnitCounts | undefined): UnitCounts {
  const out: UnitCounts = { lead: before.lead, responsible: before.responsible, participant: before.participant, due: {} };
  for (const r of ROLES) out[r] += (added?.[r] ?? 0) - (removed?.[r] ?? 0);
  for (const r of ROLES) {
    const dates = new Map(Object.entries(before.due[r] ?? {}));
    for (const [d, n] of Object.entries(removed?.due[r] ?? {})) dates.set(d, (dates.get(d) ?? 0) - n);
    for (const [d, n] of Object.entries(added?.due[r] ?? {})) dates.set(d, (dates.get(d) ?? 0) + n);
    const kept = [...dates].filter(([, n]) => n > 0);
    if (kept.length) out.due[r] = Object.fromEntries(kept);
  }
  return out;
}

export function applyLink(before: LinkCounts | undefined, removed: LinkCounts | undefined, added: LinkCounts | undefined): LinkCounts {
  const base = before ?? added ?? removed!;
  const out = { from: base.from, to: base.to } as LinkCounts;
  for (const k of LINK_COUNTS) out[k] = (before?.[k] ?? 0) - (removed?.[k] ?? 0) + (added?.[k] ?? 0);
  return out;
}

export function applyPair(before: PairCounts | undefined, removed: PairCounts | undefined, added: PairCounts | undefined): PairCounts {
  const base = before ?? added ?? removed!;
  return { a: base.a, b: base.b, tasks: (before?.tasks ?? 0) - (removed?.tasks ?? 0) + (added?.tasks ?? 0) };
}

export const pairRow = (p: PairCounts) => ({ id: `${p.a}|${p.b}`, jurisdictionCode: jurisdictionOfUnit(p.a), aId: p.a, bId: p.b, tasks: p.tasks });

/** The stored form of the due counts: roles in a fixed order, dates sorted, so equal counts are equal text. */
export function dueJson(due: UnitCounts['due']): string {
  const out: Record<string, Record<string, number>> = {};
  for (const r of ROLES) {
    const dates = Object.entries(due[r] ?? {}).filter(([, n]) => n > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (dates.length) out[r] = Object.fromEntries(dates);
  }
  return JSON.stringify(out);
}

export function parseDue(json: unknown): UnitCounts['due'] {
  try {
    return typeof json === 'string' && json ? (JSON.parse(json) as UnitCounts['due']) : {};
  } catch {
    return {};
  }
}

/** Counts from a unit row of cypher/read/unit-analytics (or load/unit-analytics). */
export function countsOfRow(r: Row): UnitCounts {
  const n = (v: unknown) => (typeof v === 'number' && v > 0 ? v : 0);
  return { lead: n(r.leadTasks), responsible: n(r.responsibleTasks), participant: n(r.participantTasks), due: parseDue(r.dueCounts) };
}

/** Tasks per role due between from and to (ISO dates, inclusive). */
export function dueBetween(c: UnitCounts, from: string, to: string): Record<Role, number> {
  const sum = (r: Role) => Object.entries(c.due[r] ?? {}).reduce((s, [d, k]) => (d >= from && d <= to ? s + k : s), 0);
  return { lead: sum('lead'), responsible: sum('responsible'), participant: sum('participant') };
}

/** Unit rows for set-unit-analytics. */
export function unitAnalyticsRow(id: string, c: UnitCounts) {
  return { id, leadTasks: c.lead, responsibleTasks: c.responsible, participantTasks: c.participant, dueCounts: dueJson(c.due) };
}

/**
 * Each task's jurisdiction, the regions it names and those whose governments it assigns, from the
 * rows of cypher/read/cooperation-issuer and cooperation-carrier: what tiesOf needs, for the tasks
 * that tie anything.
 */
function storedTieFacts(issuer: Row[], carrier: Row[]): Map<string, TieFacts & { id: string; mentions: string[]; carriers: string[] }> {
  const facts = new Map<string, TieFacts & { id: string; mentions: string[]; carriers: string[] }>();
  const fact = (id: string) => {
    let f = facts.get(id);
    if (!f) facts.set(id, (f = { id, jurisdiction: null, mentions: [], carriers: [] }));
    return f;
  };
  for (const r of issuer) {
    const f = fact(r.taskId as string);
    f.jurisdiction = r.fromId as string;
    f.mentions.push(r.toId as string);
  }
  for (const r of carrier) fact(r.taskId as string).carriers.push(r.fromId as string, r.toId as string);
  return facts;
}

/** What the stored graph implies, counted afresh from every assignment and mention. */
export async function recount(store: Pick<GraphStore, 'run'>): Promise<{
  units: Map<string, UnitCounts & { jurisdictionCode: string }>; links: Map<string, LinkCounts>; pairs: Map<string, PairCounts>; tallies: Map<string, TallyCounts>;
}> {
  const units = new Map<string, UnitCounts & { jurisdictionCode: string }>();
  for (const r of await store.run(read('unit-load'), { jurisdiction: '' })) {
    const c = units.get(r.unitId as string) ?? { ...emptyCounts(), jurisdictionCode: r.jurisdictionCode as string };
    if (r.role) c[r.role as Role] = Number(r.tasks);
    units.set(r.unitId as string, c);
  }
  for (const r of await store.run(read('unit-due-recount'))) {
    const c = units.get(r.unitId as string);
    if (c) (c.due[r.role as string] ??= {})[r.date as string] = Number(r.tasks);
  }
  const tasks = new Map<string, { issuer: Set<string>; carrier: Set<string>; comention: Set<string> }>();
  const pairOf = (r: Row) => linkId(r.fromId as string, r.toId as string);
  const add = (r: Row, kind: 'issuer' | 'carrier' | 'comention') => {
    const id = pairOf(r);
    const t = tasks.get(id) ?? { issuer: new Set(), carrier: new Set(), comention: new Set() };
    t[kind].add(r.taskId as string);
    tasks.set(id, t);
  };
  const issuer = await store.run(read('cooperation-issuer'));
  const carrier = await store.run(read('cooperation-carrier'));
  for (const r of issuer) add(r, 'issuer');
  for (const r of carrier) add(r, 'carrier');
  for (const r of await store.run(read('cooperation-comention'))) add(r, 'comention');
  const tallies = new TallyCounter();
  for (const f of storedTieFacts(issuer, carrier).values()) tallies.add(f);
  const links = new Map<string, LinkCounts>();
  for (const [id, t] of tasks) {
    const [from, to] = id.split('|') as [string, string];
    const carrierOnly = [...t.carrier].filter((x) => !t.issuer.has(x)).length;
    links.set(id, { from, to, tasks: new Set([...t.issuer, ...t.carrier, ...t.comention]).size, issuerTasks: t.issuer.size, carrierTasks: carrierOnly, comentionTasks: t.comention.size });
  }
  const pairs = new Map<string, PairCounts>();
  for (const r of await store.run(read('unit-pairs-recount'))) {
    const [a, b] = [r.aId as string, r.bId as string];
    pairs.set(`${a}|${b}`, { a, b, tasks: Number(r.tasks) });
  }
  return { units, links, pairs, tallies: tallies.tallies };
}

/** Write counts and links counted afresh: every unit's, and every link replaced. One transaction. */
export async function rewriteAnalytics(store: GraphStore): Promise<void> {
  const { units, links, pairs, tallies } = await recount(store);
  await store.write(async (tx) => {
    const byJurisdiction = new Map<string, ReturnType<typeof unitAnalyticsRow>[]>();
    for (const [id, c] of units) {
      const rows = byJurisdiction.get(c.jurisdictionCode) ?? [];
      rows.push(unitAnalyticsRow(id, c));
      byJurisdiction.set(c.jurisdictionCode, rows);
    }
    for (const [jurisdictionCode, rows] of byJurisdiction) await tx.run(load('set-unit-analytics'), { jurisdictionCode, rows });
    await tx.run(load('delete-all-region-links'));
    await writeLinks(tx, [...links.values()]);
    await tx.run(load('delete-all-unit-pairs'));
    const rows = [...pairs.values()].map(pairRow);
    for (let i = 0; i < rows.length; i += 5000) await tx.run(load('create-unit-pairs'), { rows: rows.slice(i, i + 5000) });
    await tx.run(load('delete-all-region-tallies'));
    const tallyRows = [...tallies.values()].map(tallyRow);
    for (let i = 0; i < tallyRows.length; i += 5000) await tx.run(load('create-region-tallies'), { rows: tallyRows.slice(i, i + 5000) });
    await tx.run(load('set-document-task-counts'));
  });
}

export async function writeLinks(tx: QueryRunner, links: LinkCounts[]): Promise<void> {
  const rows = links.map(linkRow);
  for (let i = 0; i < rows.length; i += 5000) await tx.run(load('create-region-links'), { rows: rows.slice(i, i + 5000) });
}

/**
 * A store written before the analytics existed (units without counts: null on Neo4j, -1 where
 * the embedded store added the column), or links written before CARRIER ties were counted, gets
 * them counted once, when it is opened.
 */
export async function ensureAnalytics(store: GraphStore): Promise<boolean> {
  const [row] = await store.run(read('units-without-analytics'));
  const [link] = await store.run(read('links-without-carriers'));
  if ((!row || Number(row.units) === 0) && (!link || Number(link.links) === 0) && !(await talliesMissing(store))) return false;
  await rewriteAnalytics(store);
  return true;
}

/**
 * Assignment edges written before they carried their task's id get it, once, when the store is
 * opened. Their task's ref and title are not filled in the same way (10,000 plans: 107 s, and more
 * than the default buffer pool): an edge without them has its task read whole (api/task-head.ts)
 * until its document is loaded again.
 */
export async function ensureAssignmentTaskIds(store: GraphStore): Promise<boolean> {
  if ((await store.run(read('assignments-without-task-ids'))).length === 0) return false;
  await store.write(async (tx) => {
    for (const name of ['set-leads-task-ids', 'set-responsible-task-ids', 'set-participates-task-ids']) await tx.run(load(name));
  });
  return true;
}

/**
 * A store written before the TIES edges existed (it has links between parties but no edge) gets
 * them, once, when it is opened: each task's ties worked out from its issuer, the regions it
 * names and those it assigns (the rows the recount reads), all written or none.
 */
export async function ensureTies(store: GraphStore): Promise<boolean> {
  if ((await store.run(read('any-tie'))).length > 0 || (await store.run(read('party-links'))).length === 0) return false;
  const facts = storedTieFacts(await store.run(read('cooperation-issuer')), await store.run(read('cooperation-carrier')));
  const rows: Row[] = [];
  for (const p of await store.run(read('task-positions'))) {
    const f = facts.get(p.id as string);
    if (f) rows.push(...tieRows(f, { documentId: p.documentId as string, start: Number(p.start), ref: p.ref as string, title: p.title as string }));
  }
  if (store.fillRelationships) await store.fillRelationships('TIES', rows);
  else await unwindRelationships(store, 'create-ties', 'delete-some-ties', rows);
  return true;
}

/** Whether a region tied as a party has no node tally: a store written before the tallies existed. */
async function talliesMissing(store: GraphStore): Promise<boolean> {
  const tree = gazetteerTree();
  const hierarchy = perPair((a, b) => isHierarchy(a, b, tree));
  const tied = (await store.run(read('party-links'))).filter((l) => !hierarchy(l.fromId as string, l.toId as string));
  if (tied.length === 0) return false;
  const counted = new Set((await store.run(read('node-tallies'))).map((r) => r.id as string));
  return tied.some((l) => !counted.has(l.fromId as string) || !counted.has(l.toId as string));
}

/** The tallies a write touches, as they stand: read before anything is written (see loader.ts). */
export async function readTallies(tx: QueryRunner, ids: string[]): Promise<Map<string, TallyCounts>> {
  return new Map((await tx.run(load('region-tallies'), { ids })).map((r): [string, TallyCounts] => [r.id as string, tallyCountsOf(r)]));
}

/** Those tallies replaced by before − removed + added; a tally down to 0 tasks goes. */
export async function writeTallies(
  tx: QueryRunner, before: Map<string, TallyCounts>, removed: Map<string, TallyCounts>, added: Map<string, TallyCounts>,
): Promise<void> {
  const ids = [...new Set([...removed.keys(), ...added.keys()])];
  await tx.run(load('delete-region-tallies'), { ids: [...before.keys()] });
  await tx.run(load('create-region-tallies'), {
    rows: ids.map((id) => applyTally(before.get(id), removed.get(id), added.get(id))).filter((t) => t.tasks > 0).map(tallyRow),
  });
}

/** The ids of the tallies a write touches. */
export const touchedTallies = (removed: Contribution, added: Contribution) => [...new Set([...removed.tallies.keys(), ...added.tallies.keys()])];

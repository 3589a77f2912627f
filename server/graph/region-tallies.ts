/**
 * The region network's counts, kept with every load like the links (analytics.ts), so that the
 * network and the folded cooperation links are read, not counted afresh from every task's
 * mentions and assignments (which at 100,000 plans took longer than a request may).
 *
 * A task ties two regions as parties (analytics/cooperation.ts in the API says the rule): its
 * jurisdiction and a region it names outside it, or two regions whose governments it assigns;
 * a region above or below the other is hierarchy, never a tie. Folded (the network at a
 * province's scale), a county is drawn as its city, and a task counts once per pair of drawn
 * regions however many of its ties fall on it — so the counts must be taken per task, which
 * only a write sees. Each task adds 1 to each of these (RegionTally nodes, id `scale|from|to`):
 *
 * - `F|a|b`: folded pair (a < b, both as drawn folded) — the link between two cities;
 * - `H|x|c`: region x drawn as itself (a county, or a city, whose city is opened) and c as
 *   drawn folded — the link from an opened city's county to a folded city;
 * - `N|r|`:  tasks tying r to any region (the node's tasks, unfolded);
 * - `NF|r|`: tasks tying r, as drawn folded, to a region drawn elsewhere (the node's tasks, folded);
 * - `I|r|`:  tasks an issuer wrote naming r within its own territory (r drawn inside it, no line).
 *
 * Two opened regions' link is the unfolded RegionLink itself.
 */
import { gazetteer } from '../extract/gazetteer';
import { PairMap } from './pair-map';

/** What the rule needs of the region tree: each region's level and `within` (parents, named areas included). */
export type RegionTree = ReadonlyMap<string, { level: string; within: readonly string[] }>;

export type TallyScale = 'F' | 'H' | 'N' | 'NF' | 'I';
export interface TallyCounts { scale: TallyScale; from: string; to: string; tasks: number }

export const tallyId = (scale: TallyScale, from: string, to = '') => `${scale}|${from}|${to}`;
export const tallyRow = (t: TallyCounts) => ({ id: tallyId(t.scale, t.from, t.to), scale: t.scale, fromId: t.from, toId: t.to, tasks: t.tasks });

let shared: RegionTree | undefined;
/** The divisions as the extraction writes them (Region nodes are fixed by their ids): the tree every write counts with. */
export function gazetteerTree(): RegionTree {
  return (shared ??= new Map([...gazetteer().regions.values()].map((r) => [r.id, { level: r.level, within: [r.within, ...r.partOf].filter((w): w is string => !!w) }])));
}

/** A region's administrative parents (named areas left out). */
const adminParents = (id: string, regions: RegionTree) => (regions.get(id)?.within ?? []).filter((w) => regions.get(w)?.level !== 'area');

/**
 * Whether region `a` lies within `b` administratively, at any depth (新宁县 within 邵阳市 within
 * 湖南省). Named areas (粤港澳大湾区, 长株潭) are blocs of partners, never a level of government:
 * 湘潭's tasks for 长株潭 are cooperation, so the walk neither starts from nor passes through one.
 */
export function isWithin(a: string, b: string, regions: RegionTree): boolean {
  if (regions.get(a)?.level === 'area' || regions.get(b)?.level === 'area') return false;
  const seen = new Set<string>();
  const stack = adminParents(a, regions);
  while (stack.length) {
    const w = stack.pop()!;
    if (w === b) return true;
    if (seen.has(w)) continue;
    seen.add(w);
    stack.push(...adminParents(w, regions));
  }
  return false;
}

/** Whether one region lies within the other: hierarchy, not cooperation. */
export const isHierarchy = (a: string, b: string, regions: RegionTree) => isWithin(a, b, regions) || isWithin(b, a, regions);

/** `test` worked out once per pair of regions: the rows repeat a few hundred pairs many thousand times. */
export function perPair(test: (a: string, b: string) => boolean): (a: string, b: string) => boolean {
  const known = new PairMap<boolean>();
  return (a, b) => known.upsert(a, b, () => test(a, b));
}

/** The city (prefecture) a county is drawn as when folded; undefined for anything else. */
export const cityOf = (id: string, regions: RegionTree) =>
  regions.get(id)?.level === 'county' ? regions.get(id)!.within.find((w) => regions.get(w)?.level === 'prefecture') : undefined;

/** A region as drawn folded: a county as its city, anything else as itself. */
export const foldedAs = (id: string, regions: RegionTree) => cityOf(id, regions) ?? id;

/** What a task is for the tallies: its document's jurisdiction, the regions it names and those whose governments it assigns. */
export interface TallyTask { jurisdiction: string | null; mentions: readonly string[]; carriers: readonly string[] }

/** Counts tasks into tallies, one task at a time (a pair counted once per task). */
export class TallyCounter {
  /** scale → from → to → counts; `task`: the last task counted, so a task counts once per tally. */
  private readonly counts = new Map<TallyScale, PairMap<TallyCounts & { task: number }>>();
  private task = 0;
  private byId: Map<string, TallyCounts> | undefined;
  private readonly hierarchy: (a: string, b: string) => boolean;
  private readonly within: (a: string, b: string) => boolean;
  private readonly drawnAs = new Map<string, string>();
  private readonly openable = new Map<string, boolean>();

  constructor(private readonly regions: RegionTree = gazetteerTree()) {
    this.hierarchy = perPair((a, b) => isHierarchy(a, b, regions));
    this.within = perPair((a, b) => isWithin(a, b, regions));
  }

  /** The counts by tally id. */
  get tallies(): Map<string, TallyCounts> {
    if (!this.byId) {
      this.byId = new Map();
      for (const scaled of this.counts.values()) {
        for (const [from, to, { scale, tasks }] of scaled.entries()) this.byId.set(tallyId(scale, from, to), { scale, from, to, tasks });
      }
    }
    return this.byId;
  }

  private fold(id: string): string {
    let to = this.drawnAs.get(id);
    if (to === undefined) this.drawnAs.set(id, (to = foldedAs(id, this.regions)));
    return to;
  }

  /** Whether opening a city draws this region as itself: the city's counties, and the city. */
  private opens(id: string): boolean {
    let o = this.openable.get(id);
    if (o === undefined) this.openable.set(id, (o = this.regions.get(id)?.level === 'prefecture' || cityOf(id, this.regions) !== undefined));
    return o;
  }

  add(t: TallyTask): void {
    const task = ++this.task;
    this.byId = undefined;
    const mark = (scale: TallyScale, from: string, to = '') => {
      let scaled = this.counts.get(scale);
      if (!scaled) this.counts.set(scale, (scaled = new PairMap()));
      const c = scaled.upsert(from, to, () => ({ scale, from, to, tasks: 0, task: 0 }));
      if (c.task !== task) {
        c.task = task;
        c.tasks++;
      }
    };
    const tie = (a: string, b: string) => {
      if (a === b || this.hierarchy(a, b)) return;
      mark('N', a);
      mark('N', b);
      const [fa, fb] = [this.fold(a), this.fold(b)];
      if (fa === fb) return;
      mark('F', fa < fb ? fa : fb, fa < fb ? fb : fa);
      mark('NF', fa);
      mark('NF', fb);
      if (this.opens(a)) mark('H', a, fb);
      if (this.opens(b)) mark('H', b, fa);
    };
    const places = [...new Set(t.mentions)];
    if (t.jurisdiction) {
      for (const m of places) {
        tie(t.jurisdiction, m);
        if (m !== t.jurisdiction && this.within(m, t.jurisdiction)) mark('I', m);
      }
    }
    const carriers = [...new Set(t.carriers)];
    for (let i = 0; i < carriers.length; i++) for (let j = i + 1; j < carriers.length; j++) tie(carriers[i]!, carriers[j]!);
  }
}

/** before − removed + added, for one tally. */
export function applyTally(before: TallyCounts | undefined, removed: TallyCounts | undefined, added: TallyCounts | undefined): TallyCounts {
  const base = before ?? added ?? removed!;
  return { scale: base.scale, from: base.from, to: base.to, tasks: (before?.tasks ?? 0) - (removed?.tasks ?? 0) + (added?.tasks ?? 0) };
}

export const tallyCountsOf = (r: Record<string, unknown>): TallyCounts =>
  ({ scale: r.scale as TallyScale, from: r.fromId as string, to: r.toId as string, tasks: Number(r.tasks) });

import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { gazetteer } from '../extract/gazetteer';
import { toSimplified } from '../extract/simplify';
import { read } from '../graph/queries';
import type { Budget } from '../graph/budget';
import type { AnswerSizes } from './answer-sizes';
import { storeBehind } from '../graph/request-store';
import { progressOf } from './accounts/guard';
import type { Config } from '../config';
import type { GraphStore, Row } from '../graph/store';
import { countsOfRow, dueBetween, linkId, strongestRoles } from '../graph/analytics';
import { byKeys } from '../graph/values';
import { cityOf, gazetteerTree, isHierarchy, isWithin, perPair } from '../graph/region-tallies';
import { buildLinks, linksOf, partyTasks, type Link, type StoredLink } from './analytics/cooperation';
import { findGaps } from './analytics/gaps';
import { foldProvinces, type JurisdictionCounts } from './analytics/province-fold';
import { buildRegionNetwork, countedNetwork, drawnAsItself, keptNetwork, type NetworkCounts, type RegionNode } from './analytics/region-network';
import { FollowUpIndex, type CorpusTask, type FollowUpMatch } from './analytics/follow-ups';
import { computeLoads, MIN_PEERS, ranking, type Counts, type Measure, type UnitLoad } from './analytics/load';
import { parseIsoDate, periodOf, taskStatus, today } from './analytics/status';
import { checkLedgerFilter, ledgerRows, LedgerInputError } from './ledger';
import { notFound, userError } from './errors';
import { checkIngestAuth, ingestDocument } from './ingest';
import type { ReaderPool } from '../ingest/reader-pool';
import type { Loaders } from './loaders';
import type { AuthContext } from '../http/auth';
import type { AssignmentRow, DocumentRow, RegionRow, TaskRow, UnitRow } from './rows';
import { onWholeTask, taskHead, tasksOf, type TaskHead } from './task-head';
import { countsInScope, pairsInScope, unitsInScope, yearScope, type YearScope } from './years/scope';
import { pacer } from '../pace';
import { perRows } from './per-rows';
import { strongestTies, type Tie } from './analytics/strongest-ties';

export interface Context {
  /** The store as this request sees it: its reads carry the request's time budget (graph/request-store.ts). */
  store: GraphStore;
  /** The request's time budget (graph/budget.ts); absent outside the HTTP route (tests that call the executor). */
  budget?: Budget;
  loaders: Loaders;
  config: Config;
  authorization?: string;
  /** Where uploads are read and extracted (ingest/reader-pool.ts); absent, extraction runs here. */
  readers?: ReaderPool;
  /** Who asks, and the accounts and audit log (server/http/auth.ts). */
  auth?: AuthContext;
  /** Called when this answer may be kept for the same question asked again (api/response-cache.ts). */
  keepAnswer?: () => void;
  /** What heavy questions weighed when answered (answer-sizes.ts); absent, each is taken at its worst case. */
  sizes?: AnswerSizes;
  /** A heavy question being weighed: the longest list each field returned (bounds.ts, answer-sizes.ts). */
  listLengths?: Map<string, number>;
}

type Role = AssignmentRow['role'];
type Args = Record<string, unknown>;

const MAX_LIMIT = 500;
/** regionNetwork without top: the strongest this many links (RegionNetwork.links' @list bound). */
const MAX_NETWORK_LINKS = 5000;
const limitOf = (n: unknown, fallback: number) => {
  const v = typeof n === 'number' ? n : fallback;
  if (v < 1 || v > MAX_LIMIT) throw userError(`limit must be between 1 and ${MAX_LIMIT}, got ${v}`);
  return v;
};

/**
 * One page of a list: `offset` items skipped, then `limit` (its schema default when absent).
 * The range of limit is checked against the field's @list bound before anything runs (bounds.ts).
 */
function page<T>(list: T[], { limit, offset }: Args): T[] {
  const start = typeof offset === 'number' ? offset : 0;
  if (!Number.isInteger(start) || start < 0) throw userError(`offset must be 0 or more, got ${String(offset)}`);
  return typeof limit === 'number' ? list.slice(start, start + limit) : list.slice(start);
}

/** How many matches of each kind search reads (and counts) at most. */
const SEARCH_BOUND = 500;

/** Regions named exactly the text first, then those whose name begins with it, then the rest; shorter names first. */
function rankRegions<T extends { id: string; name: string }>(list: T[], text: string): T[] {
  const rank = (r: T) => (r.name === text ? 0 : r.name.startsWith(text) ? 1 : 2);
  return [...list].sort((a, b) => rank(a) - rank(b) || a.name.length - b.name.length || a.id.localeCompare(b.id));
}

/** Task ids (task id = document id + ':' + ref), in turns across documents: the first of each, then the second… */
function acrossDocuments(ids: string[]): string[] {
  const byDoc = new Map<string, string[]>();
  for (const id of ids) {
    const doc = id.slice(0, id.indexOf(':'));
    byDoc.set(doc, [...(byDoc.get(doc) ?? []), id]);
  }
  const lists = [...byDoc.values()];
  const out: string[] = [];
  for (let i = 0; out.length < ids.length; i++) for (const l of lists) if (i < l.length) out.push(l[i]!);
  return out;
}

/** Search text: trimmed, traditional → simplified, so 發改委 finds 发改委. */
function searchText(text: unknown, name = 'text'): string {
  const t = toSimplified(String(text ?? '').trim());
  if (t.length > 100) throw userError(`${name} is too long (${t.length} characters; at most 100)`);
  return t;
}

const compact = <T>(xs: Array<T | null | undefined>): T[] => xs.filter((x): x is T => x !== null && x !== undefined);
const json = <T>(s: string | null | undefined, fallback: T): T => {
  try {
    return s ? (JSON.parse(s) as T) : fallback;
  } catch {
    return fallback;
  }
};
const orNull = (s: string | null | undefined) => (s ? s : null);

/** The rows for these ids, in their order, leaving out ids that are not in the store. */
async function rowsByIds<T>(loader: { loadMany(ids: string[]): Promise<unknown[]> }, ids: string[]): Promise<T[]> {
  return (await loader.loadMany(ids)).filter((x) => x && !(x instanceof Error)) as T[];
}
const tasksByIds = (ctx: Context, ids: string[]) => rowsByIds<TaskRow>(ctx.loaders.task, ids);
// region-ties names a tie's task and its head so (task-head.ts).
const TIE_HEAD = { id: 'id', ref: 'taskRef', title: 'taskTitle' };
/** The tasks of search-tasks' rows with these ids, in their order: heads, as the rows have them. */
async function searchedTasks(ctx: Context, rows: Row[], ids: string[]) {
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  return compact(await tasksOf(ids.map((id) => byId.get(id)!), ctx.loaders.task));
}
const unitsByIds = (ctx: Context, ids: string[]) => rowsByIds<UnitRow>(ctx.loaders.unit, ids);
async function regionById(ctx: Context, id: string | null | undefined) {
  if (!id) return null;
  return (await ctx.loaders.regions()).regions.get(id) ?? null;
}

/** A division as the gazetteer names it, for a region the store does not hold (a province drawn folded). */
function divisionRow(id: string): RegionRow & { within: string[] } {
  const r = gazetteer().get(id);
  return { id, name: r?.name ?? id, level: r?.level ?? 'province', within: r?.within ? [r.within] : [] };
}

const countsOfJurisdiction = (r: Row): JurisdictionCounts => ({ regionId: r.id as string, units: Number(r.units ?? 0), documents: Number(r.documents ?? 0), tasks: Number(r.tasks ?? 0) });

/** Each jurisdiction that issued plans or holds units, and the ties between them (within a region, of a year). */
async function jurisdictionNetwork(ctx: Context, within: unknown, year: unknown): Promise<{ jurisdictions: JurisdictionCounts[]; links: Array<{ from: string; to: string; tasks: number }> }> {
  const scope = await yearScope(ctx, year);
  const { regions, children } = await ctx.loaders.regions();
  let inside: Set<string> | null = null;
  if (within) {
    if (!regions.has(within as string)) throw userError(`no region ${String(within).slice(0, 40)} in the store: give a division code such as 430000 (湖南省)`);
    inside = new Set<string>();
    const walk = (id: string) => {
      if (inside!.has(id)) return;
      inside!.add(id);
      (children.get(id) ?? []).forEach(walk);
    };
    walk(within as string);
  }
  let jurisdictions = (await ctx.store.run(read('jurisdictions'))).filter((r) => !inside || inside.has(r.id as string));
  if (scope) {
    // That year's documents and tasks per jurisdiction, and its issuers' ties (the kept links hold every year).
    const issued = new Map<string, { documents: number; tasks: number }>();
    for (const d of await ctx.store.run(read('documents-of-year'), { planYear: scope.year })) {
      const j = d.jurisdictionCode as string | null;
      if (!j) continue;
      const n = issued.get(j) ?? { documents: 0, tasks: 0 };
      issued.set(j, { documents: n.documents + 1, tasks: n.tasks + Number(d.taskCount ?? 0) });
    }
    jurisdictions = jurisdictions.map((r) => ({ ...r, ...(issued.get(r.id as string) ?? { documents: 0, tasks: 0 }) }));
    const ids = new Set(jurisdictions.map((r) => r.id as string));
    const links = (await allLinks(ctx, scope)).filter((l) => ids.has(l.from) && ids.has(l.to)).map((l) => ({ from: l.from, to: l.to, tasks: l.taskIds.length }));
    return { jurisdictions: jurisdictions.map(countsOfJurisdiction), links };
  }
  const ids = new Set(jurisdictions.map((r) => r.id as string));
  const links = (await ctx.store.run(read('region-links'), { region: '' }))
    // The cooperation rule (analytics/cooperation.ts): ties between parties, never hierarchy.
    .filter((l) => partyTasks(l as unknown as StoredLink) > 0 && ids.has(l.fromId as string) && ids.has(l.toId as string)
      && !isHierarchy(l.fromId as string, l.toId as string, regions))
    .map((l) => ({ from: l.fromId as string, to: l.toId as string, tasks: partyTasks(l as unknown as StoredLink) }));
  return { jurisdictions: jurisdictions.map(countsOfJurisdiction), links };
}

/**
 * Every unit's counts in a jurisdiction, read from what the loads keep (no rescan); in a window, its due tasks only.
 * Under a year, counted from that year's assignments (years/scope.ts): the kept counts hold every year.
 */
async function countsIn(ctx: Context, jurisdiction: string, window?: { from: string; to: string } | null, scope?: YearScope | null): Promise<Counts[]> {
  if (scope) return countsInScope(scope, jurisdiction, window);
  const rows = await ctx.loaders.loadOf.load(jurisdiction);
  return countsOfRows([rows], window ? `${window.from}|${window.to}` : '', () => rows.map((r) => {
    const c = countsOfRow(r);
    const n = window ? dueBetween(c, window.from, window.to) : c;
    return { unitId: r.unitId as string, kind: r.kind as string, lead: n.lead, responsible: n.responsible, participant: n.participant };
  }));
}
const countsOfRows = perRows<Counts[]>();
const graphsOfRows = perRows<object>();
const regionLinksOfRows = perRows<ReturnType<typeof linksOf>>();
const evidencePages = perRows<TaskHead[] | null>();
const rankingsOfLoads = perRows<UnitLoad[]>();

/**
 * Every cooperation link with its tasks, counted from the stored assignments and mentions. Without
 * a year, worked out once per rows read (the read cache hands every request the same rows until the
 * next write), so the region network's variants and the folded links share one count.
 */
const linksOfRows = perRows<Promise<Link[]>>();
async function allLinks(ctx: Context, scope?: YearScope | null): Promise<Link[]> {
  const [issuer, carrier] = await Promise.all([ctx.store.run(read('cooperation-issuer')), ctx.store.run(read('cooperation-carrier'))]);
  const { regions } = await ctx.loaders.regions();
  if (scope) return buildLinks({ issuer: issuer.filter((r) => scope.hasTask(r.taskId as string)), carrier: carrier.filter((r) => scope.hasTask(r.taskId as string)) }, regions);
  return linksOfRows([issuer, carrier], '', () => buildLinks({ issuer, carrier }, regions));
}

/** Regions an issuer's tasks name inside its own territory, with those tasks: hierarchy, drawn nested, never linked. */
async function innerRegions(ctx: Context, scope?: YearScope | null): Promise<Map<string, Set<string>>> {
  const { regions } = await ctx.loaders.regions();
  const out = new Map<string, Set<string>>();
  const within = perPair((named, issuer) => isWithin(named, issuer, regions));
  const pace = pacer();
  for (const r of await ctx.store.run(read('cooperation-issuer'))) {
    const turn = pace();
    if (turn) await turn;
    if (scope && !scope.hasTask(r.taskId as string)) continue;
    const [issuer, named] = [r.fromId as string, r.toId as string];
    if (within(named, issuer)) out.set(named, (out.get(named) ?? new Set()).add(r.taskId as string));
  }
  return out;
}

/**
 * The links as drawn, folded (counties as their cities, except the cities in open) or not, with
 * per drawn region its tasks: read from the kept counts (graph/region-tallies.ts), or under a
 * year counted from that year's tasks (the kept counts hold every year).
 */
async function networkCounts(ctx: Context, fold: unknown, open: unknown, scope?: YearScope | null): Promise<NetworkCounts> {
  const opened = (open as string[] | null | undefined) ?? [];
  for (const id of opened) if (!/^\d{6}$/.test(id)) throw userError(`open takes division codes such as 430100 (长沙市), got "${String(id).slice(0, 20)}"`);
  const { regions } = await ctx.loaders.regions();
  const openSet = new Set(opened);
  if (scope) return countedNetwork(await allLinks(ctx, scope), await innerRegions(ctx, scope), regions, !!fold, openSet, linkId);
  // The H tallies of the regions an opened city draws as themselves: the city and its counties.
  const self = fold && openSet.size ? [...regions.keys()].filter((id) => drawnAsItself(id, regions, openSet)) : [];
  const [links, tallies] = await Promise.all([
    ctx.store.run(read('region-links'), { region: '' }),
    ctx.store.run(read('region-tallies'), { scales: fold ? ['F', 'NF', 'N', 'I'] : ['N', 'I'], opened: self.length ? self : [''] }),
  ]);
  return keptNetworks([links, tallies], `${fold ? 'fold' : ''}|${[...openSet].sort().join(',')}`,
    () => keptNetwork(linksOf(links as unknown as StoredLink[], regions), tallies, regions, !!fold, openSet, linkId));
}
const keptNetworks = perRows<NetworkCounts>();

type Regions = Awaited<ReturnType<Context['loaders']['regions']>>['regions'];
/** The region network drawn from its counts: the links at least `min` strong (opened cities' first, then the `top` strongest), their regions, and what each folds. */
function regionNetworkOf(counted: NetworkCounts, regions: Regions, min: number, fold: boolean, open: string[], top: number | null | undefined, scope: YearScope | null | undefined) {
  const { links: all, nodeTasks, inner: named, opened } = counted;
  const folded = new Map([...counted.folded].map(([city, ids]) => [city, new Set(ids)])); // added to below; the counts are shared
  const strong = all.filter((l) => l.count >= min); // strongest first
  // An opened city's counties are what the user asked to see: their links come first, whatever top says.
  const asked = (l: { from: string; to: string }) => opened.has(l.from) || opened.has(l.to);
  const drawn = top === undefined || top === null ? strong.slice(0, MAX_NETWORK_LINKS) : [...strong.filter(asked), ...strong.filter((l) => !asked(l)).slice(0, limitOf(top, 100))];
  // Inner regions (hierarchy) are drawn nested; at a province's scale a county is its city unless the city is open.
  const openCities = new Set(open);
  const inner = new Map<string, number>();
  for (const [id, tasks] of named) {
    const city = cityOf(id, regions);
    if (fold && city && !openCities.has(city)) folded.set(city, (folded.get(city) ?? new Set()).add(id));
    else inner.set(id, tasks);
  }
  const net = buildRegionNetwork(drawn, regions, nodeTasks, inner);
  return {
    moreLinks: strong.length - drawn.length,
    nodes: net.nodes.map((n) => ({ ...n, folded: folded.get(n.regionId)?.size ?? 0 })),
    // As cooperationLinks gives them (CooperationLink reads its evidence by the pairs it stands for).
    links: net.links.map((l) => ({ ...l, id: linkId(l.from, l.to), year: scope?.year ?? null })),
  };
}
const networksOfRows = perRows<ReturnType<typeof regionNetworkOf>>();

/** A cooperation link as resolved: its pair's id, with folding the pairs it stands for, and the year it is of. */
interface CooperationLinkRow { id: string; parts?: string[]; year?: number | null }

/** The tasks behind a link (of every pair it stands for), each once, in document order. */
async function evidenceOf(ctx: Context, l: CooperationLinkRow) {
  const scope = await yearScope(ctx, l.year);
  const lists = (await ctx.loaders.linkTasks.loadMany(l.parts ?? [l.id])).filter((x): x is Row[] => !(x instanceof Error));
  // One pair's list is already each task once, in document order (loaders.ts byPartner), and shared
  // between requests: copying a busy city's 21,000 ties into maps was most of cooperationLinks' time.
  let all = lists[0] ?? [];
  if (lists.length > 1) {
    const rows = new Map<string, Row>();
    for (const list of lists) for (const r of list) rows.set(r.id as string, r);
    all = [...rows.values()].sort(byKeys('documentId', 'start'));
  }
  return scope ? all.filter((r) => scope.hasDocument(r.documentId as string)) : all;
}

/** One read of the counts per request, however many of its fields are asked. */
const statsRead = new WeakMap<Context, Map<string, Promise<Row>>>();
function statsOf(ctx: Context, query: 'stats' | 'node-counts'): Promise<Row> {
  let reads = statsRead.get(ctx);
  if (!reads) statsRead.set(ctx, (reads = new Map()));
  let r = reads.get(query);
  if (!r) reads.set(query, (r = ctx.store.run(read(query)).then((rows) => rows[0] ?? {})));
  return r;
}

/** A region argument that is no region in the store: what to pass instead (division codes of regions of that name). */
async function checkRegion(ctx: Context, arg: string, id: unknown): Promise<void> {
  if (id === undefined || id === null) return;
  const { regions } = await ctx.loaders.regions();
  if (regions.has(String(id))) return;
  const text = toSimplified(String(id).trim()).slice(0, 40);
  const like = text ? [...regions.values()].filter((r) => r.name.includes(text) || text.includes(r.name.replace(/(特别行政区|自治州|市|省|县|区)$/, ''))).slice(0, 10) : [];
  throw notFound(`no region "${text}" for ${arg}: give a region id, a division code such as 430500 (邵阳市) or area:粤港澳大湾区`
    + (like.length ? `; regions matching "${text}": ${like.map((r) => `${r.id} (${r.name})`).join(', ')}` : '; search(text: …) finds regions by name'),
  { suggestions: like.map((r) => r.id) });
}

/** The cooperation links of a region (or all), or between two, strongest first (see cooperationLinks in the schema). */
async function cooperationLinks(ctx: Context, { region, partner, fold, open, year }: Args) {
  await checkRegion(ctx, 'region', region);
  await checkRegion(ctx, 'partner', partner);
  const scope = await yearScope(ctx, year);
  if (!fold && !scope) {
    const rows = await ctx.store.run(read('region-links'), { region: (region as string | null) ?? '' });
    const { regions } = await ctx.loaders.regions();
    // Once per rows read and region tree: telling a region's parents from its partners, per request, cost 2–3 % of its CPU.
    return regionLinksOfRows([rows, regions], `${String(region ?? '')}|${String(partner ?? '')}`,
      () => linksOf(rows as unknown as StoredLink[], regions, { region: region as string | null, partner: partner as string | null }));
  }
  const { links } = await networkCounts(ctx, fold, open, scope);
  const touches = (l: { from: string; to: string }, id: unknown) => !id || l.from === id || l.to === id;
  return links.filter((l) => touches(l, region) && touches(l, partner)).map((l) => {
    // With a region given, it stands first: 邵阳市 → 粤港澳大湾区.
    const flip = region && l.to === region;
    return { id: linkId(l.from, l.to), parts: l.parts, from: flip ? l.to : l.from, to: flip ? l.from : l.to, kinds: l.kinds, count: l.count, year: scope?.year ?? null };
  });
}

async function loadsOf(ctx: Context, jurisdiction: string, by: Measure, scope?: YearScope | null): Promise<UnitLoad[]> {
  return keptLoads(await countsIn(ctx, jurisdiction, null, scope), by);
}
/** Loads from counts, once per counts array and measure (without a year the counts are kept per rows read): read only. */
const loadsOfCounts = perRows<UnitLoad[]>();
const keptLoads = (counts: Counts[], by: Measure) => loadsOfCounts([counts], by, () => computeLoads(counts, by));

/** jurisdictionGraph's ties: each unit's strongest pairs kept, or every pair (null). */
const tiesOf = (v: unknown) => {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || v < 1 || v > 500) throw userError(`ties must be between 1 and 500, got ${String(v)}`);
  return v;
};

const checkJurisdiction = (j: unknown) => {
  if (!/^\d{6}$/.test(String(j))) throw userError(`jurisdiction must be a 6-digit division code such as 430500 (邵阳市), got "${String(j).slice(0, 20)}"`);
  return String(j);
};

/** A Date argument: YYYY-MM-DD and a real day, or a message saying so. */
const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, written YYYY-MM-DD.',
  serialize: (v) => v,
  parseValue: (v) => checkDate(v),
  parseLiteral: (ast) => checkDate(ast.kind === Kind.STRING ? ast.value : undefined),
});
function checkDate(v: unknown): string {
  const s = typeof v === 'string' ? parseIsoDate(v) : null;
  if (!s) throw new GraphQLError(`a Date is written YYYY-MM-DD and must be a real day, got ${JSON.stringify(v)?.slice(0, 30)}`, { extensions: { code: 'BAD_USER_INPUT' } });
  return s;
}

const soonDaysOf = (ctx: Context, v: unknown) => {
  if (v === undefined || v === null) return ctx.config.DUE_SOON_DAYS;
  if (typeof v !== 'number' || v < 0 || v > 366) throw userError(`soonDays must be between 0 and 366, got ${String(v)}`);
  return v;
};

function checkWindow(from: string, to: string): void {
  if (from > to) throw userError(`the window ends (${to}) before it starts (${from}): swap from and to`);
}

/** Whether two jurisdictions are the same or one lies within the other (邵阳市 within 湖南省). */
async function relatedJurisdictions(ctx: Context) {
  const { regions } = await ctx.loaders.regions();
  const ancestors = (id: string | null) => {
    const out = new Set<string>();
    const walk = (x: string) => {
      if (out.has(x)) return;
      out.add(x);
      regions.get(x)?.within.forEach(walk);
    };
    if (id) walk(id);
    return out;
  };
  return {
    related: (a: string | null, b: string | null) => !!a && !!b && (ancestors(a).has(b) || ancestors(b).has(a)),
    // 邵阳市 → 邵阳 too: texts name places without their level.
    placeNames: [...regions.values()].flatMap((r) => [r.name, r.name.replace(/(特别行政区|自治州|自治县|地区|市|省|县|区)$/, '')]),
  };
}

/** The follow-up index of the stored corpus, rebuilt only when the documents change. */
const followUpCache = new WeakMap<object, { rows: Row[]; signature: string; index: Promise<FollowUpIndex> }>();
const NO_FOLLOW_UPS = new FollowUpIndex([], () => false, []);
async function followUpIndex(ctx: Context): Promise<FollowUpIndex> {
  // Follow-ups are a report's: with no report stored, none, and every task's text is not read (90 MB at 10,000 plans).
  if ((await ctx.store.run(read('any-report'))).length === 0) return NO_FOLLOW_UPS;
  const rows = await ctx.store.run(read('follow-up-corpus'));
  const key = storeBehind(ctx.store); // kept across requests: by the store, not the request's view of it
  const cached = followUpCache.get(key);
  // The read cache hands back the same rows until a write: no signature of 200,000 rows to compare then.
  if (cached?.rows === rows) return cached.index;
  const signature = [...new Set(rows.map((r) => `${r.documentId as string}@${r.sha256 as string}`))].join('|');
  if (cached?.signature === signature) {
    cached.rows = rows;
    return cached.index;
  }
  const index = (async () => {
    const { related, placeNames } = await relatedJurisdictions(ctx);
    const corpus: CorpusTask[] = rows.map((r) => ({
      id: r.id as string, documentId: r.documentId as string, kind: r.kind as string, jurisdictionCode: (r.jurisdictionCode as string | null) ?? null,
      title: r.title as string, text: r.text as string, items: json(r.items as string, []),
    }));
    return new FollowUpIndex(corpus, related, placeNames);
  })();
  followUpCache.set(key, { rows, signature, index });
  index.catch(() => followUpCache.delete(key));
  return index;
}

export const resolvers = {
  Role: { LEAD: 'lead', RESPONSIBLE: 'responsible', PARTICIPANT: 'participant' },
  UnitKind: {
    DEPARTMENT: 'department', PARTY_ORGAN: 'party_organ', COUNTY_GOVERNMENT: 'county_government', ZONE: 'zone',
    VERTICAL_AGENCY: 'vertical_agency', ENTERPRISE: 'enterprise', INSTITUTION: 'institution', FEDERATION: 'federation', COLLECTIVE: 'collective',
  },
  DocumentKind: { PLAN: 'plan', REPORT: 'report' },
  LeadRule: { FIRST_LISTED: 'first-listed', FIRST_LISTED_BY_CONVENTION: 'first-listed-by-convention', EXPLICIT: 'explicit', NONE: 'none' },
  RegionLevel: { PROVINCE: 'province', PREFECTURE: 'prefecture', COUNTY: 'county', AREA: 'area' },
  DeadlineKind: { DATE: 'date', ONGOING: 'ongoing', PERIODIC: 'periodic', UNPARSED: 'unparsed' },
  Date: DateScalar,

  Query: {
    documents: async (_: unknown, args: Args, ctx: Context) => {
      // One page of ids, then their rows: never every document's row.
      const offset = typeof args.offset === 'number' ? args.offset : 0;
      if (!Number.isInteger(offset) || offset < 0) throw userError(`offset must be 0 or more, got ${String(args.offset)}`);
      const limit = typeof args.limit === 'number' ? args.limit : 5000; // the field's @list bound
      const ids = await ctx.store.run(read('document-ids-page'), { jurisdiction: args.jurisdiction ? checkJurisdiction(args.jurisdiction) : '', skip: offset, limit });
      return rowsByIds<DocumentRow>(ctx.loaders.document, ids.map((r) => r.id as string));
    },
    document: (_: unknown, { id }: Args, ctx: Context) => ctx.loaders.document.load(id as string),
    unit: async (_: unknown, { id }: Args, ctx: Context) => {
      const found = await ctx.loaders.unit.load(id as string);
      if (found) return found;
      // Silence would leave the caller guessing: say what an id looks like and which units the name fits.
      const text = String(id);
      const name = searchText(text.slice(text.indexOf(':') + 1).slice(0, 100));
      const like = name ? (await ctx.store.run(read('unit-ids'), { jurisdiction: '', kind: '', text: name, limit: 10 })).map((r) => r.id as string) : [];
      throw notFound(`no unit "${text.slice(0, 60)}": a unit id is its jurisdiction's division code and its name, such as 430500:市商务局`
        + (like.length ? `; units matching "${name}": ${like.join(', ')}` : '; search(text: …) finds units by name'), { suggestions: like });
    },
    units: async (_: unknown, { filter, limit }: Args, ctx: Context) => {
      const f = (filter ?? {}) as { jurisdiction?: string; kind?: string; text?: string; year?: number };
      const scope = await yearScope(ctx, f.year);
      const n = limitOf(limit, 100);
      const rows = await ctx.store.run(read('unit-ids'), {
        jurisdiction: f.jurisdiction ?? '', kind: f.kind ?? '', text: searchText(f.text), limit: scope ? MAX_LIMIT : n,
      });
      const mine = scope ? await unitsInScope(scope) : null;
      return unitsByIds(ctx, rows.map((r) => r.id as string).filter((id) => !mine || mine.has(id)).slice(0, n));
    },
    task: (_: unknown, { id }: Args, ctx: Context) => ctx.loaders.task.load(id as string),
    tasks: async (_: unknown, { filter, limit, offset }: Args, ctx: Context) => {
      const f = (filter ?? {}) as { document?: string; unit?: string; role?: Role; region?: string; text?: string };
      if (f.role && !f.unit) throw userError('filter.role needs filter.unit: say whose role to look for');
      // Ids in document order — the store's, when a document or a text is asked for or nothing narrows,
      // else a unit's assignments' (read in that order) — so that only the page asked for is read
      // whole: every task of 2,000 plans read for limit 5 ran out of time, a busy unit's took 1.3 s.
      let ordered = f.document || f.text || (!f.unit && !f.region)
        ? (await ctx.store.run(read('task-ids'), { documentId: f.document ?? '', text: searchText(f.text) })).map((r) => r.id as string)
        : null;
      const narrowing: Array<Set<string>> = [];
      if (f.unit) {
        const mine = (await ctx.loaders.assignmentsOfUnit.load(f.unit)).filter((a) => !f.role || a.role === f.role).map((a) => a.taskId as string);
        if (ordered) narrowing.push(new Set(mine));
        else ordered = [...new Set(mine)];
      }
      if (f.region) narrowing.push(new Set((await ctx.store.run(read('region-task-ids'), { regionIds: [f.region] })).map((r) => r.id as string)));
      const kept = (id: string) => narrowing.every((ids) => ids.has(id));
      const range = { limit: limitOf(limit, 200), offset };
      if (ordered) return tasksByIds(ctx, page(narrowing.length ? ordered.filter(kept) : ordered, range));
      // A region's tasks: read whole, then put in document order as the store orders (code points).
      const tasks = await tasksByIds(ctx, [...narrowing[0]!]);
      return page(tasks.sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : a.start - b.start)), range);
    },
    search: async (_: unknown, { text, limit, offset, year }: Args, ctx: Context) => {
      const t = searchText(text);
      if (t === '') throw userError('search text is empty: type a unit, task or place, e.g. 发改委 or 大湾区');
      const n = limitOf(limit, 20);
      const ids = (rows: Row[]) => rows.map((x) => x.id as string);
      const scope = await yearScope(ctx, year);
      // Every match up to the bound, so that the page can be ranked and the totals told.
      let [u, tk, r, l] = await Promise.all([
        ctx.store.run(read('search-units'), { text: t, limit: SEARCH_BOUND }),
        ctx.store.run(read('search-tasks'), { text: t, limit: SEARCH_BOUND }),
        ctx.store.run(read('search-regions'), { text: t, limit: SEARCH_BOUND }),
        ctx.store.run(read('search-leaders'), { text: t, limit: SEARCH_BOUND }),
      ]);
      if (scope) {
        // Under a year: its tasks, the units and leaders named in them; places are of every year.
        const units = await unitsInScope(scope);
        const led = await ctx.loaders.tasksOfLeader.loadMany(ids(l));
        tk = tk.filter((x) => scope.hasTask(x.id as string));
        u = u.filter((x) => units.has(x.id as string));
        l = l.filter((_x, i) => { const ts = led[i]; return !(ts instanceof Error) && !!ts?.some((y) => scope.hasTask(y.taskId as string)); });
      }
      const regions = (await ctx.loaders.regions()).regions;
      const pageOf = <T>(list: T[]) => page(list, { limit: n, offset });
      return {
        units: await unitsByIds(ctx, pageOf(ids(u))),
        tasks: await searchedTasks(ctx, tk, pageOf(acrossDocuments(ids(tk)))),
        regions: pageOf(rankRegions(compact(ids(r).map((id) => regions.get(id))), t)),
        leaders: await rowsByIds<Row>(ctx.loaders.leader, pageOf(ids(l))),
        total: { units: u.length, tasks: tk.length, regions: r.length, leaders: l.length },
      };
    },
    overloadedUnits: async (_: unknown, { jurisdiction, kind, by, top, due, year }: Args, ctx: Context) => {
      checkJurisdiction(jurisdiction);
      const window = due as { from: string; to: string } | null | undefined;
      if (window) checkWindow(window.from, window.to);
      const loads = keptLoads(await countsIn(ctx, jurisdiction as string, window, await yearScope(ctx, year)), (by as Measure) ?? 'WEIGHTED');
      return rankingsOfLoads([loads], kind ? String(kind) : '', () => ranking(loads, kind as string | null)).slice(0, limitOf(top, 10));
    },
    cooperationLinks: async (_: unknown, args: Args, ctx: Context) => page(await cooperationLinks(ctx, args), { limit: args.limit }),
    jurisdictionNetwork: async (_: unknown, { within, year, fold, open }: Args, ctx: Context) => {
      const opened = (open as string[] | null) ?? [];
      if (opened.length > 100) throw userError(`open: at most 100 ids, not ${opened.length}`);
      const net = await jurisdictionNetwork(ctx, within, year);
      if (fold) return foldProvinces(net, opened, gazetteerTree());
      return { ...net, links: net.links.map((l) => ({ ...l, summed: false })), provinces: [], folded: [], count: net.jurisdictions.length };
    },
    jurisdictionGraph: async (_: unknown, { jurisdiction, limit, year, ties }: Args, ctx: Context) => {
      const j = checkJurisdiction(jurisdiction);
      const n = limitOf(limit, 500);
      const k = tiesOf(ties);
      const scope = await yearScope(ctx, year);
      const [counts, pairs, memberships] = await Promise.all([
        countsIn(ctx, j, null, scope),
        scope ? pairsInScope(scope, j) : ctx.store.run(read('unit-pairs'), { jurisdiction: j }),
        ctx.store.run(read('memberships-in'), { jurisdiction: j }),
      ]);
      const graph = () => {
        // Weighted, as Unit.load: a unit ringed as overloaded here is ringed in every view. Busiest (most tasks) first.
        const loads = [...keptLoads(counts, 'WEIGHTED')].sort((a, b) => b.total - a.total || a.unitId.localeCompare(b.unitId));
        const drawn = loads.slice(0, n);
        const ids = new Set(drawn.map((l) => l.unitId));
        const between = (pairs as unknown as Tie[]).filter((p) => ids.has(p.aId) && ids.has(p.bId));
        const shared = strongestTies(between, k);
        return {
          jurisdictionId: j,
          units: drawn,
          shared: shared.map((p) => ({ a: p.aId, b: p.bId, tasks: p.tasks })),
          moreShared: between.length - shared.length,
          memberships: memberships.filter((m) => ids.has(m.memberId as string) && ids.has(m.collectiveId as string))
            .map((m) => ({ member: m.memberId, collective: m.collectiveId })),
          more: loads.length - drawn.length,
        };
      };
      // Worked out once per rows read (a busy city's 1,378 pairs filtered per request were a tenth of its time).
      return scope ? graph() : graphsOfRows([counts, pairs, memberships], `${n}|${k ?? ''}`, graph);
    },
    regionNetwork: async (_: unknown, { minTasks, fold, open, top, year }: Args, ctx: Context) => {
      const scope = await yearScope(ctx, year);
      const min = typeof minTasks === 'number' ? minTasks : 1;
      if (!Number.isInteger(min) || min < 1 || min > 1000) throw userError(`minTasks must be a whole number from 1 to 1000, got ${min}`);
      const { regions } = await ctx.loaders.regions();
      const counted = await networkCounts(ctx, fold, open, scope);
      const network = () => regionNetworkOf(counted, regions, min, !!fold, (open as string[] | null | undefined) ?? [], top as number | null | undefined, scope);
      // Worked out once per rows read and arguments, as the counts it starts from.
      return scope ? network() : networksOfRows([counted, regions], `${min}|${fold ? 1 : 0}|${top ?? ''}|${[...new Set((open as string[] | null | undefined) ?? [])].sort().join(',')}`, network);
    },
    // Roots: provinces and named areas (a province may also lie within an area such as 泛珠三角区域).
    regions: async (_: unknown, __: Args, ctx: Context) => {
      const { regions } = await ctx.loaders.regions();
      return [...regions.values()].filter((r) => r.within.every((w) => regions.get(w)?.level === 'area'));
    },
    region: (_: unknown, { id }: Args, ctx: Context) => regionById(ctx, id as string),
    connection: async (_: unknown, { from, to }: Args, ctx: Context) => {
      if (from === to) throw userError('from and to are the same unit');
      const [row] = await ctx.store.run(read('connection'), { fromId: from, toId: to });
      if (!row) return null;
      const steps = (row.path as Array<Record<string, unknown>>).map((n) => ({ id: n.id as string, label: n.label as string }));
      return { steps, length: steps.length - 1 };
    },
    accountabilityGaps: async (_: unknown, { document, minJointLeads, limit }: Args, ctx: Context) => {
      const rows = await ctx.store.run(read('lead-gaps'), { documentId: (document as string) ?? '' });
      return page(findGaps(rows, (minJointLeads as number) ?? 3), { limit });
    },
    stats: () => ({}),
    leader: (_: unknown, { id }: Args, ctx: Context) => ctx.loaders.leader.load(id as string),
    timeline: async (_: unknown, args: Args, ctx: Context) => {
      const { jurisdiction, document, from, to, unit, role, by, asOf, soonDays, limit } = args as {
        jurisdiction?: string; document?: string; from: string; to: string; unit?: string; role?: string; by?: 'MONTH' | 'QUARTER';
        asOf?: string; soonDays?: number; limit: number;
      };
      checkWindow(from, to);
      if (role && !unit) throw userError('role needs unit: say whose role to look for');
      const scope = await yearScope(ctx, args.year);
      let rows = await ctx.store.run(read('tasks-due'), { from, to, jurisdiction: jurisdiction ?? '', documentId: document ?? '' });
      if (scope) rows = rows.filter((r) => scope.hasTask(r.id as string));
      if (unit) {
        const mine = new Set((await ctx.loaders.assignmentsOfUnit.load(unit)).filter((a) => !role || a.role === role).map((a) => a.taskId));
        rows = rows.filter((r) => mine.has(r.id as string));
      }
      rows = rows.slice(0, limit); // earliest first (tasks-due's order): the window's first limit entries
      const day = asOf ?? today();
      const days = soonDaysOf(ctx, soonDays);
      const buckets = new Map<string, { period: string; from: string; to: string; entries: unknown[] }>();
      // Each row a task due on its date (tasks-due): its head and status from the row alone.
      for (const [i, t] of (await tasksOf(rows, ctx.loaders.task)).entries()) {
        if (!t) continue;
        const date = rows[i]!.date as string;
        const p = periodOf(date, by ?? 'MONTH');
        if (!buckets.has(p.period)) buckets.set(p.period, { ...p, entries: [] });
        buckets.get(p.period)!.entries.push({ task: t, date, status: taskStatus('date', date, day, days), asOf: day, soonDays: days });
      }
      return [...buckets.values()];
    },
    timelineCoverage: async (_: unknown, args: Args, ctx: Context) => {
      const { jurisdiction, document, from, to, unit, role, limit } = args as {
        jurisdiction?: string; document?: string; from: string; to: string; unit?: string; role?: string; limit: number;
      };
      checkWindow(from, to);
      if (role && !unit) throw userError('role needs unit: say whose role to look for');
      const scope = await yearScope(ctx, args.year);
      const out = { tasks: 0, shown: 0, undated: 0, ongoing: 0, outside: 0, beyondLimit: 0 };
      let inWindow = 0;
      const count = (kind: unknown, date: boolean, inside: boolean, n: number) => {
        out.tasks += n;
        if (kind === 'date' && date) {
          if (inside) inWindow += n;
          else out.outside += n;
        } else if (kind === 'ongoing' || kind === 'periodic') out.ongoing += n;
        else out.undated += n;
      };
      if (unit) {
        // A unit's tasks (hundreds at most), with their documents for the jurisdiction.
        const ids = [...new Set((await ctx.loaders.assignmentsOfUnit.load(unit)).filter((a) => !role || a.role === role).map((a) => a.taskId))];
        const tasks = (await tasksByIds(ctx, ids)).filter((t) => (!document || t.documentId === document) && (!scope || scope.hasDocument(t.documentId)));
        const docs = new Map((await rowsByIds<DocumentRow>(ctx.loaders.document, [...new Set(tasks.map((t) => t.documentId))])).map((d) => [d.id, d]));
        for (const t of tasks) {
          if (jurisdiction && docs.get(t.documentId)?.jurisdictionCode !== jurisdiction) continue;
          count(t.deadlineKind, !!t.deadlineDate, t.deadlineDate >= from && t.deadlineDate <= to, 1);
        }
      } else {
        // Counted in the store: a jurisdiction's tasks are thousands, the store's hundreds of thousands.
        const tally = jurisdiction
          ? await ctx.store.run(read('task-deadline-tally-of-jurisdiction'), { documentId: document ?? '', jurisdiction, planYear: scope?.year ?? -1, from, to })
          : await ctx.store.run(read('task-deadline-tally'), { documentId: document ?? '', planYear: scope?.year ?? -1, from, to });
        for (const r of tally) count(r.kind, r.dated === true, r.inWindow === true, Number(r.tasks));
      }
      out.shown = Math.min(inWindow, limit);
      out.beyondLimit = inWindow - out.shown;
      return out;
    },
    ledger: async (_: unknown, { filter, asOf, soonDays, limit, offset }: Args, ctx: Context) => {
      const f = (filter ?? {}) as Record<string, unknown>;
      try {
        const checked = checkLedgerFilter({ ...f, role: f.role ?? undefined, year: f.year ?? undefined, asOf, soonDays: soonDays ?? undefined });
        const progress = ctx.auth ? { index: await progressOf(ctx).progress.records.index(), staleDays: ctx.config.PROGRESS_STALE_DAYS } : undefined;
        return await ledgerRows(ctx.store, checked, ctx.config.DUE_SOON_DAYS, { limit: limit as number, offset: (offset as number | undefined) ?? 0 }, progress);
      } catch (err) {
        if (err instanceof LedgerInputError) throw userError(err.message);
        throw err;
      }
    },
  },

  Mutation: {
    ingestDocument: async (_: unknown, { filename, text }: Args, ctx: Context) => {
      checkIngestAuth(ctx.config.INGEST_TOKEN, ctx.authorization);
      const r = await ingestDocument(ctx.store, String(filename), String(text), ctx.readers);
      // Read back through a fresh cache: the request's loaders may predate the load.
      const [doc] = (await ctx.store.run(read('documents-by-id'), { ids: [r.documentId] })) as unknown as DocumentRow[];
      return { ...r, document: doc };
    },
  },

  Document: {
    issuer: (d: DocumentRow) => orNull(d.issuer),
    docNumber: (d: DocumentRow) => orNull(d.docNumber),
    date: (d: DocumentRow) => orNull(d.date),
    jurisdictionEvidence: (d: DocumentRow) => orNull(d.jurisdictionEvidence),
    jurisdiction: (d: DocumentRow, _: Args, ctx: Context) => regionById(ctx, d.jurisdictionCode),
    tasks: async (d: DocumentRow, args: Args, ctx: Context) => {
      const ids = (await ctx.store.run(read('task-ids'), { documentId: d.id, text: '' })).map((r) => r.id as string);
      return tasksByIds(ctx, page(ids, args));
    },
    figures: (d: DocumentRow) => json(d.figures, []),
    text: async (d: DocumentRow, _: Args, ctx: Context) => ((await ctx.store.run(read('document-text'), { id: d.id }))[0]?.raw as string) ?? '',
  },

  Task: {
    // A list may hand on heads (id, document, ref, title: task-head.ts); these fields read the whole row.
    ...onWholeTask<Args, Context>({
      section: (t) => t.section,
      part: (t) => t.part,
      text: (t) => t.text,
      start: (t) => t.start,
      end: (t) => t.end,
      clauses: (t) => json(t.clauses, []),
      items: (t) => json(t.items, []),
      deadline: (t) => (t.deadlineKind
        ? { text: t.deadlineText, date: orNull(t.deadlineDate), kind: t.deadlineKind, start: t.deadlineStart, end: t.deadlineEnd }
        : null),
      status: (t, { asOf, soonDays }, ctx) => taskStatus(t.deadlineKind, t.deadlineDate, (asOf as string | undefined) ?? today(), soonDaysOf(ctx, soonDays)),
    }),
    document: (t: TaskRow, _: Args, ctx: Context) => ctx.loaders.document.load(t.documentId),
    assignments: async (t: TaskRow, { role }: Args, ctx: Context) =>
      (await ctx.loaders.assignmentsOfTask.load(t.id)).filter((a) => !role || a.role === role),
    regions: async (t: TaskRow, _: Args, ctx: Context) => {
      const regions = (await ctx.loaders.regions()).regions;
      return compact((await ctx.loaders.regionsOfTask.load(t.id)).map((r) => regions.get(r.regionId as string)));
    },
    leaders: async (t: TaskRow, _: Args, ctx: Context) =>
      (await ctx.loaders.leadersOfTask.load(t.id)).map((l) => ({ id: l.id, name: l.name, post: l.post, jurisdictionCode: l.jurisdictionCode })),
    followUps: async (t: TaskRow, { limit }: Args, ctx: Context) =>
      (await followUpIndex(ctx)).followUps(t.id).slice(0, limitOf(limit, 10)).map((m) => ({ ...m, otherId: m.planTaskId })),
    followedUpBy: async (t: TaskRow, { limit }: Args, ctx: Context) =>
      page((await followUpIndex(ctx)).followedUpBy(t.id), { limit }).map((m) => ({ ...m, otherId: m.reportTaskId })),
  },

  TimelineEntry: {
    leads: async (e: { task: TaskRow }, _: Args, ctx: Context) =>
      unitsByIds(ctx, [...new Set((await ctx.loaders.assignmentsOfTask.load(e.task.id)).filter((a) => a.role === 'lead').map((a) => a.unitId))]),
  },

  FollowUp: {
    task: (f: FollowUpMatch & { otherId: string }, _: Args, ctx: Context) => ctx.loaders.task.load(f.otherId),
  },

  Leader: {
    post: (l: Row) => orNull(l.post as string),
    jurisdiction: (l: Row, _: Args, ctx: Context) => regionById(ctx, l.jurisdictionCode as string),
    tasks: async (l: Row, args: Args, ctx: Context) => tasksByIds(ctx, page((await ctx.loaders.tasksOfLeader.load(l.id as string)).map((r) => r.taskId as string), args)),
  },

  LedgerRow: {
    role: (r: { role: string }) => r.role,
    deadlineText: (r: { deadlineText: string }) => orNull(r.deadlineText),
    deadlineDate: (r: { deadlineDate: string }) => orNull(r.deadlineDate),
  },

  Assignment: {
    unit: (a: AssignmentRow, _: Args, ctx: Context) => ctx.loaders.unit.load(a.unitId),
    task: (a: AssignmentRow, _: Args, ctx: Context) => taskHead(a, { id: 'taskId', ref: 'taskRef', title: 'taskTitle' }) ?? ctx.loaders.task.load(a.taskId),
    document: (a: AssignmentRow, _: Args, ctx: Context) => ctx.loaders.document.load(a.documentId),
  },

  Unit: {
    aliases: (u: UnitRow) => u.aliases ?? [],
    jurisdiction: (u: UnitRow, _: Args, ctx: Context) => regionById(ctx, u.jurisdictionCode),
    leads: async (u: UnitRow, args: Args, ctx: Context) => page(await ctx.loaders.assignmentsOfUnitAs.lead.load(u.id), args),
    responsibleFor: async (u: UnitRow, args: Args, ctx: Context) => page(await ctx.loaders.assignmentsOfUnitAs.responsible.load(u.id), args),
    participatesIn: async (u: UnitRow, args: Args, ctx: Context) => page(await ctx.loaders.assignmentsOfUnitAs.participant.load(u.id), args),
    tasks: async (u: UnitRow, { role, document, year, ...args }: Args, ctx: Context) => {
      const scope = await yearScope(ctx, year);
      // In one document: that document's assignments (a busy city's 53 units' all took 1.3 s at 10,000 plans).
      const assignments = document ? ((await ctx.loaders.assignmentsOfDocument.load(String(document))).get(u.id) ?? []) : await ctx.loaders.assignmentsOfUnit.load(u.id);
      return page(assignments
        .filter((a) => (!role || a.role === role) && (!scope || scope.hasDocument(a.documentId))), args);
    },
    // One per task under the strongest role (graph/analytics.ts strongestRoles): what load and ledger count.
    duties: async (u: UnitRow, { role, year, ...args }: Args, ctx: Context) => {
      const scope = await yearScope(ctx, year);
      const byTask = new Map<string, AssignmentRow[]>();
      for (const a of await ctx.loaders.assignmentsOfUnit.load(u.id)) if (!scope || scope.hasDocument(a.documentId)) byTask.set(a.taskId, [...(byTask.get(a.taskId) ?? []), a]);
      const duties = [...byTask].map(([taskId, assignments]) => ({ taskId, role: strongestRoles(assignments).get(u.id)!, assignments }))
        .filter((d) => d.role && (!role || d.role === role));
      return page(duties, args);
    },
    load: async (u: UnitRow, { year }: Args, ctx: Context) =>
      (await loadsOf(ctx, u.jurisdictionCode, 'WEIGHTED', await yearScope(ctx, year))).find((l) => l.unitId === u.id)
        ?? { unitId: u.id, kind: u.kind, lead: 0, responsible: 0, participant: 0, total: 0, weighted: 0, value: 0, peers: 0, peerMean: 0, peerStdDev: 0, zScore: null, overloaded: false, minPeers: MIN_PEERS },
    partners: async (u: UnitRow, { limit }: Args, ctx: Context) =>
      (await ctx.loaders.partners.load(u.id)).slice(0, limitOf(limit, 10)).map((p) => ({ unitId: p.partnerId, sharedTasks: p.sharedTasks })),
    members: async (u: UnitRow, _: Args, ctx: Context) => unitsByIds(ctx, (await ctx.loaders.members.load(u.id)).map((m) => m.memberId as string)),
    memberOf: async (u: UnitRow, _: Args, ctx: Context) => unitsByIds(ctx, (await ctx.loaders.memberOf.load(u.id)).map((m) => m.collectiveId as string)),
  },

  Duty: { task: (d: { taskId: string }, _: Args, ctx: Context) => ctx.loaders.task.load(d.taskId) },
  UnitLoad: { unit: (l: UnitLoad, _: Args, ctx: Context) => ctx.loaders.unit.load(l.unitId) },
  Partner: { unit: (p: Row, _: Args, ctx: Context) => ctx.loaders.unit.load(p.unitId as string) },

  Region: {
    within: async (r: RegionRow & { within: string[] }, _: Args, ctx: Context) => compact(await Promise.all(r.within.map((w) => regionById(ctx, w)))),
    children: async (r: RegionRow, _: Args, ctx: Context) => {
      const { regions, children } = await ctx.loaders.regions();
      return compact((children.get(r.id) ?? []).map((c) => regions.get(c)));
    },
    tasks: async (r: RegionRow, args: Args, ctx: Context) =>
      tasksByIds(ctx, page((await ctx.store.run(read('region-task-ids'), { regionIds: [r.id] })).map((x) => x.id as string), args)),
  },

  CooperationLink: {
    from: (l: { from: string }, _: Args, ctx: Context) => regionById(ctx, l.from),
    to: (l: { to: string }, _: Args, ctx: Context) => regionById(ctx, l.to),
    // In document order (ids would put 三.(一) before 二.(一).1); only the page asked for is read whole.
    tasks: async (l: CooperationLinkRow, { limit, offset }: Args, ctx: Context) => {
      const start = typeof offset === 'number' ? offset : 0;
      if (start < 0) throw userError(`offset must be 0 or more, got ${start}`);
      const order = await evidenceOf(ctx, l);
      const end = limit === undefined || limit === null ? order.length : start + limitOf(limit, 20);
      // A page whose ties all carry their task's head is made once per list (shared while its rows are kept).
      const heads = evidencePages([order], `${start}|${end}`, () => {
        const page = order.slice(start, end).map((r) => taskHead(r, TIE_HEAD));
        return page.every((h) => h !== null) ? (page as TaskHead[]) : null;
      });
      return heads ?? compact(await tasksOf(order.slice(start, end), ctx.loaders.task, TIE_HEAD));
    },
    // One read of the units, most tasks first: the assignments of the busiest link's 6,418 tasks took 4 s.
    units: async (l: CooperationLinkRow, _: Args, ctx: Context) => {
      const taskIds = (await evidenceOf(ctx, l)).map((r) => r.id as string);
      if (taskIds.length === 0) return [];
      return unitsByIds(ctx, (await ctx.store.run(read('units-of-tasks'), { taskIds })).map((r) => r.unitId as string));
    },
  },

  // The node counts are four tables' sizes; the assignments need every edge counted: read only when asked.
  Stats: Object.fromEntries(['documents', 'tasks', 'units', 'regions', 'leads', 'responsible', 'participants'].map((field) => [field,
    async (_: unknown, __: Args, ctx: Context) => (await statsOf(ctx, ['leads', 'responsible', 'participants'].includes(field) ? 'stats' : 'node-counts'))[field]])),

  // A folded province that issued nothing and is not in the store is named from the gazetteer.
  JurisdictionSummary: { region: async (s: { regionId: string }, _: Args, ctx: Context) => (await regionById(ctx, s.regionId)) ?? divisionRow(s.regionId) },
  JurisdictionLink: {
    from: (l: { from: string }, _: Args, ctx: Context) => regionById(ctx, l.from),
    to: (l: { to: string }, _: Args, ctx: Context) => regionById(ctx, l.to),
  },
  JurisdictionGraph: { jurisdiction: (g: { jurisdictionId: string }, _: Args, ctx: Context) => regionById(ctx, g.jurisdictionId) },
  RegionNode: {
    region: (n: RegionNode, _: Args, ctx: Context) => regionById(ctx, n.regionId),
    parent: (n: RegionNode, _: Args, ctx: Context) => regionById(ctx, n.parentId),
  },

  ConnectionStep: {
    unit: (s: { id: string; label: string }, _: Args, ctx: Context) => (s.label === 'Unit' ? ctx.loaders.unit.load(s.id) : null),
    task: (s: { id: string; label: string }, _: Args, ctx: Context) => (s.label === 'Task' ? ctx.loaders.task.load(s.id) : null),
  },

  AccountabilityGap: {
    task: (g: { taskId: string }, _: Args, ctx: Context) => ctx.loaders.task.load(g.taskId),
    leads: (g: { leadIds: string[] }, _: Args, ctx: Context) => unitsByIds(ctx, g.leadIds),
  },
};

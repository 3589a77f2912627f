/**
 * The region network: the regions cooperation links tie together, each with the tasks that tie
 * it, drawn inside its nearest administrative ancestor that is drawn too (a county inside its
 * city, a city inside its province). Named areas (粤港澳大湾区, 长株潭 …) overlap the divisions, so
 * they are never boxes: they stand alone and are tied by their links.
 */
import { cityOf, type RegionTree } from '../../graph/region-tallies';
import { pacer } from '../../pace';
import type { Link, LinkKind } from './cooperation';

export interface RegionInfo { id: string; level: string; within: string[] }

/** `tasks`: how many distinct tasks its links (or, for an inner region, its mentions) stand on. */
export interface RegionNode { regionId: string; tasks: number; links: number; parentId: string | null }

/** A link as drawn: its regions as drawn, its kinds, its distinct tasks and the pairs of regions it stands for (their link ids). */
export interface DrawnLink { from: string; to: string; kinds: LinkKind[]; count: number; parts: string[] }

/**
 * What the network is drawn from, kept (no year) or counted from a year's tasks: the links as
 * drawn, strongest first; per drawn region the distinct tasks behind all its links (drawn or
 * not); regions an issuer's tasks name inside its own territory, with their tasks; and with
 * folding, the regions each city stands for and the counties drawn because their city is open.
 */
export interface NetworkCounts {
  links: DrawnLink[];
  nodeTasks: Map<string, number>;
  inner: Map<string, number>;
  folded: Map<string, Set<string>>;
  opened: Set<string>;
}

/**
 * `inner`: regions an issuer's tasks name inside its own territory (邵阳市's 新宁县). That is
 * hierarchy, not cooperation (analytics/cooperation.ts), so they have no link; they are drawn
 * inside their ancestor when it is drawn, with the tasks that name them, and no line.
 */
export function buildRegionNetwork(
  links: readonly DrawnLink[], regions: ReadonlyMap<string, RegionInfo>, nodeTasks: ReadonlyMap<string, number>, inner: ReadonlyMap<string, number> = new Map(),
): { nodes: RegionNode[]; links: DrawnLink[] } {
  const tasks = new Map<string, number>();
  const degree = new Map<string, number>();
  for (const l of links) {
    for (const id of [l.from, l.to]) {
      tasks.set(id, nodeTasks.get(id) ?? 0);
      degree.set(id, (degree.get(id) ?? 0) + 1);
    }
  }
  // The administrative parent: the one `within` that is not a named area.
  const adminParent = (id: string) => regions.get(id)?.within.find((w) => regions.get(w) && regions.get(w)!.level !== 'area') ?? null;
  const drawnAncestorIn = (id: string, drawn: ReadonlySet<string> | ReadonlyMap<string, unknown>) => {
    const seen = new Set([id]);
    for (let p = adminParent(id); p && !seen.has(p); p = adminParent(p)) {
      if (drawn.has(p)) return p;
      seen.add(p);
    }
    return null;
  };
  // Inner regions only inside a linked ancestor: a box needs a drawn region to be drawn in.
  const linked = new Set(tasks.keys());
  for (const [id, n] of inner) if (!tasks.has(id) && drawnAncestorIn(id, linked)) tasks.set(id, n);
  const nodes = [...tasks].map(([regionId, n]) => ({ regionId, tasks: n, links: degree.get(regionId) ?? 0, parentId: drawnAncestorIn(regionId, tasks) }));
  nodes.sort((a, b) => b.tasks - a.tasks || a.regionId.localeCompare(b.regionId));
  return { nodes, links: [...links] };
}

const strongestFirst = (a: DrawnLink, b: DrawnLink) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to);

/** Whether opening the cities in `open` draws this region as itself: an opened city, or one of its counties. */
export const drawnAsItself = (id: string, regions: RegionTree, open: ReadonlySet<string>) => open.has(id) || open.has(cityOf(id, regions) ?? '');

/** How regions are drawn at a province's scale: a county as its city, unless the city is in `open`. */
function folder(regions: RegionTree, open: ReadonlySet<string>) {
  const drawnAs = new Map<string, string>();
  const folded = new Map<string, Set<string>>();
  const opened = new Set<string>();
  const as = (id: string) => {
    let to = drawnAs.get(id);
    if (to === undefined) {
      to = id;
      const city = cityOf(id, regions);
      if (city && !open.has(city)) {
        to = city;
        folded.set(city, (folded.get(city) ?? new Set()).add(id));
      } else if (city) {
        opened.add(id);
      }
      drawnAs.set(id, to);
    }
    return to;
  };
  return { as, folded, opened };
}

/**
 * The network from the counts every load keeps (graph/region-tallies.ts says what each tally
 * holds): `links` are the kept links between parties (cooperation.ts linksOf), `tallies` the
 * rows of cypher/read/region-tallies. Folded, two cities' link is their F tally; a region drawn
 * as itself because its city is open (the city, or one of its counties) and a folded region,
 * its H tally; two such regions, their own link. No task is read.
 */
export function keptNetwork(
  links: ReadonlyArray<{ from: string; to: string; kinds: LinkKind[]; count: number }>, tallies: ReadonlyArray<Record<string, unknown>>,
  regions: RegionTree, fold: boolean, open: ReadonlySet<string>, pairId: (a: string, b: string) => string,
): NetworkCounts {
  const by = new Map<string, Map<string, number>>();
  for (const t of tallies) {
    const scale = by.get(t.scale as string) ?? new Map<string, number>();
    scale.set(t.toId ? `${t.fromId as string}|${t.toId as string}` : (t.fromId as string), Number(t.tasks));
    by.set(t.scale as string, scale);
  }
  const tally = (scale: string) => by.get(scale) ?? new Map<string, number>();
  if (!fold) {
    const drawn = links.map((l) => ({ from: l.from, to: l.to, kinds: l.kinds, count: l.count, parts: [pairId(l.from, l.to)] }));
    return { links: drawn, nodeTasks: tally('N'), inner: tally('I'), folded: new Map(), opened: new Set() };
  }
  const f = folder(regions, open);
  const self = (id: string) => drawnAsItself(id, regions, open);
  const byPair = new Map<string, { from: string; to: string; kinds: Set<LinkKind>; count: number; parts: string[] }>();
  for (const l of links) {
    const [a, b] = [f.as(l.from), f.as(l.to)];
    if (a === b) continue;
    const [from, to] = a < b ? [a, b] : [b, a];
    const key = pairId(from, to);
    let got = byPair.get(key);
    if (!got) {
      const [sf, st] = [self(from), self(to)];
      const count = sf && st ? l.count : sf ? tally('H').get(`${from}|${to}`) : st ? tally('H').get(`${to}|${from}`) : tally('F').get(`${from}|${to}`);
      byPair.set(key, (got = { from, to, kinds: new Set(), count: count ?? 0, parts: [] }));
    }
    for (const k of l.kinds) got.kinds.add(k);
    got.parts.push(pairId(l.from, l.to));
  }
  const nodeTasks = new Map<string, number>();
  for (const [id, n] of tally('NF')) if (!self(id)) nodeTasks.set(id, n);
  for (const [id, n] of tally('N')) if (self(id)) nodeTasks.set(id, n);
  const out = [...byPair.values()].map((l) => ({ from: l.from, to: l.to, kinds: [...l.kinds].sort(), count: l.count, parts: l.parts.sort() }));
  return { links: out.sort(strongestFirst), nodeTasks, inner: tally('I'), folded: f.folded, opened: f.opened };
}

/**
 * The same counted from the links with their tasks (a year's: the kept counts hold every year),
 * and the regions named inside an issuer's territory with theirs.
 */
export async function countedNetwork(
  all: readonly Link[], inner: ReadonlyMap<string, ReadonlySet<string>>, regions: RegionTree, fold: boolean, open: ReadonlySet<string>,
  pairId: (a: string, b: string) => string,
): Promise<NetworkCounts> {
  const { links, folded, opened } = fold ? await foldLinks(all, regions, open, pairId) : { links: all.map((l) => ({ ...l, parts: [pairId(l.from, l.to)] })), folded: new Map<string, Set<string>>(), opened: new Set<string>() };
  const tasks = new Map<string, Set<string>>();
  // Every link's tasks, twice: hundreds of thousands at a province's scale, so the event loop turns meanwhile.
  const pace = pacer();
  for (const l of links) {
    const turn = pace();
    if (turn) await turn;
    for (const id of [l.from, l.to]) {
      const set = tasks.get(id) ?? new Set<string>();
      for (const t of l.taskIds) set.add(t);
      tasks.set(id, set);
    }
  }
  return {
    links: links.map((l) => ({ from: l.from, to: l.to, kinds: l.kinds, count: l.taskIds.length, parts: l.parts })),
    nodeTasks: new Map([...tasks].map(([id, set]) => [id, set.size])),
    inner: new Map([...inner].map(([id, set]) => [id, set.size])),
    folded, opened,
  };
}

/** A link as drawn with folding: the pairs of regions it stands for (their ids, as linkId gives them). */
interface FoldedLink extends Link { parts: string[] }

/**
 * The region network at a province's scale: every county-level region is drawn as its prefecture
 * (a city), unless that city is in `open`. A link between counties of two cities becomes a link
 * between the cities, its tasks counted once; a link inside one drawn region disappears. Named
 * areas and provinces are drawn as themselves. `folded` says, per drawn city, which regions it
 * stands for (opening it draws them), and `opened` holds the counties drawn because their city is open.
 */
async function foldLinks(
  links: readonly Link[], regions: RegionTree, open: ReadonlySet<string>, pairId: (a: string, b: string) => string,
): Promise<{ links: FoldedLink[]; folded: Map<string, Set<string>>; opened: Set<string> }> {
  const { as, folded, opened } = folder(regions, open);
  const byPair = new Map<string, { from: string; to: string; kinds: Set<Link['kinds'][number]>; tasks: Set<string>; parts: string[] }>();
  const pace = pacer();
  for (const l of links) {
    const turn = pace();
    if (turn) await turn;
    const [a, b] = [as(l.from), as(l.to)];
    if (a === b) continue;
    const [from, to] = a < b ? [a, b] : [b, a];
    const key = pairId(from, to);
    const got = byPair.get(key) ?? { from, to, kinds: new Set(), tasks: new Set(), parts: [] };
    for (const k of l.kinds) got.kinds.add(k);
    for (const t of l.taskIds) got.tasks.add(t);
    got.parts.push(pairId(l.from, l.to));
    byPair.set(key, got);
  }
  const out = [...byPair.values()].map((l) => ({ from: l.from, to: l.to, kinds: [...l.kinds].sort(), taskIds: [...l.tasks].sort(), parts: l.parts.sort() }));
  out.sort((a, b) => b.taskIds.length - a.taskIds.length || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  return { links: out, folded, opened };
}

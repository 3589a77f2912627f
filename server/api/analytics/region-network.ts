/**
 * The region network: the regions cooperation links tie together, each with the tasks that tie
 * it, drawn inside its nearest administrative ancestor that is drawn too (a county inside its
 * city, a city inside its province). Named areas (粤港澳大湾区, 长株潭 …) overlap the divisions, so
 * they are never boxes: they stand alone and are tied by their links.
 */
import { pacer } from '../../pace';
import type { Link } from './cooperation';

export interface RegionInfo { id: string; level: string; within: string[] }

/** `tasks`: how many distinct tasks its links (or, for an inner region, its mentions) stand on. */
export interface RegionNode { regionId: string; tasks: number; links: number; parentId: string | null }

/**
 * `inner`: regions an issuer's tasks name inside its own territory (邵阳市's 新宁县). That is
 * hierarchy, not cooperation (analytics/cooperation.ts), so they have no link; they are drawn
 * inside their ancestor when it is drawn, with the tasks that name them, and no line.
 */
export async function buildRegionNetwork(
  links: readonly Link[], regions: ReadonlyMap<string, RegionInfo>, inner: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): Promise<{ nodes: RegionNode[]; links: Link[] }> {
  const tasks = new Map<string, Set<string>>();
  const degree = new Map<string, number>();
  // Every link's tasks, twice: hundreds of thousands at a province's scale, so the event loop turns meanwhile.
  const pace = pacer();
  for (const l of links) {
    const turn = pace();
    if (turn) await turn;
    for (const id of [l.from, l.to]) {
      const set = tasks.get(id) ?? new Set<string>();
      for (const t of l.taskIds) set.add(t);
      tasks.set(id, set);
      degree.set(id, (degree.get(id) ?? 0) + 1);
    }
  }
  // The administrative parent: the one `within` that is not a named area.
  const adminParent = (id: string) => regions.get(id)?.within.find((w) => regions.get(w) && regions.get(w)!.level !== 'area') ?? null;
  const drawnAncestorIn = (id: string, drawn: ReadonlySet<string>) => {
    const seen = new Set([id]);
    for (let p = adminParent(id); p && !seen.has(p); p = adminParent(p)) {
      if (drawn.has(p)) return true;
      seen.add(p);
    }
    return false;
  };
  // Inner regions only inside a linked ancestor: a box needs a drawn region to be drawn in.
  const linked = new Set(tasks.keys());
  for (const [id, set] of inner) if (!tasks.has(id) && drawnAncestorIn(id, linked)) tasks.set(id, new Set(set));
  const drawnAncestor = (id: string) => {
    const seen = new Set([id]);
    for (let p = adminParent(id); p && !seen.has(p); p = adminParent(p)) {
      if (tasks.has(p)) return p;
      seen.add(p);
    }
    return null;
  };
  const nodes = [...tasks].map(([regionId, set]) => ({
    regionId, tasks: set.size, links: degree.get(regionId) ?? 0, parentId: drawnAncestor(regionId),
  }));
  nodes.sort((a, b) => b.tasks - a.tasks || a.regionId.localeCompare(b.regionId));
  return { nodes, links: [...links] };
}

/** A link as drawn with folding: the pairs of regions it stands for (their ids, as linkId gives them). */
export interface FoldedLink extends Link { parts: string[] }

/**
 * The region network at a province's scale: every county-level region is drawn as its prefecture
 * (a city), unless that city is in `open`. A link between counties of two cities becomes a link
 * between the cities, its tasks counted once; a link inside one drawn region disappears. Named
 * areas and provinces are drawn as themselves. `folded` says, per drawn city, which regions it
 * stands for (opening it draws them), and `opened` holds the counties drawn because their city is open.
 */
export async function foldLinks(
  links: readonly Link[], regions: ReadonlyMap<string, RegionInfo>, open: ReadonlySet<string>, pairId: (a: string, b: string) => string,
): Promise<{ links: FoldedLink[]; folded: Map<string, Set<string>>; opened: Set<string> }> {
  const drawnAs = new Map<string, string>();
  const folded = new Map<string, Set<string>>();
  const opened = new Set<string>();
  const as = (id: string) => {
    let to = drawnAs.get(id);
    if (to === undefined) {
      to = id;
      if (regions.get(id)?.level === 'county') {
        const city = regions.get(id)!.within.find((w) => regions.get(w)?.level === 'prefecture');
        if (city && !open.has(city)) {
          to = city;
          folded.set(city, (folded.get(city) ?? new Set()).add(id));
        } else if (city) {
          opened.add(id);
        }
      }
      drawnAs.set(id, to);
    }
    return to;
  };
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

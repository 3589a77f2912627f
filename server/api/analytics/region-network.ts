/**
 * The region network: the regions cooperation links tie together, each with the tasks that tie
 * it, drawn inside its nearest administrative ancestor that is drawn too (a county inside its
 * city, a city inside its province). Named areas (粤港澳大湾区, 长株潭 …) overlap the divisions, so
 * they are never boxes: they stand alone and are tied by their links.
 */
import type { Link } from './cooperation';

export interface RegionInfo { id: string; level: string; within: string[] }

export interface RegionNode { regionId: string; taskIds: string[]; links: number; parentId: string | null }

export function buildRegionNetwork(links: readonly Link[], regions: ReadonlyMap<string, RegionInfo>): { nodes: RegionNode[]; links: Link[] } {
  const tasks = new Map<string, Set<string>>();
  const degree = new Map<string, number>();
  for (const l of links) {
    for (const id of [l.from, l.to]) {
      const set = tasks.get(id) ?? new Set<string>();
      for (const t of l.taskIds) set.add(t);
      tasks.set(id, set);
      degree.set(id, (degree.get(id) ?? 0) + 1);
    }
  }
  // The administrative parent: the one `within` that is not a named area.
  const adminParent = (id: string) => regions.get(id)?.within.find((w) => regions.get(w) && regions.get(w)!.level !== 'area') ?? null;
  const drawnAncestor = (id: string) => {
    const seen = new Set([id]);
    for (let p = adminParent(id); p && !seen.has(p); p = adminParent(p)) {
      if (tasks.has(p)) return p;
      seen.add(p);
    }
    return null;
  };
  const nodes = [...tasks].map(([regionId, set]) => ({
    regionId, taskIds: [...set].sort(), links: degree.get(regionId) ?? 0, parentId: drawnAncestor(regionId),
  }));
  nodes.sort((a, b) => b.taskIds.length - a.taskIds.length || a.regionId.localeCompare(b.regionId));
  return { nodes, links: [...links] };
}

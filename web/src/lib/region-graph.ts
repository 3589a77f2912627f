/**
 * From the API's region network to drawable elements: regions sized by the tasks that tie them,
 * each drawn inside its parent region when that is drawn too (a county inside its city), and one
 * edge per link, as wide as its task count. Pure, so the tests can check it without a browser.
 */
import { shortName } from './short-name';

export interface RegionNetworkData {
  nodes: Array<{ region: { id: string; name: string; level: string }; tasks: number; links: number; parent: { id: string } | null; folded?: number }>;
  links: Array<{ from: { id: string; name: string }; to: { id: string; name: string }; count: number; kinds: string[] }>;
  /** Links left out by the top asked for. */
  moreLinks?: number;
}

export interface RegionNodeEl { data: { id: string; label: string; name: string; type: 'region'; level: string; tasks: number; parent?: string; size: number; folded: number } }
export interface LinkEl { data: { id: string; source: string; target: string; type: 'link'; weight: number; width: number; nested: boolean; label: string } }

/** One key per unordered pair, as the URL holds it. */
export const linkKey = (a: string, b: string) => (a < b ? `${a}~${b}` : `${b}~${a}`);

export function buildRegionGraph(net: RegionNetworkData): { nodes: RegionNodeEl[]; edges: LinkEl[] } {
  const parentOf = new Map(net.nodes.map((n) => [n.region.id, n.parent?.id ?? null]));
  const isAncestor = (a: string, b: string) => {
    for (let p = parentOf.get(b); p; p = parentOf.get(p)) if (p === a) return true;
    return false;
  };
  // √tasks, up to 39 tasks as wide as 8 px a step, past that relative to the largest (a province's store has thousands).
  const scale = Math.max(39, ...net.nodes.map((n) => n.tasks));
  const nodes: RegionNodeEl[] = net.nodes.map((n) => ({
    data: {
      id: n.region.id, label: shortName(n.region.name), name: n.region.name, type: 'region', level: n.region.level.toLowerCase(),
      tasks: n.tasks, parent: n.parent?.id, size: 18 + 50 * Math.sqrt(n.tasks / scale), folded: n.folded ?? 0,
    },
  }));
  // 1.5 px for one task to 12 px for 25, past that relative to the strongest link.
  const widest = Math.max(25, ...net.links.map((l) => l.count));
  const edges: LinkEl[] = net.links.map((l) => ({
    data: {
      id: `l:${linkKey(l.from.id, l.to.id)}`, source: l.from.id, target: l.to.id, type: 'link', weight: l.count,
      width: 1.5 + (10.5 * (l.count - 1)) / (widest - 1),
      // A link between a region and one drawn inside it (邵阳市 and its 新宁县) is drawn lighter: the nesting shows the tie.
      nested: isAncestor(l.from.id, l.to.id) || isAncestor(l.to.id, l.from.id),
      label: `${l.from.name}–${l.to.name}`,
    },
  }));
  return { nodes, edges };
}

/**
 * From the API's region network to drawable elements: regions sized by the tasks that tie them,
 * each drawn inside its parent region when that is drawn too (a county inside its city), and one
 * edge per link, as wide as its task count. Pure, so the tests can check it without a browser.
 */
import { shortName } from './short-name';

export interface RegionNetworkData {
  nodes: Array<{ region: { id: string; name: string; level: string }; tasks: number; links: number; parent: { id: string } | null }>;
  links: Array<{ from: { id: string; name: string }; to: { id: string; name: string }; count: number; kinds: string[] }>;
}

export interface RegionNodeEl { data: { id: string; label: string; name: string; type: 'region'; level: string; tasks: number; parent?: string; size: number } }
export interface LinkEl { data: { id: string; source: string; target: string; type: 'link'; weight: number; nested: boolean; label: string } }

/** One key per unordered pair, as the URL holds it. */
export const linkKey = (a: string, b: string) => (a < b ? `${a}~${b}` : `${b}~${a}`);

export function buildRegionGraph(net: RegionNetworkData): { nodes: RegionNodeEl[]; edges: LinkEl[] } {
  const parentOf = new Map(net.nodes.map((n) => [n.region.id, n.parent?.id ?? null]));
  const isAncestor = (a: string, b: string) => {
    for (let p = parentOf.get(b); p; p = parentOf.get(p)) if (p === a) return true;
    return false;
  };
  const nodes: RegionNodeEl[] = net.nodes.map((n) => ({
    data: {
      id: n.region.id, label: shortName(n.region.name), name: n.region.name, type: 'region', level: n.region.level.toLowerCase(),
      tasks: n.tasks, parent: n.parent?.id, size: 18 + Math.min(50, Math.sqrt(n.tasks) * 8),
    },
  }));
  const edges: LinkEl[] = net.links.map((l) => ({
    data: {
      id: `l:${linkKey(l.from.id, l.to.id)}`, source: l.from.id, target: l.to.id, type: 'link', weight: l.count,
      // A link between a region and one drawn inside it (邵阳市 and its 新宁县) is drawn lighter: the nesting shows the tie.
      nested: isAncestor(l.from.id, l.to.id) || isAncestor(l.to.id, l.from.id),
      label: `${l.from.name}–${l.to.name}`,
    },
  }));
  return { nodes, edges };
}

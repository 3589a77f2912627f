/**
 * The jurisdiction network at a national scale, folded on the server: a node per province, each
 * summing its own and its cities' units, plans and tasks (each counted in one jurisdiction, so
 * the sums are exact), and one line per pair of provinces summing the ties between their
 * jurisdictions (`summed`: a task tying two pairs counts twice). A province in `open` shows its
 * jurisdictions instead. A province's network (a few jurisdictions, or one province) is not folded.
 *
 * Done here and not in the page: at 100,000 plans the unfolded network is thousands of
 * jurisdictions and their links (581 KB of answers the page folded to 31 nodes).
 */
import type { RegionTree } from '../../graph/region-tallies';

/** From this many jurisdictions (a province has about twenty), the network is drawn a node per province. */
export const FOLD_FROM = 50;

export interface JurisdictionCounts { regionId: string; units: number; documents: number; tasks: number }
export interface JurisdictionTie { from: string; to: string; tasks: number; summed: boolean }
export interface FoldedNetwork {
  jurisdictions: JurisdictionCounts[];
  links: JurisdictionTie[];
  /** The provinces of a folded network (folded or open); empty when not folded. */
  provinces: string[];
  /** The provinces drawn as one node. */
  folded: string[];
  /** How many jurisdictions there are, folded or not. */
  count: number;
}

/** The province a region lies in (itself for a province), by its parents; without them, by its division code. */
export function provinceOf(id: string, regions: RegionTree): string {
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length) {
    const r = stack.pop()!;
    if (seen.has(r)) continue;
    seen.add(r);
    const region = regions.get(r);
    if (region?.level === 'province') return r;
    stack.push(...(region?.within ?? []).filter((w) => regions.get(w)?.level !== 'area'));
  }
  return `${id.slice(0, 2)}0000`;
}

export function foldProvinces(net: { jurisdictions: JurisdictionCounts[]; links: Array<Omit<JurisdictionTie, 'summed'>> }, open: readonly string[], regions: RegionTree): FoldedNetwork {
  const count = net.jurisdictions.length;
  const province = new Map(net.jurisdictions.map((j) => [j.regionId, provinceOf(j.regionId, regions)]));
  const provinces = [...new Set(province.values())];
  if (provinces.length <= 1 || count < FOLD_FROM) {
    return { jurisdictions: net.jurisdictions, links: net.links.map((l) => ({ ...l, summed: false })), provinces: [], folded: [], count };
  }
  const folded = new Set(provinces.filter((p) => !open.includes(p)));
  const shown = new Map<string, JurisdictionCounts>();
  for (const j of net.jurisdictions) {
    const p = province.get(j.regionId)!;
    if (!folded.has(p)) {
      shown.set(j.regionId, j);
      continue;
    }
    const sum = shown.get(p) ?? { regionId: p, units: 0, documents: 0, tasks: 0 };
    shown.set(p, { regionId: p, units: sum.units + j.units, documents: sum.documents + j.documents, tasks: sum.tasks + j.tasks });
  }
  const at = (id: string) => {
    const p = province.get(id);
    return !p ? null : folded.has(p) ? p : id;
  };
  const links = new Map<string, JurisdictionTie>();
  for (const l of net.links) {
    const [a, b] = [at(l.from), at(l.to)];
    // Inside one folded province a tie is no line.
    if (!a || !b || a === b) continue;
    const summed = a !== l.from || b !== l.to;
    const [from, to] = a < b ? [a, b] : [b, a];
    const key = `${from}~${to}`;
    const had = links.get(key);
    links.set(key, { from, to, tasks: (had?.tasks ?? 0) + l.tasks, summed: summed || !!had?.summed });
  }
  return { jurisdictions: [...shown.values()], links: [...links.values()], provinces, folded: [...folded], count };
}

/**
 * Cooperation links: two regions tied by tasks that make both of them parties — a document's
 * jurisdiction and a region outside it that its tasks address (ISSUER), or two regions whose
 * governments the same task assigns (CARRIER: 湘乡市人民政府 and 韶山市人民政府 both responsible
 * for one task of 湘潭's plan). Two regions merely named in one sentence (香港 and 澳门 in a 邵阳
 * plan: CO_MENTION) are not cooperation, and neither is a region with a region inside it (邵阳市
 * and its 新宁县, 邵阳市 and 湖南省): that is hierarchy. The store still keeps co-mention counts
 * (graph/analytics.ts); the links leave them out. Links are undirected; the evidence is the tasks
 * behind them. A task counts once per link (CARRIER only when not already ISSUER).
 */
import { isHierarchy, perPair, type RegionTree } from '../../graph/region-tallies';
import { pacer } from '../../pace';

export type LinkKind = 'ISSUER' | 'CARRIER' | 'CO_MENTION';

export interface Link { from: string; to: string; kinds: LinkKind[]; taskIds: string[] }

/** A row of cypher/read/region-links: the counts the loads keep for a pair of regions. */
export interface StoredLink { id: string; fromId: string; toId: string; tasks: number; issuerTasks: number; carrierTasks: number | null; comentionTasks: number }

/** The kept links as the API gives them: with a region, it stands first; strongest first. */
export function linksOf(rows: readonly StoredLink[], regions: RegionTree, filter: { region?: string | null; partner?: string | null } = {}) {
  const touches = (l: StoredLink, id: string) => l.fromId === id || l.toId === id;
  return rows
    // Only ties between parties count (issuer and addressee, or two carriers), and never with a region above or below it.
    .filter((l) => partyTasks(l) > 0 && !isHierarchy(l.fromId, l.toId, regions))
    .filter((l) => !filter.region || touches(l, filter.region))
    .filter((l) => !filter.partner || touches(l, filter.partner))
    .map((l) => {
      const flip = filter.region && l.toId === filter.region;
      const kinds: LinkKind[] = [...(Number(l.carrierTasks) > 0 ? ['CARRIER' as const] : []), ...(Number(l.issuerTasks) > 0 ? ['ISSUER' as const] : [])];
      return { id: l.id, from: flip ? l.toId : l.fromId, to: flip ? l.fromId : l.toId, kinds, count: partyTasks(l) };
    })
    .sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

/** The tasks of a kept link that make its two regions parties (a link written before CARRIER was counted reads null or -1). */
export const partyTasks = (l: Pick<StoredLink, 'issuerTasks' | 'carrierTasks'>) => Number(l.issuerTasks) + Math.max(0, Number(l.carrierTasks ?? 0));

/**
 * Links counted from every task (what the kept links must equal; tests/api compares them): the
 * issuer's ties to regions outside it, and regions that carry a task together; the rows of
 * cypher/read/cooperation-issuer and cooperation-carrier. Co-mentions are no link (see the top).
 * Hundreds of thousands of rows at a province's scale: the loop lets the event loop turn (pace.ts).
 */
export async function buildLinks(
  rows: { issuer: ReadonlyArray<Record<string, unknown>>; carrier: ReadonlyArray<Record<string, unknown>> }, regions: RegionTree,
  filter: { region?: string | null; partner?: string | null } = {},
): Promise<Link[]> {
  const hierarchy = perPair((a, b) => isHierarchy(a, b, regions));
  const links = new Map<string, { from: string; to: string; kinds: Set<LinkKind>; tasks: Set<string> }>();
  const add = (a: string, b: string, kind: LinkKind, taskId: string) => {
    const [from, to] = a < b ? [a, b] : [b, a];
    const key = `${from}|${to}`;
    const link = links.get(key) ?? { from, to, kinds: new Set(), tasks: new Set() };
    link.kinds.add(kind);
    link.tasks.add(taskId);
    links.set(key, link);
  };
  const pace = pacer();
  for (const r of rows.issuer) {
    const turn = pace();
    if (turn) await turn;
    if (!hierarchy(r.fromId as string, r.toId as string)) add(r.fromId as string, r.toId as string, 'ISSUER', r.taskId as string);
  }
  // A carrier tie adds its task to the link (a set: counted once); CARRIER names the kind only when it adds one the issuer rule had not.
  for (const r of rows.carrier) {
    const turn = pace();
    if (turn) await turn;
    const [a, b] = [r.fromId as string, r.toId as string];
    if (a === b || hierarchy(a, b)) continue;
    const had = links.get(a < b ? `${a}|${b}` : `${b}|${a}`)?.tasks.has(r.taskId as string);
    if (!had) add(a, b, 'CARRIER', r.taskId as string);
  }

  const touches = (l: { from: string; to: string }, id: string) => l.from === id || l.to === id;
  return [...links.values()]
    .filter((l) => !filter.region || touches(l, filter.region))
    .filter((l) => !filter.partner || touches(l, filter.partner))
    .map((l) => {
      // With a region given, it stands first: 邵阳市 → 粤港澳大湾区.
      const flip = filter.region && l.to === filter.region;
      return {
        from: flip ? l.to : l.from,
        to: flip ? l.from : l.to,
        kinds: [...l.kinds].sort() as LinkKind[],
        taskIds: [...l.tasks].sort(),
      };
    })
    .sort((a, b) => b.taskIds.length - a.taskIds.length || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

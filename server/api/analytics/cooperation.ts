/**
 * Cooperation links: two regions tied by tasks — a document's jurisdiction and a region its
 * tasks mention (ISSUER), or two regions one task names together (CO_MENTION). Links are
 * undirected; the evidence is the union of the tasks behind either kind.
 */
export type LinkKind = 'ISSUER' | 'CO_MENTION';

export interface Link { from: string; to: string; kinds: LinkKind[]; taskIds: string[] }

export function buildLinks(
  issuer: Array<Record<string, unknown>>, comention: Array<Record<string, unknown>>,
  filter: { region?: string | null; partner?: string | null } = {},
): Link[] {
  const links = new Map<string, { from: string; to: string; kinds: Set<LinkKind>; tasks: Set<string> }>();
  const add = (a: string, b: string, kind: LinkKind, taskId: string) => {
    const [from, to] = a < b ? [a, b] : [b, a];
    const key = `${from}|${to}`;
    const link = links.get(key) ?? { from, to, kinds: new Set(), tasks: new Set() };
    link.kinds.add(kind);
    link.tasks.add(taskId);
    links.set(key, link);
  };
  for (const r of issuer) add(r.fromId as string, r.toId as string, 'ISSUER', r.taskId as string);
  for (const r of comention) add(r.fromId as string, r.toId as string, 'CO_MENTION', r.taskId as string);

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

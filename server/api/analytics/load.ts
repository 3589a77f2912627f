/**
 * Unit load: how many tasks a unit leads, is responsible for and takes part in (each task once,
 * under the unit's strongest role: graph/analytics.ts ROLE_RANK), and how far above its peers
 * (same jurisdiction and kind) it stands. A supervisor sees the counts, the peers' mean and the
 * z-score, so the reason a unit is flagged is plain.
 */
export const WEIGHTS = { lead: 3, responsible: 2, participant: 1 } as const;
export const OVERLOAD_Z = 2;
/** The fewest units of a kind a z-value is given for: over one or two units it is 0 or ±1 whatever the loads. */
export const MIN_PEERS = 3;
/** Collectives (各县市区) stand for many units: ranked apart, never among departments. */
export const COLLECTIVE = 'collective';

export type Measure = 'LEAD' | 'TOTAL' | 'WEIGHTED';

export interface Counts { unitId: string; kind: string; lead: number; responsible: number; participant: number }

export interface UnitLoad extends Counts {
  total: number;
  weighted: number;
  value: number;
  peers: number;
  peerMean: number;
  peerStdDev: number;
  /** null when the kind has fewer than MIN_PEERS units. */
  zScore: number | null;
  overloaded: boolean;
  minPeers: number;
}

export function measureOf(c: Counts, by: Measure): number {
  if (by === 'LEAD') return c.lead;
  if (by === 'TOTAL') return c.lead + c.responsible + c.participant;
  return WEIGHTS.lead * c.lead + WEIGHTS.responsible * c.responsible + WEIGHTS.participant * c.participant;
}

/** Loads of every unit, with statistics over the units of the same kind (population std. dev.). */
export function computeLoads(counts: Counts[], by: Measure): UnitLoad[] {
  const byKind = new Map<string, number[]>();
  for (const c of counts) {
    const values = byKind.get(c.kind);
    if (values) values.push(measureOf(c, by));
    else byKind.set(c.kind, [measureOf(c, by)]);
  }
  // Each kind's mean and spread once, not once per unit.
  const stats = new Map([...byKind].map(([kind, values]) => {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    return [kind, { peers: values.length, mean, sd: Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length) }];
  }));
  return counts.map((c) => {
    const { peers, mean, sd } = stats.get(c.kind)!;
    const value = measureOf(c, by);
    const z = peers < MIN_PEERS ? null : sd === 0 ? 0 : (value - mean) / sd;
    return {
      ...c,
      total: measureOf(c, 'TOTAL'),
      weighted: measureOf(c, 'WEIGHTED'),
      value,
      peers,
      peerMean: round(mean),
      peerStdDev: round(sd),
      zScore: z === null ? null : round(z),
      overloaded: z !== null && z >= OVERLOAD_Z,
      minPeers: MIN_PEERS,
    };
  });
}

/**
 * A ranking of peers: collectives only when asked for by kind, otherwise everything but them;
 * highest value first, then highest z.
 */
export function ranking(loads: UnitLoad[], kind?: string | null): UnitLoad[] {
  return loads
    .filter((l) => (kind ? l.kind === kind : l.kind !== COLLECTIVE))
    .sort((a, b) => b.value - a.value || (b.zScore ?? -Infinity) - (a.zScore ?? -Infinity) || a.unitId.localeCompare(b.unitId));
}

/** Rows of cypher/read/unit-load (one per unit and role) → counts per unit. */
export function countsFromRows(rows: Array<Record<string, unknown>>): Counts[] {
  const map = new Map<string, Counts>();
  for (const r of rows) {
    const id = r.unitId as string;
    const c = map.get(id) ?? { unitId: id, kind: r.kind as string, lead: 0, responsible: 0, participant: 0 };
    const role = r.role as keyof typeof WEIGHTS | null;
    if (role) c[role] = Number(r.tasks);
    map.set(id, c);
  }
  return [...map.values()];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

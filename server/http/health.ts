/**
 * /healthz: whether the store answers, what it holds, and the free space where the data lives.
 * It never waits on a busy embedded store: the probe (a count of what the store holds) is given
 * PROBE_WAIT_MS, and when it has not answered by then the last probe's figures are sent with
 * `busy: true` (heavy reads can hold every thread Kuzu's queries run on). Neo4j is a server apart:
 * its probe is waited for, as its driver's own timeouts bound it and an outage must show.
 */
import { read } from '../graph/queries';
import type { GraphStore, Row } from '../graph/store';

const PROBE_WAIT_MS = 5;

export interface Health {
  status: 'ok' | 'unavailable';
  store: { kind: string; location: string };
  documents?: number;
  tasks?: number;
  busy?: boolean;
  disk?: { dataDir: string; freeBytes: number; minFreeBytes: number; full: boolean };
  error?: string;
}

export function healthCheck(store: GraphStore) {
  let last: Row | undefined;
  let probe: Promise<Row | undefined> | null = null;
  return async (): Promise<Health> => {
    const base = { store: { kind: store.kind, location: store.location } };
    // One probe at a time: a slow one is waited on by the next check, not doubled.
    probe ??= (async () => (last = (await store.run(read('node-counts')))[0]))().finally(() => { probe = null; });
    const pending = probe;
    // Until a first probe has answered there are no figures to fall back on: that one is waited for.
    const wait = store.kind === 'embedded' && last ? [new Promise<null>((r) => setTimeout(r, PROBE_WAIT_MS, null))] : [];
    const answer = await Promise.race([pending.then((s) => ({ s })), ...wait])
      .catch((err: Error) => ({ err }));
    const space = diskOf(store);
    if (answer && 'err' in answer) return { status: 'unavailable', ...base, error: answer.err.message, ...(space && { disk: space }) };
    const s = answer ? answer.s : last;
    return { status: 'ok', ...base, documents: Number(s?.documents ?? 0), tasks: Number(s?.tasks ?? 0), ...(answer ? {} : { busy: true }), ...(space && { disk: space }) };
  };
}

/** The free space where the store keeps its data (the embedded store; Neo4j's disk is its server's). */
function diskOf(store: GraphStore): Health['disk'] {
  try {
    const d = store.diskSpace?.();
    return d && { dataDir: d.dir, freeBytes: d.freeBytes, minFreeBytes: d.minFreeBytes, full: d.freeBytes < d.minFreeBytes };
  } catch {
    return undefined;
  }
}

/**
 * /healthz: whether the store answers, what it holds, and the free space where the data lives.
 * It never waits on a busy store: the probe (a count of what the store holds) is given
 * PROBE_WAIT_MS, and when it has not answered by then the last probe's figures are sent with
 * `busy: true` — a store that refuses (an outage) answers at once and is reported as such.
 */
import { statfs } from 'node:fs/promises';
import { read } from '../graph/queries';
import type { GraphStore, Row } from '../graph/store';

const PROBE_WAIT_MS = 50;

export interface Health {
  status: 'ok' | 'unavailable';
  store: { kind: string; location: string };
  documents?: number;
  tasks?: number;
  busy?: boolean;
  disk?: { dataDir: string; freeBytes: number; minFreeBytes: number; full: boolean };
  error?: string;
}

export function healthCheck(store: GraphStore, disk: { dataDir: string; minFreeBytes: number } | null) {
  let last: Row | undefined;
  let probe: Promise<Row | undefined> | null = null;
  return async (): Promise<Health> => {
    const base = { store: { kind: store.kind, location: store.location } };
    // One probe at a time: a slow one is waited on by the next check, not doubled.
    probe ??= (async () => (last = (await store.run(read('stats')))[0]))().finally(() => { probe = null; });
    const pending = probe;
    const answer = await Promise.race([pending.then((s) => ({ s })), new Promise<null>((r) => setTimeout(r, PROBE_WAIT_MS, null))])
      .catch((err: Error) => ({ err }));
    const space = disk ? await freeSpace(disk.dataDir, disk.minFreeBytes) : undefined;
    if (answer && 'err' in answer) return { status: 'unavailable', ...base, error: answer.err.message, ...(space && { disk: space }) };
    const s = answer ? answer.s : last;
    return { status: 'ok', ...base, documents: Number(s?.documents ?? 0), tasks: Number(s?.tasks ?? 0), ...(answer ? {} : { busy: true }), ...(space && { disk: space }) };
  };
}

/** Free bytes on the filesystem of dataDir, for /healthz and the check before every write (disk.ts). */
async function freeSpace(dataDir: string, minFreeBytes: number) {
  try {
    const s = await statfs(dataDir);
    const freeBytes = s.bavail * s.bsize;
    return { dataDir, freeBytes, minFreeBytes, full: freeBytes < minFreeBytes };
  } catch {
    return undefined;
  }
}

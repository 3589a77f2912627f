/**
 * Which transactions a Neo4j 5 bookmark stands for, so that an app instance can tell its own
 * writes from another's when its change token moves (cached-store.ts): its own have already
 * forgotten just what they changed; another's make it forget everything.
 *
 * A Neo4j 5 bookmark is `FB:` + base64 of a PackStream value: a one-entry list of the database's
 * 16-byte id, then the id of the last committed transaction (an integer), then a list. The driver
 * treats bookmarks as opaque and the format is not documented, so this reads only that exact
 * shape and answers undefined for anything else: the caller then forgets everything, which is
 * always correct. Transaction ids of one database rise by one per commit (the server's own
 * transactions, for a new label or property name, count too).
 */
const HEAD = [0x91, 0xcc, 0x10];

/** The database id and last transaction of a bookmark, or undefined when it is not of the known shape. */
export function bookmarkPosition(bookmark: string): { database: string; tx: number } | undefined {
  if (!bookmark.startsWith('FB:')) return undefined;
  const b = Buffer.from(bookmark.slice(3), 'base64');
  if (b.length < 20 || HEAD.some((x, i) => b[i] !== x)) return undefined;
  const database = b.subarray(3, 19).toString('hex');
  const m = b[19]!;
  // PackStream integers: a tiny int in the marker byte, or a marker then 1, 2, 4 or 8 bytes, big-endian.
  let tx: number | bigint | undefined;
  if (m < 0x80) tx = m;
  else if (m === 0xc8 && b.length >= 21) tx = b.readInt8(20);
  else if (m === 0xc9 && b.length >= 22) tx = b.readInt16BE(20);
  else if (m === 0xca && b.length >= 24) tx = b.readInt32BE(20);
  else if (m === 0xcb && b.length >= 28) tx = b.readBigInt64BE(20);
  if (tx === undefined || tx < 0 || tx > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return { database, tx: Number(tx) };
}

/** Remembers the transactions this process committed; says whether a stretch of them is all its own. */
export class OwnCommits {
  private readonly ids = new Set<number>();
  private readonly order: number[] = [];
  private database: string | undefined;

  constructor(private readonly keep = 10_000) {}

  /** Records the bookmark a write of this process came back with. */
  add(bookmarks: string[]): void {
    for (const b of bookmarks) {
      const p = bookmarkPosition(b);
      if (!p || (this.database && p.database !== this.database)) continue;
      this.database = p.database;
      this.ids.add(p.tx);
      this.order.push(p.tx);
      if (this.order.length > this.keep) this.ids.delete(this.order.shift()!);
    }
  }

  /** Whether every transaction after `from` up to `to` (two change tokens) was committed here. */
  onlyOwnBetween(from: string, to: string): boolean {
    const [a, b] = [bookmarkPosition(from), bookmarkPosition(to)];
    if (!a || !b || a.database !== b.database || b.database !== this.database || b.tx < a.tx || b.tx - a.tx > 1000) return false;
    for (let tx = a.tx + 1; tx <= b.tx; tx++) if (!this.ids.has(tx)) return false;
    return true;
  }
}

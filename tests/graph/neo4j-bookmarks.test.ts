/**
 * Reading a Neo4j 5 bookmark's last transaction (server/graph/neo4j-bookmarks.ts). The first
 * strings are bookmarks a local Neo4j 5.26.30 gave: a read (transaction 3), then a write that also
 * created a label (so 4 and 5 were the server's own), then one write each (7, 8). The
 * instances test (tests/api/instances.test.ts) checks the same on a running server.
 */
import { describe, expect, it } from 'vitest';
import { bookmarkPosition, OwnCommits } from '../../server/graph/neo4j-bookmarks';

const DB = '24d3b4e7d8c942dd86fe6e5b036f4c95';
const bookmark = (txBytes: number[]) => `FB:${Buffer.from([0x91, 0xcc, 0x10, ...Buffer.from(DB, 'hex'), ...txBytes, 0x90]).toString('base64')}`;

describe('Neo4j bookmarks', () => {
  it('reads the database and last transaction of bookmarks a real server gave', () => {
    expect(bookmarkPosition('FB:kcwQJNO059jJQt2G/m5bA29MlQOQ')).toEqual({ database: DB, tx: 3 });
    expect(bookmarkPosition('FB:kcwQJNO059jJQt2G/m5bA29MlQaQ')).toEqual({ database: DB, tx: 6 });
    expect(bookmarkPosition('FB:kcwQJNO059jJQt2G/m5bA29MlQiQ')).toEqual({ database: DB, tx: 8 });
  });

  it('reads transaction ids in every PackStream integer width', () => {
    expect(bookmarkPosition(bookmark([0x7f]))?.tx).toBe(127);
    expect(bookmarkPosition(bookmark([0xc9, 0x01, 0x00]))?.tx).toBe(256);
    expect(bookmarkPosition(bookmark([0xca, 0x00, 0x01, 0x86, 0xa0]))?.tx).toBe(100_000);
    expect(bookmarkPosition(bookmark([0xcb, 0, 0, 0, 0x01, 0, 0, 0, 0]))?.tx).toBe(2 ** 32);
  });

  it('answers undefined for anything of another shape (the caller then forgets everything)', () => {
    for (const b of ['', 'FB:', 'FB:AAAA', 'neo4j:bookmark:v1:tx42', bookmark([0xf0]), `FB:${Buffer.from([0x91, 0xcc, 0x10, ...Buffer.from(DB, 'hex'), 0xc9, 0x01]).toString('base64')}`]) expect(bookmarkPosition(b)).toBeUndefined();
  });

  it('a stretch of commits is all our own only when every transaction in it was recorded here', () => {
    const own = new OwnCommits();
    own.add([bookmark([6]), bookmark([7])]);
    expect(own.onlyOwnBetween(bookmark([5]), bookmark([7]))).toBe(true);
    expect(own.onlyOwnBetween(bookmark([4]), bookmark([7]))).toBe(false); // 5 was someone else's
    own.add([bookmark([9])]);
    expect(own.onlyOwnBetween(bookmark([7]), bookmark([9]))).toBe(false); // 8 was someone else's
    expect(own.onlyOwnBetween('FB:kcwQJNO059jJQt2G/m5bA29MlQaQ', bookmark([7]))).toBe(true);
    expect(own.onlyOwnBetween('garbage', bookmark([7]))).toBe(false);
    const elsewhere = `FB:${Buffer.from([0x91, 0xcc, 0x10, ...Buffer.alloc(16, 1), 7, 0x90]).toString('base64')}`;
    expect(own.onlyOwnBetween(bookmark([6]), elsewhere)).toBe(false); // another database
  });
});

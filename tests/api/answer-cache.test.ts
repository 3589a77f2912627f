/**
 * Which kept answers a write or a progress record forgets (server/api/response-cache.ts): those
 * whose reads depend on what changed, no others; and an answer being worked out while something it
 * read changed is not kept. The HTTP tests (response-cache.test.ts, instances.test.ts) show the
 * same on both stores; these name every case.
 */
import { describe, expect, it } from 'vitest';
import { AnswerCache } from '../../server/api/response-cache';
import { ANY, PROGRESS } from '../../server/graph/dependencies';

function setUp() {
  let tell: (changed: ReadonlySet<string> | null) => void = () => undefined;
  let progress = 0;
  const cache = new AnswerCache({ onChange: (l) => { tell = l; } }, () => progress);
  const keep = (query: string, tags: string[]) => {
    const key = cache.keyOf({ query })!;
    cache.begin(key, new Set(tags))(`{"data":"${query}"}`);
    return key;
  };
  return { cache, keep, write: (tags: string[] | null) => tell(tags && new Set(tags)), recordProgress: () => { progress++; } };
}

describe('kept answers', () => {
  it('a write forgets the answers that read what it changed, and only those', () => {
    const { cache, keep, write } = setUp();
    const a = keep('a', ['unit:430500:市发改委', 'task:d1:1']);
    const b = keep('b', ['unit:430200:市发改委']);
    const all = keep('list', [ANY]);
    write(['unit:430200:市发改委', 'doc:d9']);
    expect(cache.get(a)).toBe('{"data":"a"}');
    expect(cache.get(b)).toBeUndefined();
    expect(cache.get(all)).toBeUndefined();
  });

  it('a write that names nothing forgets everything', () => {
    const { cache, keep, write } = setUp();
    const a = keep('a', ['unit:x']);
    write(null);
    expect(cache.get(a)).toBeUndefined();
    const b = keep('b', ['unit:x']);
    write([ANY]);
    expect(cache.get(b)).toBeUndefined();
  });

  it('a progress record forgets the answers that read progress, and only those', () => {
    const { cache, keep, recordProgress } = setUp();
    const lights = keep('lights', ['task:d1:1', PROGRESS]);
    const leads = keep('leads', ['unit:x', 'task:d1:1']);
    recordProgress();
    expect(cache.keyOf({ query: 'lights' })).toBe(lights); // the key does not move; the answer goes
    expect(cache.get(lights)).toBeUndefined();
    expect(cache.get(leads)).toBe('{"data":"leads"}');
  });

  it('an answer being worked out while something it read changes is not kept; later askers do not wait for it', async () => {
    const { cache, write } = setUp();
    const key = cache.keyOf({ query: 'q' })!;
    const reads = new Set(['unit:x']);
    const finish = cache.begin(key, reads);
    const before = cache.inFlight(key)!;
    write(['unit:x']);
    expect(cache.inFlight(key)).toBeUndefined(); // asked after the write: answered afresh
    finish('{"data":"old"}');
    expect(cache.get(key)).toBeUndefined();
    expect(await before).toBe('{"data":"old"}'); // asked while the write was under way
    // One that read nothing the write changed is kept, and still shared.
    const other = cache.keyOf({ query: 'r' })!;
    const done = cache.begin(other, new Set(['unit:x']));
    write(['unit:y']);
    expect(cache.inFlight(other)).toBeDefined();
    done('{"data":"r"}');
    expect(cache.get(other)).toBe('{"data":"r"}');
  });

  it('a store that does not tell its changes keeps nothing', () => {
    expect(new AnswerCache({}).keyOf({ query: '{ stats { tasks } }' })).toBeNull();
  });
});

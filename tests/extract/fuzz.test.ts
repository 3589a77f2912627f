/**
 * Fuzzing: thousands of random and mutated inputs. The extractor must never throw (a thrown
 * error would surface as an "extraction failed" warning) and must finish each input quickly,
 * which would not hold with catastrophic regex backtracking.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prng } from '../../bench/synthetic-plans';
import { ExtractResult } from '../../server/extract/contract';
import { extract } from '../../server/extract/extract';
import { findNotes } from '../../server/extract/notes';
import { seedFiles } from '../support/seeds';

const seeds = seedFiles().map((f) => readFileSync(f, 'utf8'));
const rnd = prng(20261123);
const int = (n: number) => Math.floor(rnd() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
const ALPHABET = '(())((::;;,,、。\n 牵头单位责任单位配合参与负责按职责分工市省县区各有关等一是二是1.2、(一)一、區(qū)?é●〔〕《》"“”0123456789';

const MUTATIONS: Array<[string, (s: string) => string]> = [
  ['cut', (s) => {
    const a = int(s.length);
    return s.slice(a, a + int(4000));
  }],
  ['shuffle lines', (s) => s.split('\n').sort(() => rnd() - 0.5).join('\n')],
  ['double notes', (s) => s.replace(/\([^()]{2,200}\)/g, (m) => m + m)],
  ['unbalanced brackets', (s) => {
    const chars = [...s];
    for (let k = 0; k < 50; k++) chars.splice(int(chars.length), rnd() < 0.5 ? 1 : 0, pick(['(', ')', '(', '']));
    return chars.join('');
  }],
  ['one long line', (s) => s.replace(/\n/g, '')],
  ['soup', () => Array.from({ length: 200 + int(3000) }, () => pick([...ALPHABET])).join('')],
  ['repeated openers', () => '(责任单位:'.repeat(2000 + int(3000))],
  ['deep nesting', () => '('.repeat(5000) + '牵头单位:市商务局' + ')'.repeat(5000)],
  ['label runs', () => Array.from({ length: 3000 }, () => pick(['市发改委', '、', '牵头', '负责', ',', '等', '参与'])).join('')],
  ['numbering storm', () => Array.from({ length: 2000 }, (_, i) => pick([`${i}.`, '(一)', '一、', '●', '一是', '\n'])).join('')],
];

describe('fuzz', () => {
  it('never throws and stays fast on 3,000 random and mutated inputs', () => {
    let slowest = 0;
    let inputs = 0;
    for (let round = 0; round < 300; round++) {
      for (const [name, mutate] of MUTATIONS) {
        const text = mutate(pick(seeds));
        const t0 = performance.now();
        const r = extract([{ file: `${name}-${round}.txt`, bytes: Buffer.from(text) }]);
        const ms = performance.now() - t0;
        slowest = Math.max(slowest, ms);
        inputs++;
        const failures = r.warnings.filter((w) => w.message.startsWith('extraction failed'));
        expect(failures, `${name} round ${round}`).toEqual([]);
        // A linear pass over ≤ 80 KB takes milliseconds; backtracking would take seconds.
        expect(ms, `${name} round ${round}`).toBeLessThan(2000);
      }
    }
    expect(inputs).toBe(3000);
    console.log(`fuzz: ${inputs} inputs, slowest ${slowest.toFixed(1)} ms`);
  });

  it('finds notes in linear time on a 1 MB line of brackets', () => {
    const t0 = performance.now();
    findNotes('(责任单位:市商务局'.repeat(100_000));
    findNotes('('.repeat(500_000) + ')'.repeat(500_000));
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('always produces output that satisfies the contract schema', () => {
    const r = extract(seedFiles().map((file) => ({ file, bytes: readFileSync(file) })));
    const { failed: _failed, texts: _t, ...contract } = r;
    expect(() => ExtractResult.parse(contract)).not.toThrow();
    const mutated = extract([{ file: 'm.txt', bytes: Buffer.from(MUTATIONS[3]![1](seeds[2]!)) }]);
    const { failed: _f2, texts: _t2, ...c2 } = mutated;
    expect(() => ExtractResult.parse(c2)).not.toThrow();
  });
});

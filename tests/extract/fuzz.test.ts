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

const HEADERS = [
  ['序号', '任务名称', '指标要求', '牵头部门', '配合部门', '完成时限'],
  ['序 号', '重点工作', '责任领导', '责任单位', '时间节点'],
  ['项目名称', '工作任务', '计划完成时间', '牵头单位'],
  ['负责领导', '重点工作', '基本要求', '牵头部门', '协同部门', '完成情况'],
];
const CELLS = ['1', '2', '12', '300', '市发改委', '★区财政局、税务局', '钱 宇', '王 嵘\n方 勇', '12月底前', '2021.8', '长期坚持', '每年', '全年',
  '新建农村公路50公里。', '一、主要目标', '县水利局\n县住建局', '各县(市、区)政府(管委会)', '市财政局(第一责任单位为牵头单位,下同)', '(', ')', '|', ''];
const LABELS = ['牵头单位', '责任单位', '配合单位', '【牵头单位', '[责任单位]', '牵头负责领导', '完成时限', '时间节点', '项目负责人', '主办', '协办'];
const row = (sep: string) => Array.from({ length: 1 + int(8) }, () => pick(CELLS)).join(sep);

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
  // Tables and label lines, the shapes other cities write: rows of cells, cells one per line, labels.
  ['pipe table', () => [pick(HEADERS).join(' | '), ...Array.from({ length: 1 + int(60) }, () => row(' | '))].join('\n')],
  ['cell stream', () => [...pick(HEADERS), ...Array.from({ length: 20 + int(400) }, () => pick([...CELLS, '|', '||||', '']))].join(pick(['\n', '\n\n', ' |\n']))],
  ['tab table', (s) => `${s.slice(0, int(2000))}\n${pick(HEADERS).join('\t')}\n${Array.from({ length: int(40) }, () => row(pick(['\t', '  ', ' ']))).join('\n')}`],
  ['label lines', () => Array.from({ length: 50 + int(500) }, () => `${pick(LABELS)}${pick([':', ':', '', '】'])}${pick(CELLS)}${pick(['。', '', ';', ','])}`).join(pick(['\n', '', ' ']))],
];

describe('fuzz', () => {
  it('never throws and stays fast on 3,000 random and mutated inputs', () => {
    let slowest = 0;
    let inputs = 0;
    const rounds = Math.ceil(3000 / MUTATIONS.length);
    for (let round = 0; round < rounds; round++) {
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
    expect(inputs).toBeGreaterThanOrEqual(3000);
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
    // A table with leaders and deadlines: the new fields keep to the schema too.
    const table = `序号 | 重点工作 | 责任领导 | 牵头单位 | 完成时限 |\n1 | 新建公园2个。 | 王 健 | 市住建局 | 2024年6月底前 |\n2 | 常态化巡河。 | 李明 | 市水利局 | 长期坚持 |`;
    const t = extract([{ file: 't.txt', bytes: Buffer.from(table) }]);
    const { failed: _f3, texts: _t3, ...c3 } = t;
    expect(() => ExtractResult.parse(c3)).not.toThrow();
    expect(c3.documents[0]!.tasks.map((x) => [x.deadline?.kind, x.leaders.length])).toEqual([['date', 1], ['ongoing', 1]]);
  });
});

/**
 * Many files extracted in threads (parallel.ts) give exactly what one extract() over them gives:
 * the documents, the units (first part's, surfaces merged), the warnings, in file order.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract, extractPart, finishExtraction } from '../../server/extract/extract';
import { extractMany, mergeParts } from '../../server/extract/parallel';
import { syntheticPlan } from '../../bench/synthetic-plans';

const CORPUS = join(import.meta.dirname, '../../../shared/corpus');
const SEEDS = join(import.meta.dirname, '../../seeds');
const txt = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ file: join(dir, f), bytes: readFileSync(join(dir, f)) }));

const plan = (file: string, lines: string) => ({ file, bytes: Buffer.from(`黑龙江省人民政府关于落实重点工作责任分工的意见\n一、主要目标\n${lines}`) });
// One province's plans; the second and third write 省农业农村厅 with its two words swapped.
const A = plan('a.txt', '(一)进出口总额增长8%左右。(省商务厅负责)');
const B = plan('b.txt', '(一)粮食产量稳定。(省农村农业厅负责)\n(二)农村公路建设。(省农业农村厅负责)');
const C = plan('c.txt', '(一)粮食产量稳定。(省农业农村厅负责,商务厅配合)');

describe('extraction in threads', () => {
  it('gives what one run gives, on the corpus, the seeds and 200 synthetic plans', async () => {
    const synthetic = Array.from({ length: 200 }, (_, n) => syntheticPlan(n)).map((p) => ({ file: p.file, bytes: Buffer.from(p.text) }));
    const inputs = [...txt(CORPUS), ...txt(SEEDS), ...synthetic];
    const files: string[] = [];
    const threaded = await extractMany(inputs, { threads: 2, minBytes: 0, onFile: (file) => files.push(file) });
    expect(threaded).toEqual(extract(inputs));
    expect(threaded.documents.length).toBe(inputs.length);
    expect(files.sort()).toEqual(inputs.map((i) => i.file).sort());
  }, 120_000);

  it('maps a swapped-words name to the name the earliest file wrote, whichever part saw it', () => {
    // In one run, b.txt's 省农村农业厅 comes first: its class is that unit, 省农业农村厅 included.
    const one = extract([A, B, C]);
    const ids = (r: typeof one) => r.documents.map((d) => d.tasks.map((t) => t.assignments.map((a) => a.unitId).join(' ')));
    expect(ids(one)).toEqual([['230000:省商务厅'], ['230000:省农村农业厅', '230000:省农村农业厅'], ['230000:省农村农业厅 230000:省商务厅']]);
    // C extracted apart first names 省农业农村厅; merged after B's part, it takes B's name.
    const merged = finishExtraction(mergeParts([extractPart([A]), extractPart([B]), extractPart([C])]));
    expect(merged).toEqual(one);
    expect(merged.units.find((u) => u.id === '230000:省农村农业厅')!.surfaces).toEqual(['省农村农业厅', '省农业农村厅'].sort());
    expect(merged.units.some((u) => u.id === '230000:省农业农村厅')).toBe(false);
  });
});

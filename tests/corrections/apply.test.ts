/** Applying corrections to an extraction: found by ref and quote, or by the quote when a new extractor renumbers tasks. */
import { describe, expect, it } from 'vitest';
import { applyCorrections } from '../../server/corrections/apply';
import type { Correction } from '../../server/corrections/model';
import { extract } from '../../server/extract/extract';

const PLAN = ['常德市优化营商环境行动方案', '一、重点任务', '1、推进一网通办。全面推行“一件事一次办”。(市政务服务中心牵头,市发改委、市大数据局配合)', '2、优化纳税服务。压缩办税时间。(市税务局负责,市财政局协助)'].join('\n');

function fresh() {
  return extract([{ file: 'changde.txt', bytes: Buffer.from(PLAN) }]);
}

const title = (sha256: string, ref: string, quote: string, after: string, seq = 1): Correction => ({
  id: `c${seq}`, seq, kind: 'title', by: 'eddie', at: '2026-01-01T00:00:00Z', task: { sha256, documentId: 'changde', ref, quote }, before: '', after,
});

describe('applyCorrections', () => {
  it('finds the task by ref and quote, and by the quote alone once a new extractor renumbers it', () => {
    const result = fresh();
    const doc = result.documents[0]!;
    const t1 = doc.tasks[0]!;
    const c = title(doc.sha256, t1.ref, t1.text.slice(0, 40), '推进政务服务一网通办');
    expect(applyCorrections(result, [c])).toEqual(new Map([['c1', true]]));
    expect(result.documents[0]!.tasks[0]!.title).toBe('推进政务服务一网通办');

    const renumbered = fresh();
    for (const t of renumbered.documents[0]!.tasks) t.ref = `一.(一).${t.ref.split('.').pop()}x`;
    expect(applyCorrections(renumbered, [c])).toEqual(new Map([['c1', true]]));
    expect(renumbered.documents[0]!.tasks[0]!.title).toBe('推进政务服务一网通办');
  });

  it('reports a correction whose task is gone, and leaves other documents alone', () => {
    const result = fresh();
    const doc = result.documents[0]!;
    const gone = title(doc.sha256, '一.9', '这项任务不存在', 'x', 1);
    const elsewhere = title('f'.repeat(64), '一.1', '推进', 'y', 2);
    expect(applyCorrections(result, [gone, elsewhere])).toEqual(new Map([['c1', false]]));
    expect(result.documents[0]!.tasks.map((t) => t.title)).toEqual(['推进一网通办', '优化纳税服务']);
  });
});

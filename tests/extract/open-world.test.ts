/**
 * Notations of plans the grammar was not written for (issue 18): bracket kinds, numbering marks,
 * units known only by their shape, clauses in prose. Every expected value below was written from
 * the excerpt by hand.
 */
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../server/extract/contract';
import { extract } from '../../server/extract/extract';

function read(text: string, file = 'plan.txt'): ExtractedDocument {
  return extract([{ file, bytes: Buffer.from(text) }]).documents[0]!;
}

/** `title → role:surface …` for every task. */
function summary(text: string): string[] {
  return read(text).tasks.map((t) => `${t.title} → ${t.assignments.map((a) => `${a.role}:${a.surface}`).join(' ')}`);
}

const HEAD = '某某市人民政府关于印发某某市2024年重点工作责任分解方案的通知\n某某市2024年重点工作责任分解方案\n';

describe('notes in any bracket', () => {
  it('reads notes in 〔〕, [] and 【】 as in ()', () => {
    expect(summary(`${HEAD}一、主要目标
(一)地区生产总值增长7%。[牵头单位:县发改局(粮食局);责任单位:各镇人民政府,县经济开发区]
(二)财政收入增长5%。〔牵头单位:县财政局;责任单位:县税务局〕
(三)粮食产量稳定。【牵头单位:县农业农村局;责任单位:各镇人民政府】`)).toEqual([
      '地区生产总值增长7% → lead:县发改局(粮食局) responsible:各镇人民政府 responsible:县经济开发区',
      '财政收入增长5% → lead:县财政局 responsible:县税务局',
      '粮食产量稳定 → lead:县农业农村局 responsible:各镇人民政府',
    ]);
  });
});

describe('numbering marks', () => {
  it('reads 1﹒ (small full stop) and 1。 as item numbers', () => {
    expect(summary(`${HEAD}一、主要目标
1﹒全省生产总值增长7%以上。
牵头责任单位:市发展改革委。
2。固定资产投资增长10%。(市发展改革委负责)`).map((s) => s.split(' → ')[0])).toEqual(['全省生产总值增长7%以上', '固定资产投资增长10%']);
  });
});

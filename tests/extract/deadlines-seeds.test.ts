/**
 * Deadlines of the seed plans, read by hand from the texts (issue 12). The grammar (issue 10)
 * fills `task.deadline`; this checks it. A task whose own text states a completion date has
 * `deadline.date`: the latest stated completion, its quote kept. Plan years come from the
 * documents' dates (邵阳 2020, 萍乡 2019, 湖南 2016, 湘潭 2024).
 */
import { describe, expect, it } from 'vitest';
import { toSimplified } from '../../server/extract/simplify';
import { doc, rawOf, task } from '../support/seeds';

const D000 = '000_';
const D001 = '001_';
const D002 = '002_';
const D003 = '003_';

/** [document, ref, deadline text as the task writes it (simplified), ISO date] — by hand. */
const DATED: Array<[string, string, string, string]> = [
  // 争取2020年开工建设,2025年建成通车: the completion, not the start.
  [D000, '二.(一).1', '2025年', '2025-12-31'],
  // 2020年开工建设…; 2025年前,力争启动建设…: both starts; the later one.
  [D000, '二.(一).2', '2025年前', '2025-12-31'],
  // 到2025年,七大工业新兴优势产业链产值突破2500亿元
  [D000, '二.(二).6', '2025年', '2025-12-31'],
  // 每年建成…10个以上。到2025年,全市高新技术产业产值占…40%以上
  [D000, '二.(三).11', '2025年', '2025-12-31'],
  // 力争2019年开工…确保2021年建成通车…争取2020年前开工建设
  [D001, '二.(一).1', '2021年', '2021-12-31'],
  // 到2020年全市建成高标准农田21.5万亩
  [D001, '二.(四).7', '2020年', '2020-12-31'],
  // 伏林大道…力争年内启动建设 (the plan is dated 2024-06-11)
  [D003, '二.(一).2', '年内', '2024-12-31'],
  // 力争获2024年省人民政府“大抓落实”督查激励; 2024年新增知识价值信用贷款10亿元
  [D003, '二.(二).2', '2024年', '2024-12-31'],
];

/** Tasks whose text names a year or a period that is no deadline of the task — by hand. */
const UNDATED: Array<[string, string, string]> = [
  [D003, '二.(二).3', 'a baseline: 城镇化率较2023年提升0.5%'],
  [D003, '二.(三).3', 'a cited title: 《…三年行动实施方案(2023—2025年)》'],
  [D003, '二.(三).4', 'a cited title: 《…工作方案(2023—2025年)》'],
  [D000, '二.(一).3', 'no date at all'],
  [D000, '二.(三).10', 'a recurring target only: 每年引进和培育高新技术企业各80家以上'],
  [D002, '二.(三).1', 'no date at all'],
];

describe('deadlines of the seed plans (by hand from the texts)', () => {
  it.each(DATED)('%s %s: %s → %s', (d, ref, text, date) => {
    const t = task(d, ref);
    expect(t.deadline).toMatchObject({ text, date, kind: 'date' });
    // The quote is where the task writes it (traditional characters in 湘潭's file).
    expect(toSimplified(rawOf(d).slice(t.deadline!.start, t.deadline!.end))).toBe(text);
  });

  it.each(UNDATED)('%s %s has no deadline date (%s)', (d, ref) => {
    expect(task(d, ref).deadline?.date ?? null).toBeNull();
  });

  it('no other task of the four plans has a deadline date', () => {
    const dated = new Set(DATED.map(([d, ref]) => `${d}${ref}`));
    for (const d of [D000, D001, D002, D003]) {
      for (const t of doc(d).tasks) {
        if (!dated.has(`${d}${t.ref}`)) expect(t.deadline?.date ?? null, `${d}${t.ref}`).toBeNull();
      }
    }
  });
});

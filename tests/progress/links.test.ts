/**
 * Linking a report's rows to plan tasks (server/progress/links.ts), without a store: the
 * jurisdiction rule, the threshold, ambiguity, and the report's date.
 */
import { describe, expect, it } from 'vitest';
import type { ExtractedProgressRow } from '../../server/extract/contract';
import { cover, linkRows, reportDate, type PlanTask } from '../../server/progress/links';

const row = (n: number, title: string, report: string, state: ExtractedProgressRow['state'] = { state: 'DONE', quote: report, start: 0, end: 1 }): ExtractedProgressRow => ({
  n, ref: String(n), title, report, shape: 'item', start: 0, end: 1, reportStart: 0, reportEnd: 1, state, taskId: null,
});
const plan = (id: string, title: string, code = '511724'): PlanTask => ({ id: `plan:${id}`, ref: id, title, text: `${title}。`, documentId: 'plan', jurisdictionCode: code });
const PLANS = [
  plan('1', '新建2座人行天桥'),
  plan('2', '启动县图书馆新馆建设'),
  plan('3', '开工建设县老年养护楼'),
  plan('4', '开工建设老年大学'),
  plan('5', '新建2座人行天桥', '511700'), // another jurisdiction's plan, word for word the same
];
const report = (rows: ExtractedProgressRow[], date: string | null = '2017-01-12') => ({ id: 'rep', title: '2016年民生实事完成情况', date, sha256: '', jurisdictionCode: '511724', rows });

describe('linkRows', () => {
  it('links a restated task of the same jurisdiction only, above the threshold', () => {
    const [l] = linkRows([report([row(1, '新建2座人行天桥', '已建成并投入使用')])], PLANS, [], '2024-01-01');
    expect(l).toMatchObject({ taskId: 'plan:1', titleCover: 1, pending: null, date: '2017-01-12' });
  });

  it('two tasks nearly as likely: ambiguous, offered rather than applied', () => {
    // One row reporting on two tasks at once restates both titles in full.
    const [l] = linkRows([report([row(1, '开工建设县老年养护楼和老年大学', '均已开工')])], PLANS, [], '2024-01-01');
    expect(l!.pending).toBe('ambiguous');
  });

  it('a row that restates little of any task is below the threshold', () => {
    const [l] = linkRows([report([row(1, '城区农贸市场', '未启动')])], PLANS, [], '2024-01-01');
    expect(l === undefined || l.pending === 'low-confidence').toBe(true);
  });

  it('no state, or no date, leaves a good link waiting for an editor', () => {
    expect(linkRows([report([row(1, '新建2座人行天桥', '增长9.5%', null)])], PLANS, [], '2024-01-01')[0]!.pending).toBe('no-state');
    const undated = { ...report([row(1, '新建2座人行天桥', '已建成')], null), title: '民生实事完成情况' };
    expect(linkRows([undated], PLANS, [], '2024-01-01')[0]!.pending).toBe('no-date');
  });

  it('a report with no date stands as of the end of the year its title names, once that is past', () => {
    expect(reportDate({ date: null, title: '2016年民生实事完成情况' }, '2017-03-01')).toBe('2016-12-31');
    expect(reportDate({ date: null, title: '2024年民生实事完成情况' }, '2024-06-01')).toBeNull();
    expect(reportDate({ date: '2017-01-12', title: '2016年' }, '2017-03-01')).toBe('2017-01-12');
  });

  it('cover: the share of a title\'s character pairs found in the other text, simplified and without punctuation', () => {
    expect(cover('新建2座人行天桥', '2座人行天桥已于9月建成')).toBeCloseTo(5 / 7);
    expect(cover('啟動縣圖書館新館建設', '启动县图书馆新馆建设。')).toBe(1);
  });
});

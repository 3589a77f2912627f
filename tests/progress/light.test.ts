/** Lights (issue 22, item 3): every transition at a fixed asOf, with DUE_SOON_DAYS 30 and PROGRESS_STALE_DAYS 30. */
import { describe, expect, it } from 'vitest';
import { latestKnown, taskLight, type ProgressState } from '../../server/api/analytics/light';

const O = { soonDays: 30, staleDays: 30 };
const due = (date: string, progress: Array<[string, ProgressState]> = []) => ({
  deadlineKind: 'date', deadlineDate: date, progress: progress.map(([d, state]) => ({ date: d, state })),
});
const at = (asOf: string, t: ReturnType<typeof due>) => taskLight(t, { ...O, asOf }).light;

describe('taskLight', () => {
  it('takes a task with no progress from green to yellow to red as its date comes and goes', () => {
    const t = due('2024-06-30');
    expect(at('2024-05-30', t)).toBe('ON_TRACK'); // 31 days before: not yet in the window
    expect(at('2024-05-31', t)).toBe('AT_RISK'); // 30 days before: in the window, nothing reported
    expect(at('2024-06-30', t)).toBe('AT_RISK'); // due today is not past due
    expect(at('2024-07-01', t)).toBe('OVERDUE');
  });

  it('keeps DONE green after the date, but only from the day it was reported', () => {
    const t = due('2024-06-30', [['2024-06-20', 'DONE']]);
    expect(at('2024-06-19', t)).toBe('AT_RISK'); // the report is not known yet on the 19th
    expect(at('2024-06-20', t)).toBe('DONE');
    expect(at('2025-01-01', t)).toBe('DONE');
    const late = due('2024-06-30', [['2024-08-01', 'DONE']]);
    expect(at('2024-07-15', late)).toBe('OVERDUE');
    expect(at('2024-08-01', late)).toBe('DONE'); // done late is still done
  });

  it('is green while progress is fresh, yellow once it is stale near the date', () => {
    const t = due('2024-06-30', [['2024-05-20', 'IN_PROGRESS']]);
    expect(at('2024-06-19', t)).toBe('ON_TRACK'); // reported 30 days ago: still fresh
    expect(at('2024-06-20', t)).toBe('AT_RISK'); // 31 days ago: stale, due in 10 days
    const far = due('2024-12-31', [['2024-01-10', 'IN_PROGRESS']]);
    expect(at('2024-06-01', far)).toBe('ON_TRACK'); // stale but the date is far
  });

  it('turns yellow on BEHIND at any date, and red once past due', () => {
    const t = due('2024-12-31', [['2024-03-01', 'BEHIND']]);
    expect(at('2024-02-29', t)).toBe('ON_TRACK');
    expect(at('2024-03-01', t)).toBe('AT_RISK');
    expect(at('2025-01-01', t)).toBe('OVERDUE');
    // A later report replaces it.
    const better = due('2024-12-31', [['2024-03-01', 'BEHIND'], ['2024-04-01', 'IN_PROGRESS']]);
    expect(at('2024-04-01', better)).toBe('ON_TRACK');
  });

  it('does not count 未启动 as progress near the date', () => {
    const t = due('2024-06-30', [['2024-06-10', 'NOT_STARTED']]);
    expect(at('2024-06-15', t)).toBe('AT_RISK');
    expect(taskLight(t, { ...O, asOf: '2024-06-15' }).zh).toBe('15天后（2024-06-30）到期，2024-06-10报告未启动');
  });

  it('is grey without a stated date, unless progress says done or behind', () => {
    const none = { deadlineKind: 'ongoing', deadlineDate: '', progress: [] };
    expect(taskLight(none, { ...O, asOf: '2024-06-15' }).light).toBe('NO_DEADLINE');
    expect(taskLight({ ...none, deadlineKind: '' }, { ...O, asOf: '2024-06-15' }).light).toBe('NO_DEADLINE');
    expect(taskLight({ ...none, progress: [{ date: '2024-06-01', state: 'DONE' }] }, { ...O, asOf: '2024-06-15' }).light).toBe('DONE');
    expect(taskLight({ ...none, progress: [{ date: '2024-06-01', state: 'BEHIND' }] }, { ...O, asOf: '2024-06-15' }).light).toBe('AT_RISK');
  });

  it('says why, in both languages', () => {
    const overdue = taskLight(due('2024-06-30'), { ...O, asOf: '2024-07-03' });
    expect(overdue.zh).toBe('完成时限2024-06-30已过3天，未报告进展');
    expect(overdue.en).toBe('due 2024-06-30, 3 days ago, no progress reported');
    const done = taskLight(due('2024-06-30', [['2024-06-20', 'DONE']]), { ...O, asOf: '2024-07-03' });
    expect(done.zh).toBe('2024-06-20报告已完成');
    const soon = taskLight(due('2024-06-30'), { ...O, asOf: '2024-06-29' });
    expect(soon.en).toBe('due in 1 day (2024-06-30), no progress reported');
  });

  it('takes the latest record known at asOf: latest date, then latest made', () => {
    const p = [
      { date: '2024-05-01', state: 'BEHIND' as const, createdAt: '2024-05-01T09:00:00Z' },
      { date: '2024-05-01', state: 'IN_PROGRESS' as const, createdAt: '2024-05-01T10:00:00Z' },
      { date: '2024-07-01', state: 'DONE' as const, createdAt: '2024-05-02T10:00:00Z' },
    ];
    expect(latestKnown(p, '2024-06-01')?.state).toBe('IN_PROGRESS');
    expect(latestKnown(p, '2024-07-01')?.state).toBe('DONE');
    expect(latestKnown(p, '2024-04-01')).toBeNull();
  });
});

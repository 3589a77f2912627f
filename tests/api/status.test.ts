/** Status from a stated deadline, periods of the timeline, and the follow-up terms' trimming. */
import { describe, expect, it } from 'vitest';
import { sharedStretches, trimTerm } from '../../server/api/analytics/follow-ups';
import { parseIsoDate, periodOf, taskStatus } from '../../server/api/analytics/status';

describe('taskStatus', () => {
  it('gives each of the five statuses at a fixed date', () => {
    expect(taskStatus('date', '2024-06-14', '2024-06-15')).toBe('PAST_DUE');
    expect(taskStatus('date', '2024-06-15', '2024-06-15')).toBe('DUE_SOON');
    expect(taskStatus('date', '2024-07-15', '2024-06-15')).toBe('DUE_SOON'); // 30 days
    expect(taskStatus('date', '2024-07-16', '2024-06-15')).toBe('LATER');
    expect(taskStatus('date', '2024-07-16', '2024-06-15', 60)).toBe('DUE_SOON');
    expect(taskStatus('ongoing', '', '2024-06-15')).toBe('ONGOING');
    expect(taskStatus('periodic', '', '2024-06-15')).toBe('ONGOING');
    expect(taskStatus('unparsed', '', '2024-06-15')).toBe('NONE');
    expect(taskStatus('', '', '2024-06-15')).toBe('NONE');
  });

  it('reads only real days', () => {
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(parseIsoDate('2023-02-29')).toBeNull();
    expect(parseIsoDate('2024-6-1')).toBeNull();
  });

  it('puts a date in its month or quarter', () => {
    expect(periodOf('2024-02-10', 'MONTH')).toEqual({ period: '2024-02', from: '2024-02-01', to: '2024-02-29' });
    expect(periodOf('2024-11-30', 'QUARTER')).toEqual({ period: '2024-Q4', from: '2024-10-01', to: '2024-12-31' });
    expect(periodOf('2025-04-01', 'QUARTER')).toEqual({ period: '2025-Q2', from: '2025-04-01', to: '2025-06-30' });
  });
});

describe('follow-up terms', () => {
  it('shares whole words only, and trims verbs and filler', () => {
    const a = '二是畅通流通平台,加快邵阳东货场建设,积极申报邵阳铁路口岸';
    const b = '加快邵阳火车站综合枢纽和邵阳东货场建设,增加铁路客货运线路';
    expect(sharedStretches(a, b).map(trimTerm)).toContain('邵阳东货场');
    expect(trimTerm('贯彻落实《宝庆人才行动计划》')).toBe('《宝庆人才行动计划》');
    expect(trimTerm('推动“邵品出')).toBe('邵品出');
  });
});

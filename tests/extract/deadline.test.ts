/** Deadlines as plans write them: labels, table cells, and dates inside a task's own sentence. */
import { describe, expect, it } from 'vitest';
import { findDeadlines, latestCompletion, parseDeadline } from '../../server/extract/deadline';

const date = (text: string, planYear: number | null = 2021) => parseDeadline(text, planYear);

describe('parseDeadline', () => {
  it('reads a year-end, a month-end and a day', () => {
    expect(date('2024年底前')).toEqual({ date: '2024-12-31', kind: 'date' });
    expect(date('2024年年底')).toEqual({ date: '2024-12-31', kind: 'date' });
    expect(date('2024年末')).toEqual({ date: '2024-12-31', kind: 'date' });
    expect(date('2025年6月底前完成')).toEqual({ date: '2025-06-30', kind: 'date' });
    expect(date('2009年5月10日前')).toEqual({ date: '2009-05-10', kind: 'date' });
    expect(date('2022年12月底')).toEqual({ date: '2022-12-31', kind: 'date' });
    expect(date('2021年11月')).toEqual({ date: '2021-11-30', kind: 'date' });
    expect(date('2020年')).toEqual({ date: '2020-12-31', kind: 'date' });
    expect(date('2024')).toEqual({ date: '2024-12-31', kind: 'date' });
    expect(date('2020年度')).toEqual({ date: '2020-12-31', kind: 'date' });
  });

  it('fills a missing year from the plan', () => {
    expect(date('6月底', 2021)).toEqual({ date: '2021-06-30', kind: 'date' });
    expect(date('4月20日前', 2023)).toEqual({ date: '2023-04-20', kind: 'date' });
    expect(date('11月', 2024)).toEqual({ date: '2024-11-30', kind: 'date' });
    expect(date('六月底前', 2024)).toEqual({ date: '2024-06-30', kind: 'date' });
  });

  it('reads 上旬/中旬/下旬 as the 10th, 20th and the last day', () => {
    expect(date('3月上旬', 2022).date).toBe('2022-03-10');
    expect(date('3月中旬', 2022).date).toBe('2022-03-20');
    expect(date('3月下旬', 2022).date).toBe('2022-03-31');
    expect(date('4月下旬', 2022).date).toBe('2022-04-30');
  });

  it('reads quarters and half-years', () => {
    expect(date('第三季度', 2021).date).toBe('2021-09-30');
    expect(date('三季度', 2021).date).toBe('2021-09-30');
    expect(date('一季度末', 2021).date).toBe('2021-03-31');
    expect(date('第四季度', 2021).date).toBe('2021-12-31');
    expect(date('2024年第二季度', null).date).toBe('2024-06-30');
    expect(date('上半年', 2021).date).toBe('2021-06-30');
    for (const t of ['下半年', '年内', '全年', '年底前']) expect(date(t, 2021), t).toEqual({ date: '2021-12-31', kind: 'date' });
  });

  it('reads table-cell forms: 2021.8, 2021.12, ISO dates', () => {
    expect(date('2021.8')).toEqual({ date: '2021-08-31', kind: 'date' });
    expect(date('2021.12')).toEqual({ date: '2021-12-31', kind: 'date' });
    expect(date('2021.8.15').date).toBe('2021-08-15');
    expect(date('2024-06-30').date).toBe('2024-06-30');
    expect(date('2024/6/30').date).toBe('2024-06-30');
  });

  it('gets leap years right for 2月底', () => {
    expect(date('2024年2月底').date).toBe('2024-02-29');
    expect(date('2023年2月底').date).toBe('2023-02-28');
    expect(date('2000年2月底').date).toBe('2000-02-29');
    expect(date('1900年2月底').date).toBe('1900-02-28');
    expect(date('2月底', 2028).date).toBe('2028-02-29');
    // No 29 February in 2023: not a date.
    expect(date('2023年2月29日')).toEqual({ date: null, kind: 'unparsed' });
  });

  it('takes the end of a range', () => {
    expect(date('2020—2025年').date).toBe('2025-12-31');
    expect(date('2024年3月至6月', null).date).toBe('2024-06-30');
  });

  it('reads recurring deadlines as periodic, with no date', () => {
    for (const t of ['每年', '每季度', '每月', '按年度推进', '年度', '每年6月底前']) {
      expect(date(t), t).toEqual({ date: null, kind: 'periodic' });
    }
  });

  it('reads standing work as ongoing, with no date', () => {
    for (const t of ['长期坚持', '持续推进', '长期', '常态化', '持续实施']) {
      expect(date(t), t).toEqual({ date: null, kind: 'ongoing' });
    }
    // A date wins over an ongoing word.
    expect(date('2024年底前完成,长期坚持')).toEqual({ date: '2024-12-31', kind: 'date' });
  });

  it('never invents a year', () => {
    for (const t of ['6月底', '4月20日前', '第三季度', '上半年', '年底前', '年内', '全年', '11月']) {
      expect(parseDeadline(t, null), t).toEqual({ date: null, kind: 'unparsed' });
    }
  });

  it('leaves anything else unparsed', () => {
    for (const t of ['', '尽快', '视情况而定', '增长5.5%', '400亩', '2000万元', '近期', '三年内']) {
      expect(date(t), t).toEqual({ date: null, kind: 'unparsed' });
    }
  });
});

describe('findDeadlines', () => {
  const texts = (s: string) => findDeadlines(s).map((d) => d.text);

  it('finds the phrases of a sentence, with their completion words', () => {
    expect(texts('2024年底前建成物流园区')).toEqual(['2024年底前']);
    expect(texts('确保项目2025年6月底前完成验收')).toEqual(['2025年6月底前完成']);
    expect(texts('4月20日前完成方案制定')).toEqual(['4月20日前完成']);
    expect(texts('3月中旬完成摸底,5月底前报送')).toEqual(['3月中旬完成', '5月底前']);
    expect(texts('第三季度召开推进会')).toEqual(['第三季度']);
    expect(texts('年底前全面完成')).toEqual(['年底前']);
    expect(texts('2012年4月30日前将名单报市政府')).toEqual(['2012年4月30日前']);
    expect(texts('推进呼南高铁邵永段前期工作,争取2020年开工建设,2025年建成通车')).toEqual(['2020年', '2025年']);
  });

  it('gives offsets into the text', () => {
    const s = '争取2020年开工建设,2025年建成通车';
    for (const d of findDeadlines(s)) expect(s.slice(d.start, d.end)).toBe(d.text);
    expect(findDeadlines(s).map((d) => d.start)).toEqual([2, 12]);
  });

  it('does not take numbers that are not dates', () => {
    expect(texts('地区生产总值增长5.5%,新增用地400亩,投资2000万元,3个月内完成,每年推进3-5项')).toEqual([]);
    expect(texts('统一月报制度,三年内基本建成')).toEqual([]);
    expect(texts('PM2.5浓度下降,完成12.5亿元')).toEqual([]);
  });

  it('reads 2020年度 as a period (the year 2020)', () => {
    expect(texts('完成2020年度目标')).toEqual(['2020年度']);
  });
});

describe('latestCompletion', () => {
  it('takes the latest completion date, its quote kept (seed 000)', () => {
    const s = '推进呼南高铁邵永段前期工作,争取2020年开工建设,2025年建成通车。';
    const d = latestCompletion(s, 2020)!;
    expect(d).toMatchObject({ text: '2025年', date: '2025-12-31', kind: 'date' });
    expect(s.slice(d.start, d.end)).toBe('2025年');
  });

  it('ignores a plain start date when a completion date exists', () => {
    expect(latestCompletion('3月上旬开始摸底,6月底前完成', 2021)!.date).toBe('2021-06-30');
    // A later start date does not beat an earlier completion.
    expect(latestCompletion('2022年底前完成一期,2023年开工二期', 2021)!.date).toBe('2022-12-31');
  });

  it('falls back to a start date when that is all the task states', () => {
    expect(latestCompletion('2020年开工建设邵阳白仓至新宁清江高速公路', 2020)).toMatchObject({ date: '2020-12-31', text: '2020年' });
  });

  it('carries a year through its sentence', () => {
    expect(latestCompletion('2024年3月启动,9月底前完成', null)!.date).toBe('2024-09-30');
    // A yearless phrase with no year in its sentence and no plan year is no deadline.
    expect(latestCompletion('9月底前完成', null)).toBeNull();
  });

  it('skips policy periods, baselines, the past, recurring dates and cited titles', () => {
    expect(latestCompletion('本办法实施期限至2021年12月31日', 2019)).toBeNull();
    expect(latestCompletion('力争常住人口城镇化率较2023年提升0.5个百分点', 2024)).toBeNull();
    expect(latestCompletion('2019年至今,全市累计引进项目29个', 2020)).toBeNull();
    expect(latestCompletion('每年6月底前报送工作总结', 2021)).toBeNull();
    expect(latestCompletion('做好《湘潭市美丽农村路建设三年行动实施方案(2023—2025年)》评估督导', 2024)).toBeNull();
    expect(latestCompletion('实施期限至2021年12月31日。2020年底前完成验收', 2019)!.date).toBe('2020-12-31');
  });

  it('returns null when the text states no date', () => {
    expect(latestCompletion('加快推进物流园区建设,增长5.5%', 2021)).toBeNull();
  });
});

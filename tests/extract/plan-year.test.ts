import { describe, expect, it } from 'vitest';
import { planYear, seriesKey, seriesTitle, yearOfTitle } from '../../server/extract/plan-year';

describe('plan year', () => {
  it('reads a single year, a range and a five-year plan from the title', () => {
    // Titles of the corpus (/work/shared/corpus/*.meta.json), read by hand.
    expect(yearOfTitle('立山区政府2023年重点工作任务分解和责任分工方案')).toEqual({ year: 2023, yearFrom: 2023, yearTo: 2023 });
    expect(yearOfTitle('廣東省推進粵港澳大灣區建設三年行動計劃(2018-2020年)')).toEqual({ year: 2018, yearFrom: 2018, yearTo: 2020 });
    expect(yearOfTitle('潮州市打赢蓝天保卫战实施方案(2019—2020年)')).toEqual({ year: 2019, yearFrom: 2019, yearTo: 2020 });
    expect(yearOfTitle('四川省“十四五”现代流通体系建设实施方案')).toEqual({ year: 2021, yearFrom: 2021, yearTo: 2025 });
    expect(yearOfTitle('湖南省“十三五”规划纲要')).toEqual({ year: 2016, yearFrom: 2016, yearTo: 2020 });
    expect(yearOfTitle('徐庄镇2017年度安全生产专项整治工作计划')).toEqual({ year: 2017, yearFrom: 2017, yearTo: 2017 });
    expect(yearOfTitle('二〇二四年全县重点工作任务分工')).toEqual({ year: 2024, yearFrom: 2024, yearTo: 2024 });
    expect(yearOfTitle('２０２２年工作要点')).toEqual({ year: 2022, yearFrom: 2022, yearTo: 2022 });
  });

  it('does not take a cited title\'s year nor a target year', () => {
    // c01_neimenggu: the range belongs to the national plan it implements.
    expect(yearOfTitle('内蒙古自治区贯彻落实国家《呼包银榆经济区发展规划(2012—2020年)》重点工作分工方案')).toBeNull();
    expect(yearOfTitle('关于推进数字政府建设到2025年的实施意见')).toBeNull();
    // a06_xuchang: the year stands before the cited title.
    expect(yearOfTitle('许昌市人民政府关于分解落实2020年《政府工作报告》重点工作任务的通知')?.year).toBe(2020);
  });

  it('falls back on the number, then the date, and says which', () => {
    expect(planYear({ title: '鄂州市创建国家园林城市工作任务分解', docNumber: '鄂州政办〔2014〕12号', date: '2013-12-30' }))
      .toEqual({ year: 2014, yearFrom: 2014, yearTo: 2014, source: 'number' });
    expect(planYear({ title: '以控制成本为核心优化营商环境的具体措施', docNumber: null, date: '2018-06-01' }))
      .toEqual({ year: 2018, yearFrom: 2018, yearTo: 2018, source: 'date' });
    expect(planYear({ title: '2024年工作要点', docNumber: '某政发〔2023〕40号', date: '2023-12-28' })?.source).toBe('title');
    expect(planYear({ title: '工作要点', docNumber: null, date: null })).toBeNull();
  });
});

describe('series', () => {
  it('is the same for titles that differ only in the year, whatever the script or numerals', () => {
    const a = seriesKey({ title: '深化“放管服”改革优化营商环境2021年重点任务分工方案' }, '370117');
    expect(seriesKey({ title: '深化“放管服”改革优化营商环境2022年重点任务分工方案' }, '370117')).toBe(a);
    expect(seriesKey({ title: '深化「放管服」改革優化營商環境二〇二二年重點任務分工方案' }, '370117')).toBe(a);
    expect(seriesTitle('潮州市打赢蓝天保卫战实施方案(2019-2020年)')).toBe(seriesTitle('潮州市打赢蓝天保卫战实施方案（2021—2023年）'));
    expect(seriesTitle('立山区政府2023年重点工作任务分解和责任分工方案')).toBe('立山区政府重点工作任务分解和责任分工方案');
  });

  it('differs for another issuer or another title', () => {
    const a = seriesKey({ title: '2023年重点工作任务分工' }, '210304');
    expect(seriesKey({ title: '2024年重点工作任务分工' }, '420114')).not.toBe(a);
    expect(seriesKey({ title: '2024年民生实事任务分工' }, '210304')).not.toBe(a);
  });
});

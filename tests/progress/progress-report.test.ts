/**
 * Progress reports recognised by the extractor (kind 'progress') and their rows read: the corpus's
 * progress-column documents, the fixtures, a report in traditional characters, and plans that
 * must stay plans.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../server/extract/extract';
import { seedFilesIn } from '../../server/seeds';

const FIXTURES = join(import.meta.dirname, '../fixtures/progress');
const CORPUS = '/work/shared/corpus';
const one = (file: string, text?: string) => {
  const r = extract([{ file, bytes: text === undefined ? readFileSync(file) : Buffer.from(text) }]);
  return { doc: r.documents[0]!, raw: r.texts[r.documents[0]!.id]!, warnings: r.warnings };
};

describe('progress reports read by the extractor', () => {
  it('a 任务分解表 with a 落实情况 column (the corpus e16_jishui shape): each row reports on its own task', () => {
    // The corpus table as e16_jishui.txt has it (rows 1 and 4, row 4 cut short as there).
    const text = [
      '一、10件民生实事任务分解表',
      '序号 | 具体工作任务和要求 | 责任领导 | 责任单位 | 落实情况 |',
      '1 | 推动义务教育基本均衡向优质均衡发展,完成吉水二中迁建项目和城北学校主体建设,城南二小实现秋季开学,增加义务教育学位5000个,启动城西教育网点规划布局,做好城西高中建设开工前期工作。 | 毛晓青 | 县教体局 各相关乡镇政府 | 吉水二中、城南二小均完成项目建设,实现秋季开学,新增义务教育学位5500个,城西高中已启动前期工作。 |',
      '2 | 扎实推进城乡供水一体化建设,年内启动尚贤、冠山等6个乡镇供水管网设施建设,提升城区及工业园区供水能力。 | 张学伟 | 县住建局 各相关乡镇政府 | 金滩水厂建设基本完成,预计年底可投产;白沙水厂设计等前期工作已完成。 |',
    ].join('\n');
    const { doc, raw } = one('jishui.txt', text);
    expect(doc.kind).toBe('progress');
    expect(doc.tasks).toHaveLength(2);
    expect(doc.progress!.map((r) => [r.ref, r.taskId, r.state?.state, r.state?.quote])).toEqual([
      ['表1.1', 'jishui:表1.1', 'IN_PROGRESS', '城西高中已启动前期工作'],
      ['表1.2', 'jishui:表1.2', 'IN_PROGRESS', '金滩水厂建设基本完成'],
    ]);
    for (const r of doc.progress!) {
      expect(raw.slice(r.reportStart, r.reportEnd)).toBe(r.report);
      expect(raw.slice(r.state!.start, r.state!.end)).toBe(r.state!.quote);
    }
  });

  it.runIf(existsSync(CORPUS))('the corpus: e16_jishui, e21_xicheng and b06_shucheng are progress reports; the plans among them stay plans', () => {
    const files = ['e16_jishui', 'e21_xicheng', 'b06_shucheng', 'b01_dazhu', 'e15_heilongjiang', 'b03_shapingba'].map((f) => join(CORPUS, `${f}.txt`));
    const r = extract(files.map((file) => ({ file, bytes: readFileSync(file) })));
    expect(r.documents.map((d) => [d.id, d.kind, d.progress?.length ?? null])).toEqual([
      ['e16_jishui', 'progress', 4], ['e21_xicheng', 'progress', 4], ['b06_shucheng', 'progress', 1],
      ['b01_dazhu', 'plan', null], ['e15_heilongjiang', 'plan', null], ['b03_shapingba', 'plan', null],
    ]);
    // e21's 全年完成情况 cells: row 2 reports the revised target met; rows 1, 3 give figures only.
    const e21 = r.documents[1]!;
    expect(e21.progress!.map((p) => p.state?.state ?? null)).toEqual([null, 'DONE', null, null]);
  });

  it('the seeds (four plans and a research report) are not progress reports', () => {
    const r = extract(seedFilesIn().map((file) => ({ file, bytes: readFileSync(file) })));
    expect(r.documents.map((d) => d.kind)).toEqual(['plan', 'plan', 'plan', 'plan', 'report']);
  });

  it('a prose 落实情况 report: its numbered items restating tasks, with their states; no tasks of its own, said so', () => {
    const { doc, warnings } = one(join(FIXTURES, 'heilongjiang-2013-report.txt'));
    expect(doc.kind).toBe('progress');
    expect(doc.tasks).toEqual([]);
    expect(doc.date).toBe('2014-01-20');
    expect(doc.progress!.map((r) => [r.ref, r.title, r.state?.state ?? null])).toEqual([
      ['一.(一)', '地区生产总值增长11%左右', 'BEHIND'],
      ['一.(二)', '公共财政收入增长13%左右', 'BEHIND'],
      ['一.(三)', '全社会固定资产投资增长30%以上', 'BEHIND'],
      ['一.(四)', '规模以上工业增加值增长12%左右', null],
      ['一.(五)', '社会消费品零售总额增长15%以上', 'DONE'],
      ['一.(六)', '进出口总额增长8%左右', 'DONE'],
      ['一.(七)', '城乡居民收入增长12%以上', 'BEHIND'],
      ['一.(八)', '居民消费价格涨幅控制在3.5%左右', 'DONE'],
      ['一.(九)', '单位GDP综合能耗下降3.5%', 'DONE'],
      ['二.(一).1', '抓好600个省级重点产业项目', 'DONE'],
      ['二.(一).2', '重点产业项目落实落地', 'IN_PROGRESS'],
      ['二.(一).3', '推进哈大齐工业走廊和东部煤电化基地建设', 'IN_PROGRESS'],
    ]);
    expect(warnings.map((w) => w.message)).toContain('progress report: 12 rows read, no tasks of its own');
  });

  it('a report in traditional characters reads the same (states from the simplified text, quotes from the raw)', () => {
    const text = ['縣政府2023年重點工作完成情況', '1.新建城東污水處理廠。已建成並投入使用。', '2.啟動老舊小區改造。工程進度滯後,尚未開工。', '3.推進農貿市場提升。正在進行內部裝修。'].join('\n');
    const { doc, raw } = one('trad.txt', text);
    expect(doc.kind).toBe('progress');
    expect(doc.progress!.map((r) => [r.title, r.state?.state])).toEqual([
      ['新建城东污水处理厂', 'DONE'], ['启动老旧小区改造', 'BEHIND'], ['推进农贸市场提升', 'IN_PROGRESS'],
    ]);
    expect(raw.slice(doc.progress![1]!.state!.start, doc.progress![1]!.state!.end)).toBe('工程進度滯後');
  });

  it('a plan written in imperatives, whatever its title, is no progress report', () => {
    const text = ['关于做好2024年重点工作落实情况督查的通知', '1.加快推进城东污水处理厂建设。(责任单位:县住建局)', '2.启动老旧小区改造。(责任单位:县住建局)', '3.完成农贸市场提升。(责任单位:县商务局)'].join('\n');
    expect(one('plan.txt', text).doc.kind).toBe('plan');
  });
});

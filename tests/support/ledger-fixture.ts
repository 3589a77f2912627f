/**
 * A small plan with deadlines and named leaders, for the ledger's graph, API and export tests.
 * The extraction's grammar reads its notes; its deadlines and leaders are set here by hand from
 * the text (the label lines 完成时限:… and 牵头负责领导:…), with their offsets in the raw file,
 * so these tests do not depend on how the grammar reads labels.
 *
 * At ASOF (2024-06-15), with the 30-day window: task 1 is DUE_SOON (2024-06-30), task 2 PAST_DUE
 * (2024-03-31), task 3 LATER (2024-12-31), task 4 ONGOING (长期坚持), task 5 NONE (no deadline).
 */
import type { ExtractResult } from '../../server/extract/contract';
import { extract } from '../../server/extract/extract';

export const ASOF = '2024-06-15';
export const FIXTURE_FILE = 'zhuzhou-logistics.txt';
export const FIXTURE_ID = 'zhuzhou-logistics';

export const FIXTURE_TEXT = [
  '株洲市推进现代物流枢纽建设工作方案',
  '',
  '株洲市人民政府办公室 2024年1月10日',
  '',
  '一、重点任务',
  '1.建设综合货运枢纽。加快推进九华物流园一期主体工程。(牵头单位:市发改委;责任单位:市交通运输局、市商务局)',
  '完成时限:2024年6月底前',
  '牵头负责领导:刘惠(副市长)',
  '2.完善城乡配送网络。建成县乡村三级物流配送体系。(牵头单位:市商务局;责任单位:市邮政管理局;配合单位:市财政局)',
  '完成时限:2024年3月底前',
  '牵头负责领导:刘惠(副市长)',
  '3.发展多式联运。开通铁海联运班列。(牵头单位:市交通运输局、市发改委;配合单位:市商务局)',
  '完成时限:2024年底前',
  '牵头负责领导:王健',
  '4.优化物流营商环境。规范涉企收费。(牵头单位:市市场监管局;责任单位:市发改委)',
  '完成时限:长期坚持',
  '5.加强物流人才培养。(牵头单位:市人社局;责任单位:市教育局)',
  '',
].join('\n');

type Fixed = { deadline?: [string, string | null, 'date' | 'ongoing' | 'periodic' | 'unparsed']; leaders: Array<[string, string | null]> };

/** By hand from FIXTURE_TEXT, per task ref. */
export const FIXTURE_LEDGER: Record<string, Fixed> = {
  '一.1': { deadline: ['2024年6月底前', '2024-06-30', 'date'], leaders: [['刘惠', '副市长']] },
  '一.2': { deadline: ['2024年3月底前', '2024-03-31', 'date'], leaders: [['刘惠', '副市长']] },
  '一.3': { deadline: ['2024年底前', '2024-12-31', 'date'], leaders: [['王健', null]] },
  '一.4': { deadline: ['长期坚持', null, 'ongoing'], leaders: [] },
  '一.5': { leaders: [] },
};

/** The fixture extracted, with deadlines and leaders set by hand (offsets found in the text). */
export function fixtureExtraction(): ReturnType<typeof extract> {
  const result = extract([{ file: FIXTURE_FILE, bytes: Buffer.from(FIXTURE_TEXT) }]);
  const doc = result.documents[0]!;
  for (const t of doc.tasks) {
    const fixed = FIXTURE_LEDGER[t.ref];
    if (!fixed) throw new Error(`fixture: unexpected task ${t.ref}`);
    const within = (s: string) => {
      const at = FIXTURE_TEXT.indexOf(s, FIXTURE_TEXT.indexOf(`${t.ref.split('.')[1]}.`, FIXTURE_TEXT.indexOf('一、')));
      if (at < 0) throw new Error(`fixture: ${s} not found`);
      return { start: at, end: at + s.length };
    };
    if (fixed.deadline) {
      const [text, date, kind] = fixed.deadline;
      t.deadline = { text, date, kind, ...within(`完成时限:${text}`) };
      t.deadline.start += '完成时限:'.length;
    } else delete t.deadline;
    t.leaders = fixed.leaders.map(([name, post]) => ({ name, post, ...within(`牵头负责领导:${name}`) }));
    for (const l of t.leaders) l.start += '牵头负责领导:'.length;
    for (const l of t.leaders) l.end = l.start + l.name.length;
  }
  return result;
}

/** Seeds and fixture in one extraction (one unit registry), as a load of all of them gives. */
export function withFixture(inputs: Array<{ file: string; bytes: Uint8Array }>): ExtractResult & { texts: Record<string, string> } {
  const result = extract([...inputs, { file: FIXTURE_FILE, bytes: Buffer.from(FIXTURE_TEXT) }]);
  const fixture = fixtureExtraction().documents[0]!;
  const doc = result.documents.find((d) => d.id === FIXTURE_ID)!;
  for (const t of doc.tasks) {
    const f = fixture.tasks.find((x) => x.id === t.id)!;
    t.deadline = f.deadline;
    t.leaders = f.leaders;
  }
  return result;
}

/**
 * States read from progress texts, conservatively: each case is a clause or row as published
 * reports write it (e16_jishui's and e21_xicheng's 落实情况 cells among them), with the state a
 * reader gives it by hand.
 */
import { describe, expect, it } from 'vitest';
import { inferState } from '../../server/extract/progress-state';

const cases: Array<[string, string | null, string?]> = [
  // [text, state, the clause quoted]
  ['2座人行天桥已于9月建成并投入使用。', 'DONE', '2座人行天桥已于9月建成并投入使用'],
  ['全年完成棚户区改造2950户,超额完成年度目标。', 'DONE'],
  ['居民消费价格上涨2.2%,控制在预期目标以内,已完成。', 'DONE', '已完成'],
  // 未完成 contains 完成; a part not done makes the row behind.
  ['农民收入增幅完成预期目标,城镇居民收入增幅未完成。', 'BEHIND', '城镇居民收入增幅未完成'],
  ['增长8%,未完成年度预期目标。', 'BEHIND', '未完成年度预期目标'],
  ['增长10.5%,低于预期目标。', 'BEHIND', '低于预期目标'],
  ['项目于6月中旬动工,较计划滞后1个月,目前主体工程已封顶。', 'BEHIND', '较计划滞后1个月'],
  // 基本完成 and a completion still expected are not done (e16 row 4).
  ['金滩水厂建设基本完成,预计年底可投产', 'IN_PROGRESS', '金滩水厂建设基本完成'],
  ['预计年底前完成主体工程', 'IN_PROGRESS'],
  ['主体工程完成60%', 'IN_PROGRESS'],
  // Done parts and a running one: still in progress (e16 row 1).
  ['吉水二中、城南二小均完成项目建设,实现秋季开学,新增义务教育学位5500个,城西高中已启动前期工作。', 'IN_PROGRESS', '城西高中已启动前期工作'],
  ['东湖湿地公园正在进行征地拆迁', 'IN_PROGRESS'],
  ['因选址调整,项目未启动。', 'NOT_STARTED', '项目未启动'],
  ['项目尚未开工', 'NOT_STARTED'],
  // Some parts done or running, another not started: behind.
  ['已完成选址和方案设计,正在开展施工图审查,项目尚未开工。', 'BEHIND', '项目尚未开工'],
  // Figures alone (e21 row 1, e15's 增长9.5%): no state is claimed.
  ['全省规模以上工业增加值增长9.5%。', null],
  ['2020年度地区生产总值初步核算数50610595万元,增幅-1.1%。', null],
];

describe('inferState', () => {
  it.each(cases)('%s → %s', (text, state, quote) => {
    const r = inferState(text);
    expect(r?.state ?? null).toBe(state);
    if (r) expect(text.slice(r.start, r.end)).toBe(r.quote);
    if (quote) expect(r?.quote).toBe(quote);
  });

});

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
  it('reads 11.121人才梯队项目 as item 11, and a line opening with a decimal as no item', () => {
    const doc = read(`${HEAD}一、重点项目
11.121人才梯队项目。(牵头单位:市人社局)
12.推进园区建设。
2.125亿元用于园区基础设施。(牵头单位:市财政局)`);
    expect(doc.tasks.map((t) => [t.ref, t.title])).toEqual([['一.11', '121人才梯队项目'], ['一.12', '推进园区建设']]);
  });


  it('reads 1﹒ (small full stop) and 1。 as item numbers', () => {
    expect(summary(`${HEAD}一、主要目标
1﹒全省生产总值增长7%以上。
牵头责任单位:市发展改革委。
2。固定资产投资增长10%。(市发展改革委负责)`).map((s) => s.split(' → ')[0])).toEqual(['全省生产总值增长7%以上', '固定资产投资增长10%']);
  });
});

describe('notes with no label', () => {
  it('reads a bracket of unit names closing a sentence, with the rule and the others’ role stated in the preamble', () => {
    const doc = read(`${HEAD}为推进工作,制定本方案(列在任务分工首位的为牵头单位,其他为主要参加单位)。
一、优化空间格局
1.构建网络化空间格局。推进通道建设。(市发展改革委,市工业和信息化局、市交通运输局,各县区)`);
    expect(doc.leadRule).toBe('first-listed');
    expect(doc.tasks.map((t) => t.assignments.map((a) => `${a.role}:${a.surface}`))).toEqual([
      ['lead:市发展改革委', 'participant:市工业和信息化局', 'participant:市交通运输局', 'participant:各县区'],
    ]);
  });

  it('reads a bare list before the sentence’s 。, but not a name’s alias there', () => {
    expect(summary(`${HEAD}一、任务
1.推进园区建设。加快基础设施建设(市发改委、市商务局)。
2.做好能源保障。按时报送省发改委(省能源局)。`)).toEqual([
      '推进园区建设 → lead:市发改委 responsible:市商务局',
    ]);
  });

  it('reads a lead marked in a bare list (★X, X(牵头))', () => {
    expect(summary(`${HEAD}一、任务
1.推进园区建设。(市财政局、市发改委(牵头))
2.做好能源保障。(★市能源局、市财政局)`)).toEqual([
      '推进园区建设 → responsible:市财政局 lead:市发改委',
      '做好能源保障 → lead:市能源局 responsible:市财政局',
    ]);
  });

  it('reads a bare list closing a numbered heading line', () => {
    expect(summary(`${HEAD}一、任务
(一)推进园区建设(市发改委、市商务局)
加快园区基础设施建设。`)).toEqual(['推进园区建设 → lead:市发改委 responsible:市商务局']);
  });

  it('does not read a bracket of names inside a sentence or a prose bracket as a note', () => {
    expect(summary(`${HEAD}一、任务\n1.支持市发展改革委(以下简称市发改委)牵头推进。\n2.与市财政局(市税务局)合作推进。`)).toEqual([]);
  });

  it('reads the rule written inside the first note, a name with its own brackets, and 总牵头 on a heading', () => {
    expect(summary(`${HEAD}一、加快调整能源结构(省发改委总牵头)
(一)制订控制方案。
1.制订煤炭消费总量控制目标。(省经信委、省发改委(省能源局)。列第一位者为牵头部门,下同)
2.淘汰落后产能。(省经信委、省环保厅)`)).toEqual([
      '加快调整能源结构 → lead:省发改委',
      '制订煤炭消费总量控制目标 → lead:省经信委 responsible:省发改委(省能源局)',
      '淘汰落后产能 → lead:省经信委 responsible:省环保厅',
    ]);
  });
});

describe('verbs and parts of a note', () => {
  it('reads 负责 / 分别负责 (the unit in charge leads, inferred), 主办 / 协办, and a deadline as the last part', () => {
    const doc = read(`${HEAD}一、主要目标
(一)地区生产总值增长7%。(省发改委负责)(二)财政收入增长5%。(省财政厅主办,省税务局协办)
(三)居民收入增长6%。(省发改委、农委、统计局分别负责,年内持续推进)
(四)放权改革。(牵头单位:州行政审批服务局;责任单位:州司法局,各县市人民政府,6月底完成)`);
    expect(doc.tasks.map((t) => `${t.title} → ${t.assignments.map((a) => `${a.role}${a.inferred ? '?' : ''}:${a.surface}`).join(' ')} @${t.deadline?.text ?? ''}`)).toEqual([
      '地区生产总值增长7% → lead?:省发改委 @',
      '财政收入增长5% → lead:省财政厅 participant:省税务局 @',
      '居民收入增长6% → lead?:省发改委 responsible:农委 responsible:统计局 @年内持续推进',
      '放权改革 → lead:州行政审批服务局 responsible:州司法局 responsible:各县市人民政府 @6月底完成',
    ]);
  });

  it('keeps a note with one name of unknown shape among units; a person among them is a leader', () => {
    expect(summary(`${HEAD}一、任务
1.推进改革。(市发改委牵头,市财政局、市税务局、某某试验示范片负责)
2.推进开放。(市商务局牵头,市财政局、市税务局、王强负责)`)).toEqual([
      '推进改革 → lead:市发改委 responsible:市财政局 responsible:市税务局 responsible:某某试验示范片',
      '推进开放 → lead:市商务局 responsible:市财政局 responsible:市税务局',
    ]);
  });

  it('reads 由…副市长负责 as a leader, never a unit', () => {
    const doc = read(`${HEAD}1、在某某设立综合配套改革试验区事宜
由杨志武副市长负责,市发改委牵头,相关部门配合,尽快完成实施方案。`);
    expect(doc.tasks.map((t) => [t.title, t.assignments.map((a) => `${a.role}:${a.surface}`), t.leaders.map((l) => l.name)])).toEqual([
      ['在某某设立综合配套改革试验区事宜', ['lead:市发改委', 'participant:相关部门'], ['杨志武']],
    ]);
  });
});

describe('tables', () => {
  it('reads a task column that also names requirements, a leader column, units split by a space, and ignores a progress column', () => {
    const doc = read(`${HEAD}序号 | 具体工作任务和要求 | 责任领导 | 责任单位 | 落实情况 |
1 | 提升幼教服务水平,启动中心幼儿园改扩建。 | 毛晓青 | 县教体局 各相关乡镇政府 | 县中心幼儿园已启动扩建,县妇保院完成验收。 |
2 | 推进城乡供水一体化建设。 | 张学伟 | 县住建局 | 金滩水厂建设基本完成。 |`);
    expect(doc.tasks.map((t) => [t.title, t.assignments.map((a) => `${a.role}:${a.surface}`).join(' '), t.leaders.map((l) => l.name).join()])).toEqual([
      ['提升幼教服务水平,启动中心幼儿园改扩建', 'lead:县教体局 responsible:各相关乡镇政府', '毛晓青'],
      ['推进城乡供水一体化建设', 'lead:县住建局', '张学伟'],
    ]);
  });
});

describe('collectives written with delimiters inside', () => {
  it('keeps 各县、市、区政府, 各州、市人民政府, 各区、县级市, 各县(市)及相关区政府, 各有关部门和单位 whole', () => {
    const doc = read(`${HEAD}一、任务
1.推进文化设施建设。(牵头单位:市文化局;主办单位:市广电局、各县(市)及相关区政府)
2.推进农村改革。(牵头单位:市农办;责任单位:各县、市、区政府,各有关部门和单位)
3.推进城市更新。(牵头单位:市住建局;责任单位:各区、县级市)
4.推进招商引资。(牵头单位:市商务局;责任单位:各县区、市直有关部门)`);
    expect(doc.tasks.map((t) => t.assignments.map((a) => a.surface))).toEqual([
      ['市文化局', '市广电局', '各县(市)及相关区政府'],
      ['市农办', '各县、市、区政府', '各有关部门和单位'],
      ['市住建局', '各区、县级市'],
      // A place after 、 that runs on into another name is not part of the collective.
      ['市商务局', '各县区', '市直有关部门'],
    ]);
  });
});

describe('standing clauses', () => {
  it('gives units named by …均涉及X,不再做分工,下同 to this task and every later one, after the note’s own units', () => {
    expect(summary(`${HEAD}一、深化改革
(一)加强市场体系建设。推进高标准市场体系建设。〔责任单位:省发展改革委、省市场监管局按职责分工负责。具体任务均涉及相关市(州)人民政府,不再做分工,下同。〕
(二)优化市场准入环境。实施“证照分离”改革。〔责任单位:省市场监管局〕`)).toEqual([
      '加强市场体系建设 → lead:省发展改革委 responsible:省市场监管局 responsible:相关市(州)人民政府',
      '优化市场准入环境 → lead:省市场监管局 responsible:相关市(州)人民政府',
    ]);
  });

  it('reads a verb note whose second sentence is a standing clause (以下各项工作均需X落实,不再列出)', () => {
    expect(summary(`${HEAD}二、工作任务
1.制定实施准入清单。〔市生态环境局牵头,市发展和改革局、自然资源局参与,各县、区人民政府(管委会)负责落实。以下各项工作均需各县、区人民政府(管委会)落实,不再列出。〕
2.淘汰燃煤锅炉。(市市场监管局牵头,市发展和改革局参与)`)).toEqual([
      '制定实施准入清单 → lead:市生态环境局 participant:市发展和改革局 participant:自然资源局 responsible:各县、区人民政府(管委会)',
      '淘汰燃煤锅炉 → lead:市市场监管局 participant:市发展和改革局 responsible:各县、区人民政府(管委会)',
    ]);
  });
});

describe('the national level', () => {
  it('scopes a State Council document to 中央 (100000) and reads ministries it names by their shape', () => {
    const r = extract([{ file: 'nat.txt', bytes: Buffer.from('国务院办公厅关于印发某某行动计划的通知\n国办发〔2021〕5号\n某某行动计划\n一、重点任务\n1.推进通关便利化。(海关总署牵头,国家发展改革委、财政部、共青团中央按职责分工负责)\n') }]);
    const doc = r.documents[0]!;
    expect(doc.jurisdiction).toMatchObject({ code: '100000', name: '中央' });
    expect(doc.tasks[0]!.assignments.map((a) => `${a.role}:${a.unitId}`)).toEqual([
      'lead:100000:海关总署', 'responsible:100000:国家发展改革委', 'responsible:100000:财政部', 'responsible:100000:共青团中央',
    ]);
    expect(r.regions.find((x) => x.id === '100000')?.name).toBe('中央');
    expect(r.warnings).toEqual([]);
  });

  it('does not make a plan national because it cites a State Council document', () => {
    const doc = read('天津市人民政府关于落实重点工作的任务分工\n根据《国务院关于落实〈政府工作报告〉重点工作部门分工的意见》(国发〔2020〕6号),提出如下分工:\n1.稳就业。(市人社局负责)\n');
    expect(doc.jurisdiction?.code).not.toBe('100000');
  });
});

describe('unit identity', () => {
  it('takes a department written without its level as the jurisdiction’s own, and two swapped words as one name', () => {
    const r = extract([{ file: 'hlj.txt', bytes: Buffer.from(`黑龙江省人民政府关于落实重点工作责任分工的意见
一、主要目标
(一)进出口总额增长8%左右。(省商务厅负责)
(二)固定资产投资增长30%以上。(省发改委主办,商务厅、省农业农村厅协办)
(三)粮食产量稳定。(省农村农业厅负责)`) }]);
    const ids = r.documents[0]!.tasks.map((t) => t.assignments.map((a) => a.unitId));
    expect(ids).toEqual([
      ['230000:省商务厅'],
      ['230000:省发展和改革委员会', '230000:省商务厅', '230000:省农业农村厅'],
      ['230000:省农业农村厅'],
    ]);
  });
});

describe('names cut by a line break', () => {
  it('joins a name a PDF line break cut, in a label line and in a bracket', () => {
    const doc = read(`${HEAD}一、主要目标
1.一般公共预算收入增长7%左右。
牵头责任单位:省财政厅。
协同责任单位:省发展改革委、省税务局、人行合
肥中心支行等。
2.进出口总额增长9%左右。(牵头单位:省商务厅;责任单位:合肥海关、国家外汇管理局安徽省分
局)`);
    expect(doc.tasks.map((t) => t.assignments.map((a) => `${a.role}:${a.surface}`))).toEqual([
      ['lead:省财政厅', 'participant:省发展改革委', 'participant:省税务局', 'participant:人行合肥中心支行'],
      ['lead:省商务厅', 'responsible:合肥海关', 'responsible:国家外汇管理局安徽省分局'],
    ]);
    const raw = doc.tasks[0]!.assignments[3]!;
    expect([raw.surfaceStart, raw.surfaceEnd].every((n) => typeof n === 'number')).toBe(true);
  });
});

describe('label cells on lines of their own', () => {
  it('reads label / value lines as records, a label seen again starting the next', () => {
    const doc = read(`具体任务
改扩建社区卫生服务中心,提升乡镇卫生院。
责任单位
卫健局、文旅局
配合单位
各乡镇
完成时限
12月底前完成
具体任务
建设城北学校。
责任单位
教育局
完成时限
9月底前完成`);
    expect(doc.tasks.map((t) => [t.title, t.assignments.map((a) => `${a.role}:${a.surface}`).join(' '), t.deadline?.text])).toEqual([
      ['改扩建社区卫生服务中心,提升乡镇卫生院', 'lead:卫健局 responsible:文旅局 participant:各乡镇', '12月底前完成'],
      ['建设城北学校', 'lead:教育局', '9月底前完成'],
    ]);
  });
});

describe('units separated by spaces', () => {
  it('splits two sibling names run together (派出所工商质监所), never a name and its sub-unit', () => {
    expect(summary(`专项整治行业名称 | 时间安排 | 责任单位 |
网吧、KTV | 8月份 | 文化站 派出所工商质监所 |
交通运输 | 12月份 | 市公安局交警支队 公路站 |`)).toEqual([
      '网吧、KTV → lead:文化站 responsible:派出所 responsible:工商质监所',
      '交通运输 → lead:市公安局交警支队 responsible:公路站',
    ]);
  });
});

describe('tables with no separators', () => {
  it('cuts a header of words run together and rows whose cells run together, by what each cell looks like', () => {
    const doc = read(`某某区2020年重点工作完成情况
类别序号重点督办内容牵头单位全年完成情况
主要预期目标1地区生产总值增长6%左右。区发展改革委全区地区生产总值增幅-1.1%,市人力社保局已下发通知。
主要预期目标2区级一般公共预算收入增长2%左右。区财政局、区税务局全年收入完成413.84亿元。`);
    expect(doc.tasks.map((t) => [t.title, t.assignments.map((a) => `${a.role}:${a.surface}`).join(' ')])).toEqual([
      ['地区生产总值增长6%左右', 'lead:区发展改革委'],
      ['区级一般公共预算收入增长2%左右', 'lead:区财政局 lead:区税务局'],
    ]);
  });
});

describe('会同', () => {
  it('reads X会同有关部门 as X leading and the collective responsible, in a note and opening a sentence', () => {
    expect(summary(`${HEAD}一、任务
1.推进数字政府建设。(市发改委会同有关部门负责)
2.优化营商环境。市行政审批服务局会同有关部门制定实施方案,年底前完成。
3.推进城市更新。市住建局要会同市财政局加强统筹。`)).toEqual([
      '推进数字政府建设 → lead:市发改委 responsible:有关部门',
      '优化营商环境 → lead:市行政审批服务局 responsible:有关部门',
    ]);
  });
});

describe('more prose verbs and column words', () => {
  it('reads 由X与Y牵头,Z参与,date完成 and 由X、Y分别与Z共同…', () => {
    expect(summary(`${HEAD}一、任务
1.编制城市总体规划。由市城规局与11个县区政府牵头,有关部门参与,7月1日完成。
2.编制产业规划。由市发改委、市工信局分别与各县区政府共同编制,年底前完成。`)).toEqual([
      '编制城市总体规划 → lead:市城规局 lead:11个县区政府 participant:有关部门',
      '编制产业规划 → lead:市发改委 lead:市工信局 responsible:各县区政府',
    ]);
  });

  it('reads 指导部门, 责任处室 and 承办单位 columns', () => {
    expect(summary(`序号 | 工作任务 | 指导部门 | 责任处室 | 承办单位 |
1 | 推进放管服改革 | 省政务服务局 | 综合处 | 市行政审批服务局 |`)).toEqual([
      '推进放管服改革 → participant:省政务服务局 lead:综合处 responsible:市行政审批服务局',
    ]);
  });
});

describe('the issuing jurisdiction', () => {
  it('reads a county government opening a heading line, and a district named after its city', () => {
    expect(read('海盐县人民政府办公室关于印发重点工作责任分解的通知\n1.推进工作。(牵头单位:县发改局)').jurisdiction).toMatchObject({ code: '330424', name: '海盐县' });
    expect(read('北京市西城区人民政府\n2020年重点工作完成情况\n1.推进工作。(牵头单位:区发改委)').jurisdiction).toMatchObject({ code: '110102', name: '西城区' });
  });
});

describe('paragraphs closed by their own note', () => {
  it('makes each paragraph a task, under a heading or with no numbering at all; notes on one line stay clauses', () => {
    expect(summary(`${HEAD}一、推动高质量发展
加快推进城乡融合发展。推进户籍制度改革。(牵头单位:市发改委;责任单位:市公安局)
持续优化营商环境。深化改革。(牵头单位:市行政审批局;责任单位:市直各部门)
二、保障民生
全面推进乡村振兴。(市农业农村局牵头,市乡村振兴局配合)`)).toEqual([
      '加快推进城乡融合发展 → lead:市发改委 responsible:市公安局',
      '持续优化营商环境 → lead:市行政审批局 responsible:市直各部门',
      '全面推进乡村振兴 → lead:市农业农村局 participant:市乡村振兴局',
    ]);
    expect(summary(`加快推进城乡融合发展。推进户籍制度改革。(牵头单位:市发改委;责任单位:市公安局)
全面推进乡村振兴。铁路方面,加快建设。(市交通局牵头负责)公路方面,加快建设。(市公路局牵头负责)`)).toEqual([
      '加快推进城乡融合发展 → lead:市发改委 responsible:市公安局',
      '全面推进乡村振兴 → lead:市交通局 lead:市公路局',
    ]);
  });
});

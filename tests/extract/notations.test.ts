/**
 * Every notation the grammar reads, one plan excerpt each, in the ways real plans write them
 * (tables, label lines, bracket labels, verbs, deadlines, leaders). Each expected unit, role,
 * deadline and leader below was written from the excerpt by hand.
 */
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument, ExtractedTask } from '../../server/extract/contract';
import { extract } from '../../server/extract/extract';

function read(text: string, file = 'plan.txt'): { doc: ExtractedDocument; name: (id: string) => string } {
  const r = extract([{ file, bytes: Buffer.from(text) }]);
  const doc = r.documents[0]!;
  return { doc, name: (id) => r.units.find((u) => u.id === id)!.name };
}

/** `title → role:surface …` for every task, roles as written in the excerpt. */
function summary(text: string): string[] {
  const { doc } = read(text);
  return doc.tasks.map((t) => `${t.title} → ${t.assignments.map((a) => `${a.role}:${a.surface}`).join(' ')}`);
}

const HEAD = '某某市人民政府办公室关于印发某某市2024年重点工作责任分解方案的通知\n湘政办发〔2024〕3号\n邵阳市2024年重点工作责任分解方案\n';

describe('label lines after a task', () => {
  const plan = `${HEAD}一、重点工作
1.推进数字政府建设。加快一网通办,提升政务服务效能。
牵头负责领导:刘惠。
牵头责任单位:市发展改革委。
协同责任单位:市财政局、市数据局。
完成时限:2024年底前
2.优化营商环境。
完成时限:第三季度
责任单位:市行政审批服务局、市市场监管局
配合单位:各县市区人民政府
3.建立长效机制。(市委编办负责)`;

  it('reads units, roles, leaders and deadlines in any order, with or without 。', () => {
    expect(summary(plan)).toEqual([
      '推进数字政府建设 → lead:市发展改革委 participant:市财政局 participant:市数据局',
      // The plan names leads elsewhere (explicit), so a note with none has no lead.
      '优化营商环境 → responsible:市行政审批服务局 responsible:市市场监管局 participant:各县市区人民政府',
      // A unit put in charge by a plain 负责 leads (inferred), though the plan names leads elsewhere.
      '建立长效机制 → lead:市委编办',
    ]);
    const { doc } = read(plan);
    const [t1, t2] = doc.tasks as [ExtractedTask, ExtractedTask];
    expect(t1.leaders.map((l) => l.name)).toEqual(['刘惠']);
    expect(t1.deadline).toMatchObject({ text: '2024年底前', date: '2024-12-31', kind: 'date' });
    // 第三季度 of a plan whose title says 2024.
    expect(t2.deadline).toMatchObject({ text: '第三季度', date: '2024-09-30', kind: 'date' });
  });

  it('gives a note with no lead its first unit as lead, inferred, when the plan names no lead anywhere', () => {
    const { doc } = read(`${HEAD}一、任务\n1.改造老旧小区。\n责任领导:分管副市长\n责任单位:市住建局、市财政局`);
    expect(doc.leadRule).toBe('first-listed-by-convention');
    expect(doc.tasks[0]!.assignments.map((a) => [a.role, a.inferred])).toEqual([['lead', true], ['responsible', false]]);
    expect(doc.tasks[0]!.leaders.map((l) => [l.name, l.post])).toEqual([['分管副市长', '分管副市长']]);
  });

  it('never reads a person as a unit', () => {
    const { doc, name } = read(plan);
    const units = doc.tasks.flatMap((t) => t.assignments.map((a) => name(a.unitId)));
    expect(units).not.toContain('刘惠');
    expect(doc.tasks[0]!.leaders[0]).toMatchObject({ name: '刘惠', post: null });
  });

  it('reads 责任领导, 项目负责人 with their unit, and spaced names', () => {
    const text = `${HEAD}一、项目
1.建设城市书房10个。
完成时限:2024年11月底前
主要责任单位:市文旅局
项目负责人:市文旅局王 健、市财政局李明
协办单位:各区县政府
2.改造老旧小区。
责任领导:分管副市长
责任单位:市住建局`;
    // 主要责任单位 names the lead; a note with only 责任单位 in such a plan names none.
    const { doc } = read(text);
    expect(doc.tasks.map((t) => t.assignments.map((a) => `${a.role}:${a.surface}`))).toEqual([
      ['lead:市文旅局', 'participant:各区县政府'],
      ['responsible:市住建局'],
    ]);
    expect(doc.tasks[0]!.leaders.map((l) => [l.name, l.post])).toEqual([['王健', '市文旅局'], ['李明', '市财政局']]);
    expect(doc.tasks[0]!.deadline).toMatchObject({ date: '2024-11-30', kind: 'date' });
    expect(doc.tasks[1]!.leaders.map((l) => l.name)).toEqual(['分管副市长']);
  });

  it('takes a leader from a group heading (一、王丹县长牵头重点工作)', () => {
    const text = `${HEAD}一、王丹县长牵头重点工作\n1.全县生产总值增长7.5%左右。\n责任单位:县发改局、县统计局`;
    const { doc } = read(text);
    expect(doc.tasks[0]!.leaders.map((l) => [l.name, l.post])).toEqual([['王丹', '县长']]);
  });
});

describe('numbering', () => {
  it('reads sub-items (1) and ① as tasks of their own, and a note after the heading on the same line', () => {
    const text = `${HEAD}一、夯实数字基础设施
1.加快5G网络建设 责任单位:市工信局、市通信发展管理办公室
2.推进千兆光网建设。
(1)实施千兆城市行动。(市工信局牵头,各县市区政府配合)
(2)推进老旧小区光纤改造。(市住建局、市工信局按职责分工负责)
二、壮大数字产业
①培育软件产业集群。责任单位:市科技局
②发展数字文创产业。责任单位:市文广旅局、市委宣传部`;
    const { doc } = read(text);
    expect(doc.tasks.map((t) => `${t.ref} ${t.title} → ${t.assignments.map((a) => `${a.role}:${a.surface}`).join(' ')}`)).toEqual([
      '一.1 加快5G网络建设 → responsible:市工信局 responsible:市通信发展管理办公室',
      '一.2.(1) 实施千兆城市行动 → lead:市工信局 participant:各县市区政府',
      '一.2.(2) 推进老旧小区光纤改造 → responsible:市住建局 responsible:市工信局',
      '二.① 培育软件产业集群 → responsible:市科技局',
      '二.② 发展数字文创产业 → responsible:市文广旅局 responsible:市委宣传部',
    ]);
  });
});

describe('unnumbered tasks', () => {
  it('reads each paragraph followed by its label lines as a task of its own', () => {
    const text = `${HEAD}一、主要任务
推进城乡融合发展。深化户籍制度改革,促进农业转移人口市民化。
牵头单位:市发改委
责任单位:市公安局、各县市区人民政府
完成时限:2024年12月底前
提升农村人居环境。开展村庄清洁行动。
牵头单位:市农业农村局
二、保障措施
加强组织领导。(市委办牵头,市政府办配合)`;
    const { doc } = read(text);
    expect(doc.tasks.map((t) => `${t.ref} ${t.title} → ${t.assignments.map((a) => `${a.role}:${a.surface}`).join(' ')} @${t.deadline?.date ?? '-'}`)).toEqual([
      '一-1 推进城乡融合发展 → lead:市发改委 responsible:市公安局 responsible:各县市区人民政府 @2024-12-31',
      '一-2 提升农村人居环境 → lead:市农业农村局 @-',
      '二 保障措施 → lead:市委办 participant:市政府办 @-',
    ]);
  });
});

describe('bracket labels and one-line labels', () => {
  it('reads 【牵头单位】 / [责任单位] and 牵头部门:…配合部门:… on one line', () => {
    const text = `${HEAD}一、任务
1.发展夜间经济。
【牵头单位】市商务局【配合单位】市发改委、市文旅局
2.建设智慧停车。
[责任单位]市城管局、市公安局交警支队
3.发展会展经济。
牵头部门:市商务局配合部门:市财政局`;
    expect(summary(text)).toEqual([
      '发展夜间经济 → lead:市商务局 participant:市发改委 participant:市文旅局',
      '建设智慧停车 → responsible:市城管局 responsible:市公安局交警支队',
      '发展会展经济 → lead:市商务局 participant:市财政局',
    ]);
  });

  it('starts a new role at a label that runs into its list (…;责任单位县直各有关单位)', () => {
    const text = `${HEAD}一、任务\n1.推进乡村振兴。(牵头单位:县农业农村局;责任单位县直各有关单位)`;
    const { doc, name } = read(text);
    expect(doc.tasks[0]!.assignments.map((a) => `${a.role}:${name(a.unitId)}`)).toEqual(['lead:县农业农村局', 'responsible:县直有关部门']);
  });

  it('reads a note run into the task sentence (…以上。责任单位:A、B,完成时间:…。) and two items on one line', () => {
    const text = `${HEAD}(八)绿化建设\n1、完成江滩防护林建设。责任单位:市林业局、市水利局,完成时间:2024年5月10日前。2、完成绿化隔离带建设。责任单位:市林业局,完成时间:2024年5月底前。`;
    const { doc } = read(text);
    expect(doc.tasks.map((t) => [t.title, t.assignments.map((a) => a.surface).join('、'), t.deadline?.date])).toEqual([
      ['完成江滩防护林建设', '市林业局、市水利局', '2024-05-10'],
      ['完成绿化隔离带建设', '市林业局', '2024-05-31'],
    ]);
  });
});

describe('inline verbs', () => {
  const text = `${HEAD}一、重点任务
1.推进一网通办。(市政务服务中心牵头,市发改委、市大数据局配合)
2.压缩审批时限。(由市行政审批服务局牵头,各县市区参与)
3.优化纳税服务。(市税务局负责)
4.加强监管。(市发改委、市工信局等按职责分工负责)
5.建设物流园区。(责任单位:市商务局(牵头)、市交通运输局)
6.办好文旅节会。(主办:市文旅局;协办:各县市区)
7.举办招商推介会。(牵头单位:市政府办;主办单位:市商务局)
8.提升收入水平。(责任单位:市人社局、市农业农村局分别牵头)`;

  it('reads each verb form with its role', () => {
    expect(summary(text)).toEqual([
      '推进一网通办 → lead:市政务服务中心 participant:市发改委 participant:市大数据局',
      '压缩审批时限 → lead:市行政审批服务局 participant:各县市区',
      '优化纳税服务 → lead:市税务局', // X负责: the one unit in charge leads (inferred)
      '加强监管 → responsible:市发改委 responsible:市工信局',
      '建设物流园区 → lead:市商务局 responsible:市交通运输局',
      '办好文旅节会 → lead:市文旅局 participant:各县市区',
      // 主办 is the lead unless the note also names a 牵头单位.
      '举办招商推介会 → lead:市政府办 responsible:市商务局',
      '提升收入水平 → lead:市人社局 lead:市农业农村局',
    ]);
  });

  it('splits 和 between two units but not inside a name', () => {
    const t = `${HEAD}一、任务\n1.建设能源基地。(自治区能源局牵头,自治区经济和信息化委、环保厅和电力监管办及相关盟市配合)`;
    expect(summary(t)).toEqual(['建设能源基地 → lead:自治区能源局 participant:自治区经济和信息化委 participant:环保厅 participant:电力监管办 participant:相关盟市']);
  });

  it('keeps a collective with brackets whole (各县(市、区)政府(管委会))', () => {
    const t = `${HEAD}一、任务\n1.做好疫情防控。\n责任单位:市卫生健康委等,各县(市、区)政府(管委会)`;
    const { doc, name } = read(t);
    expect(doc.tasks[0]!.assignments.map((a) => [a.surface, name(a.unitId)])).toEqual([
      ['市卫生健康委', '市卫生健康委员会'],
      ['各县(市、区)政府(管委会)', '各县市区'],
    ]);
  });
});

describe('the first-listed rule', () => {
  it('applies a rule stated once in the text to every note', () => {
    const text = `${HEAD}各项任务中排在第一位的为牵头单位。\n一、任务\n1.稳定就业。(责任单位:市人社局、市财政局)\n2.促进消费。(责任单位:市商务局、市文旅局)`;
    const { doc } = read(text);
    expect(doc.leadRule).toBe('first-listed');
    expect(doc.tasks.map((t) => t.assignments.map((a) => `${a.role}${a.inferred ? '*' : ''}:${a.surface}`))).toEqual([
      ['lead:市人社局', 'responsible:市财政局'],
      ['lead:市商务局', 'responsible:市文旅局'],
    ]);
  });

  it('reads the rule inside a later note and in traditional characters', () => {
    const text = `${HEAD}一、任務\n1.擴大就業。(市人社局、市財政局等負責,列第一位者為牽頭單位,下同)\n2.支持創業。(市科技局、市人社局等負責)`;
    expect(summary(text)).toEqual(['扩大就业 → lead:市人社局 responsible:市财政局', '支持创业 → lead:市科技局 responsible:市人社局']);
  });

  it('drops the rule in brackets after a unit (第一责任单位为牵头单位,下同)', () => {
    const text = `${HEAD}一、措施\n(一)规范PPP项目建设。\n责任单位:市发改委、市财政局(第一责任单位为牵头单位,下同)\n时限要求:持续推进`;
    const { doc } = read(text);
    expect(doc.tasks[0]!.assignments.map((a) => `${a.role}:${a.surface}`)).toEqual(['lead:市发改委', 'responsible:市财政局']);
    expect(doc.tasks[0]!.deadline).toMatchObject({ text: '持续推进', date: null, kind: 'ongoing' });
  });
});

describe('tables written as text', () => {
  it('reads a table flattened with | by its header words, in any order', () => {
    const text = `${HEAD}附件\n某县2024年重点任务分解表\n序号 | 任务名称 | 指标要求 | 牵头部门 | 配合部门 | 时间节点 |
1 | 新建农村公路50公里 | 全面完成 | 县交通运输局 | 县财政局、各乡镇 | 12月底前 |
2 | 改造老旧小区12个。同步完善配套。 | 开工率100% | 县住建局 | 县发改局 | 每年 |`;
    const { doc } = read(text);
    expect(doc.tasks.map((t) => `${t.title} → ${t.assignments.map((a) => `${a.role}:${a.surface}`).join(' ')}`)).toEqual([
      '新建农村公路50公里 → lead:县交通运输局 participant:县财政局 participant:各乡镇',
      '改造老旧小区12个 → lead:县住建局 participant:县发改局',
    ]);
    expect(doc.tasks.map((t) => [t.deadline?.date ?? null, t.deadline?.kind])).toEqual([['2024-12-31', 'date'], [null, 'periodic']]);
  });

  it('reads a table in traditional characters, a (牵头) mark inside a lead column', () => {
    const text = `湘潭市人民政府辦公室關於印發湘潭市2024年優化營商環境重點任務清單的通知\n序號 | 工作任務 | 牽頭單位 | 配合單位 | 完成時限 |\n1 | 推行“一件事一次辦”改革 | 市政務服務中心 | 市直各有關單位,各縣市區人民政府 | 2024年6月底前 |\n2 | 開展涉企收費專項清理 | 市發改委(牽頭)、市市場監管局 | 市財政局 | 第三季度 |`;
    const { doc, name } = read(text);
    expect(doc.jurisdiction?.name).toBe('湘潭市');
    expect(doc.tasks.map((t) => `${t.title} → ${t.assignments.map((a) => `${a.role}:${name(a.unitId)}`).join(' ')} @${t.deadline?.date}`)).toEqual([
      '推行“一件事一次办”改革 → lead:市政务服务中心 participant:市直有关部门 participant:各县市区 @2024-06-30',
      '开展涉企收费专项清理 → lead:市发展和改革委员会 responsible:市市场监督管理局 participant:市财政局 @2024-09-30',
    ]);
  });

  it('reads a header of two rows (责任单位 split into 牵头 and 配合 below it)', () => {
    const text = `${HEAD}序号 | 重点任务 | 责任单位 | | 完成时限 |\n| | 牵头 | 配合 | |\n1 | 建设公共实训基地 | 市人社局 | 市财政局、市教育局 | 2024年10月 |\n2 | 举办技能大赛 | 市总工会 | 市人社局 | 年内 |`;
    expect(summary(text)).toEqual([
      '建设公共实训基地 → lead:市人社局 participant:市财政局 participant:市教育局',
      '举办技能大赛 → lead:市总工会 participant:市人社局',
    ]);
  });

  it('reads the first-listed rule written in a unit cell, for every row', () => {
    const text = `${HEAD}序号 | 工作任务 | 责任单位 |\n1 | 规范PPP项目建设 | 市发改委、市财政局(第一责任单位为牵头单位,下同) |\n2 | 清理拖欠企业账款 | 市工信局、市财政局 |`;
    const { doc } = read(text);
    expect(doc.leadRule).toBe('first-listed');
    expect(doc.tasks.map((t) => t.assignments.map((a) => `${a.role}${a.inferred ? '*' : ''}:${a.surface}`))).toEqual([
      ['lead:市发改委', 'responsible:市财政局'],
      ['lead:市工信局', 'responsible:市财政局'],
    ]);
  });

  it('reads a tab-separated table with leaders and deadlines, persons never units', () => {
    const text = `${HEAD}序号\t重点任务\t责任人\t牵头单位\t责任单位\t完成时间\n1\t建成污水处理厂\t张三\t市水务局\t市住建局、市生态环境局\t2025年6月底前完成\n2\t开通城市公交新线路\t李四\t市交通运输局\t市公交集团\t长期坚持`;
    const { doc, name } = read(text);
    expect(doc.tasks.map((t) => t.assignments.map((a) => `${a.role}:${name(a.unitId)}`))).toEqual([
      ['lead:市水务局', 'responsible:市住房和城乡建设局', 'responsible:市生态环境局'],
      ['lead:市交通运输局', 'responsible:市公交集团'],
    ]);
    expect(doc.tasks.map((t) => t.leaders.map((l) => l.name))).toEqual([['张三'], ['李四']]);
    expect(doc.tasks.map((t) => t.deadline?.date ?? t.deadline?.kind)).toEqual(['2025-06-30', 'ongoing']);
  });

  it('reads a header with spaced-out characters and cells split by runs of spaces', () => {
    const text = `${HEAD}序 号    工作任务              牵 头 单 位      完成时限\n1      建设智慧城市大脑      市大数据局        2024年9月\n2      推进政务云迁移        市数据局          年底前`;
    expect(summary(text)).toEqual(['建设智慧城市大脑 → lead:市大数据局', '推进政务云迁移 → lead:市数据局']);
  });

  it('reads one cell per line after a header, a unit list over several lines and a merged unit cell', () => {
    const text = `${HEAD}2024年民生实事目标任务分解表\n序号\n\n民生实事\n\n责任单位\n\n完成时限\n\n1\n\n新建城区公园2个。\n\n县住建局\n\n县城管局\n\n12月底前\n\n2\n\n开工建设老年养护楼。\n\n县民政局\n\n5月底前\n\n开工建设老年大学。\n\n10月底前\n\n3\n\n合计`;
    const { doc } = read(text);
    expect(doc.tasks.map((t) => `${t.title} → ${t.assignments.map((a) => `${a.role}${a.inferred ? '*' : ''}:${a.surface}`).join(' ')} @${t.deadline?.date}`)).toEqual([
      '新建城区公园2个 → lead*:县住建局 responsible:县城管局 @2024-12-31',
      '开工建设老年养护楼 → lead*:县民政局 @2024-05-31',
      // The sub-row under the merged 序号 and 责任单位 cells carries the unit above; row 3 names no unit and is no task.
      '开工建设老年大学 → lead*:县民政局 @2024-10-31',
    ]);
  });

  it('reads cells separated by | lines, ★ marking the lead, empty and merged cells dropped', () => {
    const text = `${HEAD}序号\n|\n项目\n|\n重点工作目标任务\n|\n牵头领导\n|\n责任单位\n|\n一、主要预期目标\n|\n||||\n1\n|\n经济增长\n|\n1.地区生产总值增长5%以上。\n|\n钱 宇\n|\n★区发改委、统计局\n|\n2.一般公共预算收入增长6%。\n|\n★区财政局、税务局\n|\n|||`;
    const { doc } = read(text);
    expect(doc.tasks.map((t) => `${t.title} → ${t.assignments.map((a) => `${a.role}:${a.surface}`).join(' ')} [${t.leaders.map((l) => l.name)}]`)).toEqual([
      '地区生产总值增长5%以上 → lead:区发改委 responsible:统计局 [钱宇]',
      '一般公共预算收入增长6% → lead:区财政局 responsible:税务局 []',
    ]);
    expect(doc.tasks[0]!.section).toBe('主要预期目标');
  });

  it('joins a cell wrapped onto the next line and skips a last row cut before its units', () => {
    const text = `${HEAD}序号 | 工作任务 | 责任单位 |\n1 | 推进城乡供水一体化,完成 | 县水利局 |\n农村供水管网改造 | | |\n2 | 实施河道清淤工程。 | 县水利局、各乡镇 |\n3 | 建设应急物资储备库`;
    const { doc } = read(text);
    expect(doc.tasks.map((t) => `${t.title} → ${t.assignments.map((a) => a.surface).join('、')}`)).toEqual([
      '推进城乡供水一体化,完成农村供水管网改造 → 县水利局',
      '实施河道清淤工程 → 县水利局、各乡镇',
    ]);
  });

  it('gives a row that names only a date and a unit to the task above, as a second lead', () => {
    const text = `${HEAD}项目名称 | 工作任务 | 计划完成时间 | 牵头单位 |\n1.城市提升项目 | 改造城区道路3条; | 11月 | 建设局 |\n2024.8 | 城投集团 | ||\n新建口袋公园2处; | 10月 | 建设局 | |`;
    const { doc } = read(text);
    expect(doc.tasks.map((t) => `${t.title} → ${t.assignments.map((a) => `${a.role}:${a.surface}`).join(' ')} @${t.deadline?.date}`)).toEqual([
      '改造城区道路3条 → lead:建设局 lead:城投集团 @2024-11-30',
      '新建口袋公园2处 → lead:建设局 @2024-10-31',
    ]);
  });
});

describe('tables a reader gives (rows × cells)', () => {
  /** Lay rows out as a reader does: one line per row, cells joined by " | ", and the cells' spans. */
  function source(rows: string[][], before = HEAD) {
    let text = before;
    const spans = rows.map((row) => {
      const out = row.map((c, i) => {
        if (i > 0) text += ' | ';
        const start = text.length;
        text += c;
        return { start, end: text.length };
      });
      text += '\n';
      return out;
    });
    return { text, spans };
  }

  it('reads merged cells (the same span in each row), skips the header repeated on a new page, and reads a note written in a cell', () => {
    const { text, spans } = source([
      ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'],
      ['1', '建设城市书房10个。', '市文旅局', '各区县政府', '2024年9月底前'],
      ['2', '改造公园绿地。', '', '市住建局', ''],
      ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'],
      ['3', '开展全民健身运动会。', '牵头:市体育局;配合:市教育局', '', '全年'],
    ]);
    // Row 2's 牵头单位 and 完成时限 cells are merged with row 1's: a reader repeats row 1's spans there.
    spans[2]![2] = spans[1]![2]!;
    spans[2]![4] = spans[1]![4]!;
    const r = extract([{
      file: 'plan.docx', bytes: Buffer.from(text),
      source: { text, format: 'docx', encoding: 'docx', warnings: [], tables: [{ start: spans[0]![0]!.start, end: text.length, rows: spans }] },
    }]);
    const doc = r.documents[0]!;
    expect(doc.format).toBe('docx');
    expect(doc.tasks.map((t) => `${t.title} → ${t.assignments.map((a) => `${a.role}:${a.surface}`).join(' ')} @${t.deadline?.date}`)).toEqual([
      '建设城市书房10个 → lead:市文旅局 participant:各区县政府 @2024-09-30',
      '改造公园绿地 → lead:市文旅局 participant:市住建局 @2024-09-30',
      '开展全民健身运动会 → lead:市体育局 participant:市教育局 @2024-12-31',
    ]);
    // Offsets index the reader's text, so a quote can be shown in place.
    const a = doc.tasks[2]!.assignments[0]!;
    expect(text.slice(a.surfaceStart, a.surfaceEnd)).toBe('市体育局');
  });
});

describe('deadlines inside the task text', () => {
  it('takes the latest stated completion, not a start or a later activity', () => {
    const text = `${HEAD}一、项目\n1.围墙建设4月底前完成,项目8月底前建成投入使用。\n责任单位:市水利局\n2.监理单位招标,5月底前完成并开工建设,年底进行主体工程施工。\n责任单位:市水利局\n3.常态化开展安全检查,按年度推进。\n责任单位:市应急局`;
    const { doc } = read(text);
    expect(doc.tasks.map((t) => [t.deadline?.text ?? null, t.deadline?.date ?? null])).toEqual([
      ['8月底前', '2024-08-31'],
      ['5月底前完成', '2024-05-31'],
      [null, null],
    ]);
  });
});

describe('numbered items beyond 999', () => {
  it('reads 1000. and above as items where they continue the numbering, a year elsewhere as text', () => {
    const items = Array.from({ length: 1002 }, (_, i) => `${i + 1}.推进第${i + 1}项工作。(牵头单位:市发改委)`);
    // A line that starts with a year after item 1: 2024. does not continue 1, so it stays the item's text.
    const plan = `${HEAD}一、重点工作\n${items[0]}\n2024.全年完成既定目标。\n${items.slice(1).join('\n')}\n`;
    const { doc } = read(plan);
    expect(doc.tasks).toHaveLength(1002);
    expect(doc.tasks[0]!.ref).toBe('一.1');
    expect(doc.tasks[999]!.ref).toBe('一.1000');
    expect(doc.tasks[999]!.title).toBe('推进第1000项工作');
    expect(doc.tasks[1001]!.ref).toBe('一.1002');
  });
});

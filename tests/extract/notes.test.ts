/** The note grammar on the vocabulary the next city's plan may use, seeds or not. */
import { describe, expect, it } from 'vitest';
import { extract } from '../../server/extract/extract';
import { findNotes, parseNoteContent, startsWithLabel } from '../../server/extract/notes';

const parsed = (s: string) => parseNoteContent(s)?.items.map((i) => `${i.role}:${i.surface}`) ?? null;

describe('parseNoteContent', () => {
  it('reads labels, several per note', () => {
    expect(parsed('牵头单位:市商务局;配合单位:市发改委、市财政局')).toEqual(['lead:市商务局', 'participant:市发改委', 'participant:市财政局']);
    expect(parsed('主办单位:市文旅局;协办单位:各县市区')).toEqual(['lead:市文旅局', 'participant:各县市区']);
    expect(parsed('责任单位:市公安局(牵头)、市教育局')).toEqual(['lead:市公安局', 'responsible:市教育局']);
  });

  it('reads verbs after lists', () => {
    expect(parsed('市发改委牵头,市财政局、市商务局配合')).toEqual(['lead:市发改委', 'participant:市财政局', 'participant:市商务局']);
    expect(parsed('市住建局负责')).toEqual(['responsible:市住建局']);
    expect(parsed('市教育局主办,团市委协办')).toEqual(['lead:市教育局', 'participant:团市委']);
    expect(parsed('市发改委、市工信局等按职责分工负责')).toEqual(['responsible:市发改委', 'responsible:市工信局']);
  });

  it('notes the first-listed rule and drops it from the list', () => {
    const p = parseNoteContent('责任单位:市发改委、各县市区,排第一的为牵头单位,下同')!;
    expect(p.statesLeadRule).toBe(true);
    expect(p.items.map((i) => i.surface)).toEqual(['市发改委', '各县市区']);
    expect(parseNoteContent('责任单位:市发改委、市财政局,列第一位的为牵头单位')!.statesLeadRule).toBe(true);
  });

  it('rejects prose in brackets', () => {
    for (const prose of ['以下简称“大湾区”', '此件主动公开', '二期', '含租赁', '由企业负责', '国发〔2016〕18号', 'PM2.5', '韶山', '2020—2025年', '']) {
      expect(parsed(prose), prose).toBeNull();
    }
  });
});

describe('startsWithLabel', () => {
  it('knows every kind of label a note line can start with', () => {
    const lines = [
      '牵头单位:市商务局', '主要责任单位:市卫生局', '具体责任单位:市卫生局', '直接责任单位:市卫生局', '协同责任单位:市财政局',
      '落实单位:市住建局', '实施单位:市住建局', '承办单位:市住建局', '支持单位:市财政局', '协助单位:市财政局', '参加单位:市财政局',
      '配合:市财政局', '主办:市文旅局', '【牵头单位】市商务局', '[责任单位]市城管局',
      '牵头负责领导:刘惠', '分管市领导:李明', '责任领导:王健', '第一责任人:张华', '项目负责人:方来英', '联系领导:李明',
      '完成时限:2024年底前', '办结时限:6月底', '截止日期:2024年6月30日', '计划完成时间:10月', '预计完成时间:10月',
      '时间节点:第三季度', '时间安排:3月启动', '进度要求:年底前完成', '时限要求:持续推进',
    ];
    expect(lines.filter((l) => !startsWithLabel(l))).toEqual([]);
    for (const prose of ['加快推进项目建设', '市发改委牵头', '2024年底前完成']) expect(startsWithLabel(prose), prose).toBe(false);
  });
});

describe('findNotes', () => {
  it('finds a note on its own line, and joins consecutive label lines', () => {
    const text = '1.建设物流园区。加快推进。\n牵头单位:市商务局\n责任单位:市发改委、各县市区\n2.下一项';
    const notes = findNotes(text);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.items.map((i) => `${i.role}:${i.surface}`)).toEqual(['lead:市商务局', 'responsible:市发改委', 'responsible:各县市区']);
    for (const i of notes[0]!.items) expect(text.slice(i.offset, i.offset + i.surface.length)).toBe(i.surface);
  });

  it('survives unbalanced brackets', () => {
    expect(findNotes('((((责任单位:市商务局)').map((n) => n.quote)).toEqual(['(责任单位:市商务局)']);
    expect(findNotes(')))(责任单位:市商务局').length).toBe(0);
  });
});

describe('a plan in a notation the seeds do not use', () => {
  const plan = [
    '某某市人民政府办公室关于印发某某市优化营商环境三年行动方案的通知',
    '衡政办发〔2023〕7号',
    '衡阳市优化营商环境三年行动方案',
    '一、重点任务',
    '(一)提升政务服务',
    '1、推进一网通办。全面推行“一件事一次办”。(市政务服务中心牵头,市发改委、市大数据局配合)',
    '2、压缩审批时限。',
    '牵头单位:市行政审批服务局',
    '协办单位:各县市区人民政府、衡阳高新区管委会',
    '3、优化纳税服务。(市税务局负责,市财政局协助)',
  ].join('\n');

  it('reads every task and role', () => {
    const r = extract([{ file: 'hengyang.txt', bytes: Buffer.from(plan) }]);
    const d = r.documents[0]!;
    expect(d.jurisdiction?.name).toBe('衡阳市');
    expect(d.docNumber).toBe('衡政办发〔2023〕7号');
    const name = (id: string) => r.units.find((u) => u.id === id)!.name;
    const summary = d.tasks.map((t) => `${t.ref} ${t.assignments.map((a) => `${a.role}:${name(a.unitId)}`).join(' ')}`);
    expect(summary).toEqual([
      '一.(一).1 lead:市政务服务中心 participant:市发展和改革委员会 participant:市大数据局',
      '一.(一).2 lead:市行政审批服务局 participant:各县市区 participant:衡阳高新区',
      // (市税务局负责,市财政局协助): the unit in charge leads (inferred), the helper participates.
      '一.(一).3 lead:市税务局 participant:市财政局',
    ]);
    // 衡阳: 珠晖 雁峰 石鼓 蒸湘 南岳 衡阳县 衡南 衡山 衡东 祁东 耒阳 常宁 (its two 7x codes are development zones)
    expect(r.units.find((u) => u.name === '各县市区')!.members).toHaveLength(12);
  });
});

/**
 * The five seeds, checked against the documents as read by hand. Every expected list below
 * was copied from the seed text (the notes after each task), not from the program's output.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalise } from '../../server/extract/normalise';
import { doc, rawOf, roles, SEEDS_DIR, seedFiles, seedResult, task } from '../support/seeds';

describe('seeds/', () => {
  it('holds the shared seeds unchanged', () => {
    const shared = join(SEEDS_DIR, '../../shared/seeds');
    expect(seedFiles()).toHaveLength(5);
    if (!existsSync(shared)) return; // a checkout without ../shared still has its own copy
    for (const f of seedFiles()) {
      const name = f.split('/').pop()!;
      expect(readFileSync(f).equals(readFileSync(join(shared, name))), name).toBe(true);
    }
  });

  it('reads every seed with no file skipped', () => {
    expect(seedResult().documents).toHaveLength(5);
  });

  it('finds the number of tasks each document has', () => {
    // 000: items 1–19 + 保障措施 (一)–(四); 001: items 1–17; 002: (三)3 (四)4 (五) (六)4 (七)3 (八)3 + (九)–(十二);
    // 003: (一)4 (二)3 (三)4 (四)5; 004: the five 进一步 recommendations.
    expect(seedResult().documents.map((d) => d.tasks.length)).toEqual([23, 17, 22, 16, 5]);
  });
});

describe('metadata', () => {
  it('reads title, issuer, number, date, kind and jurisdiction', () => {
    const pick = (p: string) => {
      const d = doc(p);
      return [d.title, d.issuer, d.docNumber, d.date, d.kind, d.jurisdiction?.code, d.jurisdiction?.name];
    };
    expect(pick('000')).toEqual(['邵阳市对接粤港澳大湾区行动方案(2020—2025年)', '邵阳市人民政府', null, '2020-05-10', 'plan', '430500', '邵阳市']);
    expect(pick('001')).toEqual(['萍乡对接粤港澳大湾区建设行动方案', '萍乡市人民政府办公室', '萍府办发〔2019〕5号', '2019-02-20', 'plan', '360300', '萍乡市']);
    expect(pick('002')).toEqual(['湖南省深化泛珠三角区域合作实施方案', '湖南省人民政府', '湘政发〔2016〕21号', '2016-10-24', 'plan', '430000', '湖南省']);
    expect(pick('003')).toEqual(['湘潭市区域共进行动 “点面互动 区际互融”工作方案', '湘潭市人民政府', null, '2024-06-11', 'plan', '430300', '湘潭市']);
    expect(pick('004').slice(3)).toEqual([null, 'report', '430500', '邵阳市']);
  });

  it('infers 004 as 邵阳市 and says on what evidence', () => {
    const j = doc('004').jurisdiction!;
    expect(j.evidence).toMatch(/^inferred/);
    expect(j.evidence).toContain('邵阳市');
    expect(doc('004').issuer).toBe('邵阳市政协');
    expect(doc('003').script).toBe('traditional');
    expect(doc('000').script).toBe('simplified');
  });

  it('states each document’s lead rule', () => {
    expect(seedResult().documents.map((d) => d.leadRule)).toEqual(['first-listed', 'explicit', 'explicit', 'first-listed-by-convention', 'none']);
  });
});

describe('000 邵阳: 责任单位 with 排第一的为牵头单位,下同', () => {
  it('takes the first listed unit as lead, not inferred', () => {
    expect(roles(task('000', '二.(一).1'))).toEqual({ lead: ['市发展和改革委员会'], responsible: ['各县市区'], participant: [] });
    expect(task('000', '二.(一).1').assignments.every((a) => !a.inferred)).toBe(true);
    expect(roles(task('000', '二.(一).2'))).toEqual({ lead: ['市交通运输局'], responsible: ['市发展和改革委员会', '各县市区'], participant: [] });
    expect(roles(task('000', '二.(二).5'))).toEqual({
      lead: ['市商务局'],
      responsible: ['市发展和改革委员会', '市工业和信息化局', '市文化旅游广电体育局', '市民政局', '市卫生健康委员会', '邵阳经开区', '各县市区'],
      participant: [],
    });
    expect(roles(task('000', '二.(二).9'))).toEqual({ lead: ['邵阳经开区'], responsible: ['市财政局', '市税务局', '各县市区'], participant: [] });
    expect(roles(task('000', '二.(三).12'))).toEqual({
      lead: ['市市场监督管理局'],
      responsible: ['市科学技术局', '市司法局', '市政府金融工作办公室', '邵阳海关', '各县市区'],
      participant: [],
    });
    expect(roles(task('000', '二.(五).19'))).toEqual({
      lead: ['市委组织部'],
      responsible: ['市人力资源和社会保障局', '市公安局', '市教育局', '市卫生健康委员会', '市住房和城乡建设局', '邵阳职业技术学院', '各县市区'],
      participant: [],
    });
  });

  it('makes 保障措施 sections with notes tasks, and a collective can be the lead', () => {
    expect(roles(task('000', '三.(一)'))).toEqual({ lead: ['各市直部门'], responsible: ['各县市区'], participant: [] });
    expect(roles(task('000', '三.(四)'))).toEqual({ lead: ['市委组织部'], responsible: ['市纪委监委', '市发展和改革委员会', '市绩效办'], participant: [] });
    expect(task('000', '三.(四)').title).toBe('强化考核考评');
    expect(task('000', '二.(一).1').title).toBe('加速连接大湾区铁路大通道');
    expect(task('000', '二.(一).1').section).toBe('实现基础设施互联互通');
  });
});

describe('001 萍乡: 牵头单位:…;责任单位:…', () => {
  it('reads several explicit leads and the responsible units', () => {
    expect(roles(task('001', '二.(一).1'))).toEqual({
      lead: ['市交通运输局', '市公路局'],
      responsible: ['市发展和改革委员会', '市自然资源和规划局', '各县市区', '萍乡经开区', '武功山景区'],
      participant: [],
    });
    expect(roles(task('001', '二.(二).4'))).toEqual({
      lead: ['市商务局'],
      responsible: ['市工业和信息化局', '市政府金融工作办公室', '市市场监督管理局', '萍乡海关', '有关县市区', '萍乡经开区', '武功山景区'],
      participant: [],
    });
    expect(roles(task('001', '二.(五).10'))).toEqual({
      lead: ['市卫生健康委员会', '市医疗保障局'],
      responsible: ['有关县市区', '萍乡经开区', '武功山景区'],
      participant: [],
    });
    expect(roles(task('001', '二.(六).14'))).toEqual({
      lead: ['市发展和改革委员会', '萍乡海关'],
      responsible: ['市直有关部门', '有关县市区', '萍乡经开区', '武功山景区'],
      participant: [],
    });
    expect(roles(task('001', '二.(五).9')).lead).toEqual(['市教育局', '萍乡学院']);
  });

  it('leaves a note with only 责任单位 without a lead (the plan names leads explicitly elsewhere)', () => {
    expect(roles(task('001', '三.15'))).toEqual({ lead: [], responsible: ['市直有关部门', '有关县市区', '萍乡经开区', '武功山景区'], participant: [] });
    expect(roles(task('001', '三.17')).lead).toEqual(['市发展和改革委员会']);
  });

  it('finds exactly the tasks 萍乡市商务局 leads: items 2 and 4', () => {
    const leads = doc('001').tasks.filter((t) => t.assignments.some((a) => a.role === 'lead' && a.unitId === '360300:市商务局'));
    expect(leads.map((t) => t.ref)).toEqual(['二.(一).2', '二.(二).4']);
  });
});

describe('002 湖南: clause-level notes', () => {
  it('gives each clause of 二.(三).1 its own note and roles', () => {
    const t = task('002', '二.(三).1');
    expect(t.clauses).toHaveLength(5);
    expect(t.clauses.map((c) => c.text.slice(0, 4))).toEqual(['铁路方面', '公路方面', '水运方面', '航空方面', '运输方面']);
    expect(roles(t, 1)).toEqual({ lead: ['省发展和改革委员会'], responsible: [], participant: [] });
    expect(roles(t, 2)).toEqual({ lead: ['省交通运输厅'], responsible: [], participant: [] });
    expect(roles(t, 3)).toEqual({ lead: ['省交通运输厅'], responsible: [], participant: ['省水利厅'] });
    expect(roles(t, 4)).toEqual({ lead: ['省机场管理集团'], responsible: [], participant: ['省发展和改革委员会', '省财政厅', '省商务厅'] });
    expect(roles(t, 5)).toEqual({ lead: ['省发展和改革委员会'], responsible: [], participant: ['省交通运输厅', '省商务厅', '省机场管理集团'] });
    expect(t.clauses[2]!.quote).toBe('(省交通运输厅牵头负责,省水利厅等参与)');
  });

  it('makes section (五) a task and reads 按职责分工负责 and X牵头,Y等按职责分工负责', () => {
    const t = task('002', '二.(五)');
    expect(t.title).toBe('推进统一市场建设');
    expect(t.clauses).toHaveLength(4);
    expect(roles(t, 1)).toEqual({ lead: [], responsible: ['省发展和改革委员会', '省商务厅', '省工商行政管理局'], participant: [] });
    expect(roles(t, 2)).toEqual({ lead: [], responsible: ['省质量技术监督局', '省工商行政管理局', '省食品药品监督管理局', '湖南出入境检验检疫局'], participant: [] });
    expect(roles(t, 3)).toEqual({ lead: ['省工商行政管理局'], responsible: ['省发展和改革委员会', '省质量技术监督局', '省食品药品监督管理局'], participant: [] });
    expect(roles(t, 4)).toEqual({ lead: [], responsible: ['省发展和改革委员会', '省工商行政管理局', '省知识产权局', '人民银行长沙中心支行'], participant: [] });
  });

  it('reads joint leads (X、Y牵头负责) and sections (九)–(十二)', () => {
    expect(roles(task('002', '二.(七).1'))).toEqual({ lead: ['省环境保护厅', '省水利厅'], responsible: [], participant: [] });
    expect(roles(task('002', '三.(十二)'))).toEqual({ lead: ['省发展和改革委员会'], responsible: ['各相关单位', '各市州'], participant: [] });
    expect(roles(task('002', '三.(十)'))).toEqual({ lead: [], responsible: ['省发展和改革委员会', '省商务厅'], participant: [] });
    expect(roles(task('002', '三.(十一)')).lead).toEqual(['省财政厅', '省发展和改革委员会']);
    const t = task('002', '二.(六).1');
    expect(roles(t, 1)).toEqual({ lead: ['省教育厅'], responsible: ['省公安厅', '省人力资源和社会保障厅'], participant: [] });
    expect(roles(t, 2).lead).toEqual(['省科学技术厅']);
    expect(roles(t, 3).lead).toEqual(['省文化厅']);
  });

  it('does not make 总体要求 sections without notes tasks', () => {
    expect(doc('002').tasks.some((t) => t.ref.startsWith('一'))).toBe(false);
  });
});

describe('003 湘潭: traditional text with pinyin debris, lead by convention', () => {
  it('cleans the text: pinyin annotations gone, simplified characters', () => {
    const t = task('003', '二.(一).2');
    expect(t.title).toBe('着力基础设施互联互通');
    expect(t.text.startsWith('着力基础设施互联互通。一是加快建设融城干道。开工建设湘潭云龙东路—株洲新马南路')).toBe(true);
    for (const x of doc('003').tasks) expect(x.text).not.toMatch(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)/);
    expect(task('003', '二.(四).5').title).toBe('努力融入湘琼合作');
  });

  it('warns about the characters lost in the source instead of failing', () => {
    const w = seedResult().warnings.filter((x) => x.file.includes('003') && x.message.startsWith('unreadable'));
    expect(w).toHaveLength(1);
    expect(rawOf('003').slice(w[0]!.start!, w[0]!.start! + 4)).toBe('?jié');
  });

  it('takes the first listed unit as lead, marked inferred', () => {
    const t = task('003', '二.(一).1');
    expect(roles(t)).toEqual({
      lead: ['市工业和信息化局'],
      responsible: ['市科学技术局', '市发展和改革委员会', '市长株潭一体化发展事务中心', '市商务局', '市教育局',
        '湘乡市人民政府', '韶山市人民政府', '雨湖区人民政府', '湘潭高新区', '湘潭经开区'],
      participant: [],
    });
    expect(t.assignments.find((a) => a.role === 'lead')!.inferred).toBe(true);
    expect(t.assignments.filter((a) => a.role !== 'lead').every((a) => !a.inferred)).toBe(true);
    expect(roles(task('003', '二.(二).2'))).toEqual({
      lead: ['市农业农村局'],
      responsible: ['市政府金融工作办公室', '市财政局', '市科学技术局', '市自然资源和规划局', '湘潭县人民政府', '湘乡市人民政府', '韶山市人民政府'],
      participant: [],
    });
    expect(roles(task('003', '二.(四).4'))).toEqual({
      lead: ['市发展和改革委员会'],
      responsible: ['湘潭县人民政府', '湘乡市人民政府', '韶山市人民政府', '湘潭高新区', '湘潭经开区'],
      participant: [],
    });
  });

  it('splits 雨湖區湘潭經開區 into 雨湖区 and 湘潭经开区', () => {
    const t = task('003', '二.(四).5');
    const r = roles(t);
    expect(r.lead).toEqual(['市商务局']);
    expect(r.responsible!.slice(-4)).toEqual(['湘潭县人民政府', '雨湖区人民政府', '湘潭经开区', '湘潭综保区']);
    const raw = rawOf('003');
    const yuhu = t.assignments.find((a) => a.surface === '雨湖区')!;
    const jkq = t.assignments.find((a) => a.surface === '湘潭经开区')!;
    // A span ends at its last character; the pinyin debris after it is not part of the name.
    expect(raw.slice(yuhu.surfaceStart, yuhu.surfaceEnd)).toBe('雨湖區');
    expect(raw.slice(jkq.surfaceStart, jkq.surfaceEnd)).toBe('湘潭經開區');
    expect(seedResult().warnings.some((w) => w.message.includes('雨湖区湘潭经开区'))).toBe(true);
  });

  it('lists 一是…三是 items', () => {
    expect(task('003', '二.(一).1').items.map((i) => [i.ordinal, i.title])).toEqual([
      ['一是', '梯度培育先进制造业产业集群'], ['二是', '促进产业协同发展'], ['三是', '提高科技协同创新水平'],
    ]);
  });
});

describe('004 邵阳 CPPCC report', () => {
  it('reads the five 进一步 recommendations with their 一是/二是 items', () => {
    const d = doc('004');
    expect(d.tasks.map((t) => t.title)).toEqual([
      '进一步凝聚产业承接合力,着力打造政令畅通的发展环境',
      '进一步做大做强主导产业,着力打造产业发展高地',
      '进一步提高招商工作成效,着力打造开放高地',
      '进一步推进平台建设,着力提升产业转移承载力',
      '进一步激发科技创新活力,着力打造创新高地',
    ]);
    expect(d.tasks.map((t) => t.items.length)).toEqual([4, 3, 3, 3, 3]);
    expect(d.tasks[0]!.items[1]!.title).toBe('切实增强规划引领调控作用');
    expect(d.tasks.every((t) => t.assignments.length === 0)).toBe(true);
  });

  it('reads its main figures as values', () => {
    const f = doc('004').figures.map((x) => `${x.label}=${x.value}${x.unit}`);
    for (const want of ['全市累计引进项目=299个', '总投资=823.6亿元', '全市新引进项目=156个', '总投资=479.6亿元', '同比增长=19.2%', '规模工业企业=1179家', '政府性融资担保公司=5家']) {
      expect(f).toContain(want);
    }
  });
});

describe('unit identity', () => {
  const units = () => seedResult().units;
  const byId = (id: string) => units().find((u) => u.id === id);

  it('merges abbreviations and full names within one jurisdiction', () => {
    expect(byId('430000:省卫生和计划生育委员会')!.surfaces).toEqual(['省卫生计生委', '省卫计委']);
    expect(byId('360300:市发展和改革委员会')!.surfaces).toEqual(['市发改委']);
    expect(byId('430300:市人力资源和社会保障局')!.surfaces).toEqual(['市人力资源社会保障局']);
    expect(byId('430300:市卫生健康委员会')!.surfaces).toEqual(['市卫生健康委']);
    expect(byId('360300:市卫生健康委员会')!.surfaces).toEqual(['市卫健委']);
  });

  it('keeps the same name in two jurisdictions as two units', () => {
    const fgw = units().filter((u) => u.name === '市发展和改革委员会').map((u) => u.jurisdiction.name).sort();
    expect(fgw).toEqual(['湘潭市', '萍乡市', '邵阳市']);
  });

  it('classifies kinds', () => {
    const kind = (id: string) => byId(id)?.kind;
    expect(kind('430500:邵阳海关')).toBe('vertical_agency');
    expect(kind('430500:市委组织部')).toBe('party_organ');
    expect(kind('430500:市工商业联合会')).toBe('federation');
    expect(kind('430500:邵阳经开区')).toBe('zone');
    expect(kind('430500:邵阳职业技术学院')).toBe('institution');
    expect(kind('430500:各县市区')).toBe('collective');
    expect(kind('430500:市商务局')).toBe('department');
    expect(kind('430300:湘乡市人民政府')).toBe('county_government');
    expect(kind('430300:城发集团')).toBe('enterprise');
    expect(kind('430000:长沙海关')).toBe('vertical_agency');
  });

  it('knows 邵阳’s 各县市区 are its 12 county-level divisions', () => {
    const members = byId('430500:各县市区')!.members.map((id) => byId(id)!.name).sort();
    expect(members).toEqual(['北塔区', '双清区', '城步苗族自治县', '大祥区', '新宁县', '新邵县', '武冈市', '洞口县', '绥宁县', '邵东市', '邵阳县', '隆回县']
      .map((n) => `${n}人民政府`).sort());
    expect(byId('430300:各县市区')!.members).toHaveLength(5); // 雨湖 岳塘 湘潭县 湘乡 韶山
    expect(byId('430000:各市州')!.members).toHaveLength(14);
  });
});

describe('provenance', () => {
  it('points every assignment at its note, and every surface at its name, in the raw file', () => {
    for (const d of seedResult().documents) {
      const raw = rawOf(d.id.slice(0, 3));
      for (const t of d.tasks) {
        for (const a of t.assignments) {
          expect(normalise(raw.slice(a.start, a.end)).tm.text).toBe(a.quote);
          expect(normalise(raw.slice(a.surfaceStart, a.surfaceEnd)).tm.text).toBe(a.surface);
        }
        expect(normalise(raw.slice(t.start, t.end)).tm.text.endsWith(t.text)).toBe(true);
      }
    }
  });

  it('quotes the note exactly as the raw file has it', () => {
    const a = task('000', '二.(一).1').assignments[0]!;
    expect(rawOf('000').slice(a.start, a.end)).toBe('(责任单位:市发展和改革委员会、各县市区,排第一的为牵头单位,下同)');
    const b = task('003', '二.(一).1').assignments[0]!;
    expect(rawOf('003').slice(b.start, b.start + 12)).toBe('(責任單位:市工信局、市');
  });
});

describe('regions', () => {
  it('finds the regions a task mentions, normalised', () => {
    const names = (p: string, ref: string) => task(p, ref).regions.map((r) => r.name);
    expect(names('000', '二.(一).3')).toEqual(expect.arrayContaining(['粤港澳大湾区', '东盟', '武冈市', '城步苗族自治县']));
    expect(names('000', '二.(二).7')).toEqual(expect.arrayContaining(['城步苗族自治县', '隆回县', '绥宁县', '洞口县', '新宁县']));
    expect(names('000', '二.(二).8')).toEqual(expect.arrayContaining(['香港特别行政区', '澳门特别行政区', '深圳市', '广州市', '珠海市']));
    expect(names('000', '二.(一).1')).not.toContain('湘西土家族苗族自治州'); // 湘中湘西南 is a direction
    expect(names('002', '二.(四).4')).toContain('长株潭');
    expect(names('002', '二.(三).1')).toEqual(expect.arrayContaining(['贵州省', '广西壮族自治区']));
    expect(names('003', '二.(一).1')).toEqual(expect.arrayContaining(['长沙市', '株洲市', '长株潭']));
  });

  it('gives each region its level and what it lies within', () => {
    const r = (id: string) => seedResult().regions.find((x) => x.id === id);
    expect(r('430524')).toMatchObject({ name: '隆回县', level: 'county', within: '430500' });
    expect(r('430500')).toMatchObject({ name: '邵阳市', level: 'prefecture', within: '430000' });
    expect(r('area:粤港澳大湾区')).toMatchObject({ level: 'area', within: null });
    expect(r('440300')!.partOf).toContain('area:粤港澳大湾区');
  });
});

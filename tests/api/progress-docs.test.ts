/**
 * Progress read from documents, over real HTTP on both stores: two plans and the same issuers'
 * 完成情况 reports (tests/fixtures/progress/), uploaded as a user would.
 *
 * - 大竹县: the corpus plan b01_dazhu (2016年民生实事目标任务分解表, 11 tasks) and its 完成情况表, a
 *   table with a 完成情况 column restating each task (序号 | 民生实事 | 责任单位 | 完成情况).
 * - 黑龙江省: the corpus plan e15_heilongjiang (2013 政府工作报告 分工, 11 tasks) and a 落实情况
 *   通报 whose numbered items restate the tasks by ref and title, two of them reworded, one
 *   reporting on a task the plan excerpt does not have.
 *
 * The expected task and state of every row were read by hand from the fixtures (comments below).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINK_THRESHOLD } from '../../server/progress/links';
import { Browser, dataDirWith } from '../support/session';
import { stores } from '../support/stores';
import { startTestApp } from './helpers';

const DIR = join(import.meta.dirname, '../fixtures/progress');
const file = (name: string) => ({ name, bytes: readFileSync(join(DIR, name)) });
const raw = (name: string) => readFileSync(join(DIR, name), 'utf8');

/** Row number → [the plan task's title it reports on (null: none in the plan), the state it states (null: none)]. */
type Expected = Record<number, [string | null, string | null]>;

const DAZHU: Expected = {
  1: ['启动建设东柳河城区段综合治理工程和东湖湿地公园', 'IN_PROGRESS'], // 已开工建设 …; 湿地公园 正在进行征地拆迁
  2: ['新建2座人行天桥', 'DONE'], // 已于9月建成并投入使用
  3: ['启动县图书馆新馆建设', 'BEHIND'], // 选址设计已完成, 项目尚未开工 (due 12月底前)
  4: ['建成县残疾人综合服务中心', 'BEHIND'], // 较计划滞后1个月
  5: ['开工建设县老年养护楼', 'DONE'], // 已于5月开工建设: the task (开工) is done; read as IN_PROGRESS (主体工程完成60%)
  6: ['开工建设老年大学', 'BEHIND'], // due 12月底前, now 计划2017年3月开工; read as IN_PROGRESS
  7: ['迁建县政务服务中心', 'DONE'], // 已建成, 正式搬迁运行
  8: ['加快推进土地滩水库建设', 'IN_PROGRESS'], // 正在进行溢洪道施工
  9: ['启动大竹县第十二小学建设,新建中心幼儿园2所', 'DONE'], // 已启动建设 and 2所已建成: done; read as IN_PROGRESS (启动)
  10: ['完成棚户区改造2836户', 'DONE'], // 2950户, 超额完成
  11: ['城区再新建1个农贸市场', 'NOT_STARTED'], // 项目未启动
};

const HEILONGJIANG: Expected = {
  1: ['地区生产总值增长11%左右', 'BEHIND'], // 增长8%, 未完成年度预期目标
  2: ['公共财政收入增长13%左右', 'BEHIND'], // 增长10.5%, 低于预期目标
  3: ['全社会固定资产投资增长30%以上', 'BEHIND'], // 增长22.5%, 未达到预期目标
  4: ['规模以上工业增加值增长12%左右', 'BEHIND'], // 增长9.5% and nothing else said: no state read (left to an editor)
  5: ['社会消费品零售总额增长15%以上', 'DONE'], // 增长15.2%, 完成年度目标
  6: ['进出口总额增长8%左右', 'DONE'], // 超额完成年度目标
  7: ['城镇居民人均可支配收入、农民人均纯收入均增长12%以上', 'BEHIND'], // reworded 城乡居民收入; 城镇居民收入增幅未完成
  8: ['居民消费价格涨幅控制在3.5%左右', 'DONE'], // 已完成
  9: ['单位GDP综合能耗下降3.5%', 'DONE'], // 下降3.6%, 完成年度目标
  10: ['抓好600个省级重点产业项目,确保年度投资达到2000亿元,带动工业固定资产投资5200亿元以上', 'DONE'], // 已完成年度目标
  // Reworded heading (重点产业项目落实落地); its text names the plan's projects. 正在进行设备安装.
  11: ['重点抓好哈尔滨中小型燃气轮机、齐齐哈尔提速提重新型铁路货车、哈工大奥瑞德蓝宝石等一大批技术领先、附加值高的项目,提供优惠政策和优质服务,促进尽快落实、落地', 'IN_PROGRESS'],
  12: [null, 'IN_PROGRESS'], // 哈大齐工业走廊: the plan excerpt has no such task; must not be applied
};

const LINKS = `query($d: ID!) { progressLinks(document: $d) { id row ref state date taskId confidence titleCover terms reason decision
  task { title } stateQuote { quote start end } } }`;
const PENDING = '{ pendingProgressLinks { id documentId row taskId reason confidence } }';

describe.each(stores())('API: progress read from documents ($name)', (store) => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let dataDir: string;
  let editor: Browser;
  let viewer: Browser;
  const linksOf = async (doc: string) => {
    const r = await editor.gql(LINKS, { d: doc });
    expect(r.errors).toBeUndefined();
    return r.data.progressLinks as any[];
  };
  const bestLinks = async (doc: string) => {
    const all = await linksOf(doc);
    // The row's own task (a table row with units is a task of the report too) is not the plan link measured here.
    return all.filter((l) => !l.taskId.startsWith(`${doc}:`));
  };
  const recordsOf = async (taskId: string) =>
    (await viewer.gql(`query($id: ID!) { task(id: $id) { progress { id date state text source by document { linkId documentId start end quote stateQuote { quote start end } confidence terms sameRow } } } }`, { id: taskId })).data.task.progress as any[];

  beforeAll(async () => {
    dataDir = await dataDirWith([['eddie', 'editor'], ['vera', 'viewer']]);
    app = await startTestApp({ store, env: { DATA_DIR: dataDir } });
    editor = new Browser(app.url);
    viewer = new Browser(app.url);
    await editor.login('eddie');
    await viewer.login('vera');
    const up = await editor.upload(['dazhu-2016-plan.txt', 'heilongjiang-2013-plan.txt', 'dazhu-2016-report.txt', 'heilongjiang-2013-report.txt'].map(file), { query: '?review=false' });
    expect(up.status).toBe(200);
    expect(up.body.files.map((f: any) => [f.documentId, f.status])).toEqual([
      ['dazhu-2016-plan', 'ADDED'], ['heilongjiang-2013-plan', 'ADDED'], ['dazhu-2016-report', 'ADDED'], ['heilongjiang-2013-report', 'ADDED'],
    ]);
  }, 20 * 60_000);
  afterAll(async () => app?.close());

  it('a report of what was done is a PROGRESS document; its plan stays a PLAN', async () => {
    const r = await viewer.gql('{ documents { id kind } }');
    const kinds = Object.fromEntries(r.data.documents.map((d: any) => [d.id, d.kind]));
    expect(kinds).toMatchObject({ 'dazhu-2016-plan': 'PLAN', 'heilongjiang-2013-plan': 'PLAN', 'dazhu-2016-report': 'PROGRESS', 'heilongjiang-2013-report': 'PROGRESS' });
  });

  for (const [doc, expected, want] of [
    // 11 rows, all linked to the right task; states 8/11 (rows 5, 6, 9 read as IN_PROGRESS).
    ['dazhu-2016-report', DAZHU, { linked: 11, states: 8 }],
    // 12 rows: the 11 with a plan task linked right (row 11 below the threshold, offered), row 12 not applied; states 11/12 (row 4 none).
    ['heilongjiang-2013-report', HEILONGJIANG, { linked: 12, states: 11 }],
  ] as const) {
    it(`${doc}: rows link to the task they report on (≥ 90 %), states as read by hand, nothing applied below the threshold`, async () => {
      const links = await bestLinks(doc);
      const rows = Object.keys(expected).map(Number);
      let linked = 0;
      let states = 0;
      for (const n of rows) {
        const [title, state] = expected[n]!;
        const link = links.find((l) => l.row === n);
        const applied = link && !link.reason;
        // Right: the best link is the task it reports on, or, for a row with no task in the plan, nothing is applied.
        if (title ? link?.task.title === title : !applied) linked++;
        if (state && link?.state === state) states++;
      }
      expect({ linked, states }).toEqual(want);
      expect(linked / rows.length).toBeGreaterThanOrEqual(0.9);
      for (const l of links) {
        if (!l.reason) expect(l.confidence).toBeGreaterThanOrEqual(LINK_THRESHOLD);
        if (l.confidence < LINK_THRESHOLD) expect(l.reason).not.toBeNull();
      }
      // 0 links applied below the threshold: no record of any pending link.
      for (const l of links.filter((x) => x.reason)) {
        expect((await recordsOf(l.taskId)).filter((p) => p.document?.linkId === l.id)).toEqual([]);
      }
    });
  }

  it('an applied link is a record quoting the report: the row, the clause its state was read from, the evidence', async () => {
    const [link] = (await bestLinks('dazhu-2016-report')).filter((l) => l.row === 2);
    const records = await recordsOf(link.taskId);
    const rec = records.find((p) => p.document?.linkId === link.id);
    expect(rec).toMatchObject({ date: '2017-01-12', state: 'DONE', source: 'document', by: '', text: '2座人行天桥已于9月建成并投入使用。' });
    const text = raw('dazhu-2016-report.txt');
    expect(text.slice(rec.document.start, rec.document.end)).toContain('新建2座人行天桥');
    expect(rec.document.stateQuote.quote).toBe('2座人行天桥已于9月建成并投入使用');
    expect(text.slice(rec.document.stateQuote.start, rec.document.stateQuote.end)).toBe(rec.document.stateQuote.quote);
    expect(rec.document.confidence).toBeGreaterThanOrEqual(LINK_THRESHOLD);
    expect(rec.document.terms).toEqual(['新建2座人行天桥']);
    // The task's light follows: DONE after its date (9月投入使用).
    const l = await viewer.gql(`{ task(id: "${link.taskId}") { light(asOf: "2017-01-15") { light } } }`);
    expect(l.data.task.light.light).toBe('DONE');
  });

  it('suggestions are for editors only', async () => {
    expect((await viewer.gql(PENDING)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anyId = (await editor.gql(PENDING)).data.pendingProgressLinks[0].id;
    expect((await viewer.gql('mutation($id: ID!) { confirmProgressLink(id: $id) { id } }', { id: anyId })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await viewer.gql('mutation($id: ID!) { rejectProgressLink(id: $id) { id } }', { id: anyId })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('an editor confirms and rejects suggestions; confirmed ones become records, each decision audited', async () => {
    const pending = (await editor.gql(PENDING)).data.pendingProgressLinks as any[];
    const hl = pending.filter((p) => p.documentId === 'heilongjiang-2013-report');
    expect(hl.map((p) => [p.row, p.reason])).toEqual([[4, 'NO_STATE'], [11, 'LOW_CONFIDENCE'], [12, 'LOW_CONFIDENCE']]);
    const [noState, reworded, wrong] = hl;
    // Row 4 states no state: confirming it needs one.
    const bare = await editor.gql('mutation($id: ID!) { confirmProgressLink(id: $id) { id } }', { id: noState.id });
    expect(bare.errors?.[0]?.message).toMatch(/states no state/);
    const c4 = await editor.gql('mutation($id: ID!) { confirmProgressLink(id: $id, state: BEHIND) { decision decidedBy state reason } }', { id: noState.id });
    expect(c4.data.confirmProgressLink).toEqual({ decision: 'confirmed', decidedBy: 'eddie', state: 'BEHIND', reason: 'NO_STATE' });
    const c11 = await editor.gql('mutation($id: ID!) { confirmProgressLink(id: $id) { decision state } }', { id: reworded.id });
    expect(c11.data.confirmProgressLink).toEqual({ decision: 'confirmed', state: 'IN_PROGRESS' });
    const r12 = await editor.gql('mutation($id: ID!) { rejectProgressLink(id: $id) { decision } }', { id: wrong.id });
    expect(r12.data.rejectProgressLink).toEqual({ decision: 'rejected' });
    expect((await editor.gql(PENDING)).data.pendingProgressLinks.filter((p: any) => p.documentId === 'heilongjiang-2013-report')).toEqual([]);

    const rec4 = (await recordsOf(noState.taskId)).find((p) => p.document?.linkId === noState.id);
    expect(rec4).toMatchObject({ state: 'BEHIND', by: 'eddie', source: 'document', date: '2014-01-20', document: { stateQuote: null } });
    expect((await recordsOf(reworded.taskId)).find((p) => p.document?.linkId === reworded.id)).toMatchObject({ state: 'IN_PROGRESS', by: 'eddie' });
    expect((await recordsOf(wrong.taskId)).find((p) => p.document?.linkId === wrong.id)).toBeUndefined();
    const audit = readFileSync(join(dataDir, 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(audit.filter((e) => /progress-link/.test(e.action)).map((e) => [e.action, e.who, e.target, e.note])).toEqual([
      ['confirm-progress-link', 'eddie', noState.taskId, noState.id],
      ['confirm-progress-link', 'eddie', reworded.taskId, reworded.id],
      ['reject-progress-link', 'eddie', wrong.taskId, wrong.id],
    ]);
    // An applied link is no suggestion.
    const applied = (await bestLinks('dazhu-2016-report'))[0];
    expect((await editor.gql('mutation($id: ID!) { confirmProgressLink(id: $id) { id } }', { id: applied.id })).errors?.[0]?.message).toMatch(/applied already/);
  });

  it('replacing a report brings its new rows; deleting it takes its records away; editors\' records stay', async () => {
    const gdp = (await bestLinks('heilongjiang-2013-report')).find((l) => l.row === 1);
    const mine = await editor.gql('mutation($t: ID!) { addProgress(task: $t, date: "2014-02-01", state: IN_PROGRESS, text: "省发改委补报：一季度增速回升") { id } }', { t: gdp.taskId });
    expect(mine.errors).toBeUndefined();
    // A new version: row 1 now says the target was met; the other rows as before.
    const v2 = raw('heilongjiang-2013-report.txt').replace('增长8%,未完成年度预期目标', '增长11.2%,完成年度预期目标');
    const up = await editor.upload([{ name: 'heilongjiang-2013-report.txt', bytes: v2 }], { query: '?review=false&replace=true' });
    expect(up.body.files[0]).toMatchObject({ documentId: 'heilongjiang-2013-report', status: 'REPLACED' });
    const after = await recordsOf(gdp.taskId);
    expect(after.map((p) => [p.source, p.state, p.text])).toEqual([
      ['editor', 'IN_PROGRESS', '省发改委补报：一季度增速回升'],
      ['document', 'DONE', '全省实现地区生产总值14382.9亿元,增长11.2%,完成年度预期目标。'],
    ]);
    // Unchanged rows keep the editors' decisions (row 4's state, row 11's confirmation).
    const pending = (await editor.gql(PENDING)).data.pendingProgressLinks.filter((p: any) => p.documentId === 'heilongjiang-2013-report');
    expect(pending).toEqual([]);

    const del = await editor.gql('mutation { deleteDocument(id: "heilongjiang-2013-report") { id } }');
    expect(del.errors).toBeUndefined();
    expect((await recordsOf(gdp.taskId)).map((p) => p.source)).toEqual(['editor']);
    const all = (await viewer.gql('{ progressRecords(limit: 1000) { source document { documentId } } }')).data.progressRecords as any[];
    expect(all.filter((p) => p.document?.documentId === 'heilongjiang-2013-report')).toEqual([]);
    expect(all.filter((p) => p.document?.documentId === 'dazhu-2016-report').length).toBeGreaterThan(0);
  });
});

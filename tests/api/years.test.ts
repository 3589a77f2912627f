/**
 * Plans across years (issue 22 item 5) on both stores: plan years, series, the year filter of the
 * views' questions, and two versions of one plan compared.
 *
 * Fixtures (tests/fixtures/series/): gangcheng-2021.txt is the corpus's e09_gangcheng (济南市钢城区's
 * 深化“放管服”改革优化营商环境2021年重点任务分工方案, unchanged); gangcheng-2022.txt is its 2022 version,
 * written for this test from it. Read by hand, 2021 → 2022:
 *   2021 1 (承接下放的行政权力事项)   → 2022 1, reworded (评估 → 承接效果评估, 放得下、接得住、管得好)
 *   2021 2 (行政许可设定审查, 案卷评查) → 2022 2, reworded, and the lead moved: 区政府办公室、区司法局、
 *                                       区行政审批服务局 led it; 区司法局 alone leads it, the other two are responsible
 *   2021 3 (行政备案事项清单)          → dropped (2022 4 shares 编制并公布区级 with it, but is about 告知承诺制)
 *   2021 4 (论证区级行政权力事项)      → 2022 3, a clause shortened
 *   2022 4 (证明事项告知承诺制), 2022 5 (“双随机、一公开”, 区市场监管局) → new
 * Both are read as of 济南市 (370100: the extractor takes the city from 济政办发; both alike).
 * Units (strongest role per task): 区司法局 2021: leads 2 and 4, responsible for 3; 2022: leads 2, 3, 4.
 * 区政府有关部门 2021: on 1, 2, 4; 2022: on 1, 3, 4, 5 (not on 2 any more).
 * The seeds' years (by hand): 000 邵阳 (2020—2025年) 2020–2025, title; 001 萍乡 〔2019〕 2019, number;
 * 002 湖南 〔2016〕 2016, number; 003 湘潭 2024, its date (2024年6月11日); 004 the report: none.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncPlanYears } from '../../server/graph/plan-years';
import { gql, INGEST_TOKEN, startTestApp } from './helpers';
import { stores } from '../support/stores';

const FIXTURES = join(import.meta.dirname, '../fixtures/series');
const J = '370100';
const SIFA = `${J}:区司法局`;
const BAN = `${J}:区政府办公室`;
const BUMEN = `${J}:区政府有关部门`;
const SHICHANG = `${J}:区市场监督管理局`;
const refs = (tasks: Array<{ ref: string }>) => tasks.map((t) => t.ref);

describe.each(stores())('plans across years ($name)', (store) => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const q = async (query: string, variables: Record<string, unknown> = {}) => {
    const r = await gql(app.url, query, variables);
    expect(r.errors).toBeUndefined();
    return r.data;
  };
  beforeAll(async () => {
    // Two uploads on a machine shared with other runs: more than the default 10 s each may be needed.
    app = await startTestApp({ store, env: { QUERY_TIMEOUT_MS: '60000' } });
    for (const f of ['gangcheng-2021.txt', 'gangcheng-2022.txt']) {
      const r = await gql(app.url, 'mutation($f: String!, $t: String!) { ingestDocument(filename: $f, text: $t) { status } }',
        { f, t: readFileSync(join(FIXTURES, f), 'utf8') }, { authorization: `Bearer ${INGEST_TOKEN}` });
      expect(r.errors).toBeUndefined();
    }
  }, 120_000);
  afterAll(async () => app?.close());

  it('gives every document its plan year, where it was read, and its series', async () => {
    const d = await q('{ documents { id year yearFrom yearTo yearSource series { id } previousInSeries { id } nextInSeries { id } } }');
    const by = Object.fromEntries(d.documents.map((x: any) => [x.id, x]));
    expect(['000_ac09c941922af47f', '001_5bed96e789233213', '002_a5635675dfd59e72', '003_62dda1c1c8aa5205', '004_ae2296e2f3e0d6ac', 'gangcheng-2021', 'gangcheng-2022']
      .map((id) => [id, by[id].year, by[id].yearFrom, by[id].yearTo, by[id].yearSource])).toEqual([
      ['000_ac09c941922af47f', 2020, 2020, 2025, 'TITLE'], ['001_5bed96e789233213', 2019, 2019, 2019, 'NUMBER'],
      ['002_a5635675dfd59e72', 2016, 2016, 2016, 'NUMBER'], ['003_62dda1c1c8aa5205', 2024, 2024, 2024, 'DATE'],
      ['004_ae2296e2f3e0d6ac', null, null, null, null], ['gangcheng-2021', 2021, 2021, 2021, 'TITLE'], ['gangcheng-2022', 2022, 2022, 2022, 'TITLE'],
    ]);
    expect(by['gangcheng-2021'].series.map((x: any) => x.id)).toEqual(['gangcheng-2021', 'gangcheng-2022']);
    expect(by['gangcheng-2021'].nextInSeries).toEqual({ id: 'gangcheng-2022' });
    expect(by['gangcheng-2022'].previousInSeries).toEqual({ id: 'gangcheng-2021' });
    expect(by['000_ac09c941922af47f'].series.map((x: any) => x.id)).toEqual(['000_ac09c941922af47f']);
    expect(by['000_ac09c941922af47f'].previousInSeries).toBeNull();
    // A range counts in each of its years: 2020–2025 from 000, 2021 and 2022 from the fixtures.
    const years = (await q('{ planYears { year documents } }')).planYears;
    expect(years).toEqual([
      { year: 2025, documents: 1 }, { year: 2024, documents: 2 }, { year: 2023, documents: 1 }, { year: 2022, documents: 2 },
      { year: 2021, documents: 2 }, { year: 2020, documents: 1 }, { year: 2019, documents: 1 }, { year: 2016, documents: 1 },
    ]);
  });

  it('compares the two versions: continued, new and dropped tasks, and each unit\'s gains and losses', async () => {
    const c = (await q(`{ compareDocuments(from: "gangcheng-2021", to: "gangcheng-2022") {
      sameSeries from { id } to { id }
      continued { from { ref } to { ref } terms leadChanged reworded }
      added { ref } dropped { ref }
      units { unit { id } gained { id } lost { id } kept years { year lead responsible participant total } } } }`)).compareDocuments;
    expect(c.sameSeries).toBe(true);
    expect(c.continued.map((x: any) => [x.from.ref, x.to.ref, x.leadChanged, x.reworded])).toEqual([
      ['一.(一).1', '一.(一).1', false, true], ['一.(一).2', '一.(一).2', true, true], ['一.(一).4', '一.(一).3', false, true],
    ]);
    expect(c.continued[1].terms).toEqual(expect.arrayContaining(['严格落实行政许可设定审查制度', '行政许可案卷评查']));
    expect(refs(c.added)).toEqual(['一.(一).4', '一.(一).5']);
    expect(refs(c.dropped)).toEqual(['一.(一).3']);
    const unit = (id: string) => c.units.find((u: any) => u.unit.id === id);
    expect(unit(BUMEN)).toMatchObject({ gained: [{ id: 'gangcheng-2022:一.(一).4' }, { id: 'gangcheng-2022:一.(一).5' }], lost: [{ id: 'gangcheng-2021:一.(一).2' }], kept: 2 });
    expect(unit(SIFA)).toMatchObject({ gained: [{ id: 'gangcheng-2022:一.(一).4' }], lost: [{ id: 'gangcheng-2021:一.(一).3' }], kept: 2 });
    expect(unit(SHICHANG)).toMatchObject({ gained: [{ id: 'gangcheng-2022:一.(一).5' }], lost: [], kept: 0 });
    // 区政府办公室 still takes part in 2 (as responsible): the lead moving is the task's leadChanged, not a loss.
    expect(unit(BAN)).toMatchObject({ gained: [], lost: [{ id: 'gangcheng-2021:一.(一).3' }], kept: 2 });
    expect(unit(SIFA).years).toEqual([
      { year: 2021, lead: 2, responsible: 1, participant: 0, total: 3 }, { year: 2022, lead: 3, responsible: 0, participant: 0, total: 3 },
    ]);
    const bad = await gql(app.url, '{ compareDocuments(from: "gangcheng-2021", to: "nope") { sameSeries } }');
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.message).toMatch(/no document "nope" for to/);
  });

  it('filters the load, the network, the ledger, the timeline and search by year', async () => {
    const load = async (year: number | null) => Object.fromEntries((await q('query($y: Int) { overloadedUnits(jurisdiction: "370100", by: TOTAL, top: 50, year: $y) { unit { id } lead responsible total } }', { y: year }))
      .overloadedUnits.map((l: any) => [l.unit.id, [l.lead, l.responsible, l.total]]));
    expect((await load(2021))[SIFA]).toEqual([2, 1, 3]);
    expect((await load(2022))[SIFA]).toEqual([3, 0, 3]);
    expect((await load(null))[SIFA]).toEqual([5, 1, 6]);
    expect((await load(2022))[SHICHANG]).toEqual([1, 0, 1]);
    expect((await load(2021))[SHICHANG]).toBeUndefined();
    expect((await q('query($u: ID!) { unit(id: $u) { load(year: 2021) { lead total } all: load { lead total } tasks(year: 2022) { task { id } } } }', { u: SIFA })).unit)
      .toEqual({ load: { lead: 2, total: 3 }, all: { lead: 5, total: 6 }, tasks: [{ task: { id: 'gangcheng-2022:一.(一).2' } }, { task: { id: 'gangcheng-2022:一.(一).3' } }, { task: { id: 'gangcheng-2022:一.(一).4' } }] });

    // 区司法局 and 区政府办公室 share 2021's 2 and 3, and 2022's 2 only.
    const shared = async (year: number) => (await q('query($y: Int) { jurisdictionGraph(jurisdiction: "370100", year: $y) { shared { a b tasks } } }', { y: year }))
      .jurisdictionGraph.shared.find((s: any) => [s.a, s.b].sort().join() === [BAN, SIFA].sort().join())?.tasks;
    expect([await shared(2021), await shared(2022)]).toEqual([2, 1]);
    const units = async (year: number) => (await q('query($y: Int) { units(filter: { jurisdiction: "370100", year: $y }) { id } }', { y: year })).units.map((u: any) => u.id);
    expect(await units(2022)).toContain(SHICHANG);
    expect(await units(2021)).not.toContain(SHICHANG);

    // The ledger: 2022's rows only (1: 3 units, 2: 3, 3: 2, 4: 2, 5: 2).
    const ledger = (await q('{ ledger(filter: { jurisdiction: "370100", year: 2022 }) { documentId } }')).ledger;
    expect(ledger.length).toBe(12);
    expect(new Set(ledger.map((r: any) => r.documentId))).toEqual(new Set(['gangcheng-2022']));
    const cov = async (year: number) => (await q('query($y: Int) { timelineCoverage(jurisdiction: "370100", from: "2000-01-01", to: "2030-12-31", year: $y) { tasks undated } }', { y: year })).timelineCoverage;
    expect([await cov(2021), await cov(2022)]).toEqual([{ tasks: 4, undated: 4 }, { tasks: 5, undated: 5 }]);

    const found = async (year: number | null) => (await q('query($y: Int) { search(text: "行政许可", year: $y) { tasks { id } total { tasks } } }', { y: year })).search;
    expect((await found(null)).total.tasks).toBe(2);
    expect((await found(2022)).tasks).toEqual([{ id: 'gangcheng-2022:一.(一).2' }]);
  });

  it('filters cooperation and the region network by year, with the evidence of that year only', async () => {
    // 粤港澳大湾区's partners are the issuers whose plans address it: 湖南 (002, of 2016), 萍乡 (001, 2019),
    // 邵阳 (000, 2020–2025) and 湘潭 (003, 2024). In 2022 only 邵阳's plan is in force; in 2024 湘潭's too.
    const partners = async (year: number | null) => (await q('query($y: Int) { cooperationLinks(region: "area:粤港澳大湾区", year: $y) { to { id } count tasks(limit: 200) { document { id } } } }', { y: year }))
      .cooperationLinks.map((l: any) => [l.to.id, l.count, [...new Set(l.tasks.map((t: any) => t.document.id))], l.tasks.length]);
    const all = await partners(null);
    expect(all.map((l: any) => l[0]).sort()).toEqual(['360300', '430000', '430300', '430500']);
    const of = (...ids: string[]) => all.filter((l: any) => ids.includes(l[0]));
    expect(await partners(2019)).toEqual(of('360300'));
    expect(await partners(2016)).toEqual(of('430000'));
    // 邵阳's 25 tasks with the bloc: its plan's and 3 of its CPPCC report (004), which has no year and so is of none.
    const shaoyang = all.find((l: any) => l[0] === '430500');
    expect(shaoyang.slice(1, 3)).toEqual([25, ['000_ac09c941922af47f', '004_ae2296e2f3e0d6ac']]);
    const [y2022] = await partners(2022);
    expect(y2022).toEqual(['430500', 22, ['000_ac09c941922af47f'], 22]);
    expect((await partners(2024)).map((l: any) => l[0])).toEqual(['430500', '430300']);
    expect(await partners(2030)).toEqual([]);
    const net = async (year: number) => (await q('query($y: Int) { regionNetwork(year: $y, top: 20) { links { from { id } to { id } count tasks(limit: 20) { document { id } } } } }', { y: year })).regionNetwork.links;
    for (const l of await net(2019)) expect(new Set(l.tasks.map((t: any) => t.document.id))).toEqual(new Set(['001_5bed96e789233213']));
    expect((await net(2019)).length).toBeGreaterThan(0);
  });

  it('keeps 督办 to the year: what each unit owes and its 督办单', async () => {
    // No task of either version states a date and none has progress: every task is open (grey).
    // By hand (header): 区政府有关部门 is on 1, 2, 4 in 2021 and on 1, 3, 4, 5 in 2022; 区司法局 on 2, 3, 4 in each.
    const owed = async (year: number | null) => Object.fromEntries((await q('query($y: Int) { owedUnits(jurisdiction: "370100", year: $y) { unit { id } open noDeadline pdfUrl } }', { y: year }))
      .owedUnits.map((o: any) => [o.unit.id, o]));
    const [y2021, y2022, all] = [await owed(2021), await owed(2022), await owed(null)];
    expect([y2021[BUMEN].open, y2022[BUMEN].open, all[BUMEN].open]).toEqual([3, 4, 7]);
    expect([y2021[SIFA].open, y2022[SIFA].open, all[SIFA].open]).toEqual([3, 3, 6]);
    expect(y2021[BUMEN].noDeadline).toBe(3);
    expect(y2021[SHICHANG]).toBeUndefined();
    expect(y2022[SHICHANG].open).toBe(1);
    // The sheet linked from the list is of the same year; a jurisdiction's sheet takes the year too.
    expect(y2021[BUMEN].pdfUrl).toBe(`/export/duban.pdf?unit=${encodeURIComponent(BUMEN)}&year=2021`);
    expect(all[BUMEN].pdfUrl).toBe(`/export/duban.pdf?unit=${encodeURIComponent(BUMEN)}`);
    const sheet = await fetch(`${app.url}/export/duban.docx?jurisdiction=370100&year=2021`);
    expect(sheet.status).toBe(200);
    const none = await fetch(`${app.url}/export/duban.docx?jurisdiction=370100&year=2030`);
    const message = async (r: Response) => ((await r.json()) as { errors: Array<{ message: string }> }).errors[0]!.message;
    expect([none.status, await message(none)]).toEqual([404, 'no unit of 370100 has an open task in plans of 2030']);
    const bad = await fetch(`${app.url}/export/duban.pdf?jurisdiction=370100&year=next`);
    expect(bad.status).toBe(400);
    expect(await message(bad)).toMatch(/year must be a plan year such as 2024, got "next"/);
  });

  it('refuses a year that is no plan year', async () => {
    const r = await gql(app.url, '{ overloadedUnits(jurisdiction: "370100", year: 20222) { lead } }');
    expect(r.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(r.errors![0]!.message).toMatch(/year must be a plan year such as 2024/);
  });

  it('gives documents loaded before plan years existed their years when the store is opened', async () => {
    // As an earlier version left them: no year, no series (Neo4j: absent; the embedded store: its defaults).
    await app.graph.write((tx) => tx.run("MATCH (d:Document) SET d.year = -1, d.yearFrom = -1, d.yearTo = -1, d.yearSource = '', d.series = ''"));
    expect(await syncPlanYears(app.graph)).toBe(7);
    expect(await syncPlanYears(app.graph)).toBe(0);
    const rows = await app.graph.run("MATCH (d:Document {id: 'gangcheng-2022'}) RETURN d.year AS year, d.series AS series");
    expect(rows).toEqual([{ year: 2022, series: '370100|深化放管服改革优化营商环境重点任务分工方案' }]);
  });
});

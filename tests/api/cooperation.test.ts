/**
 * Cooperation that is cooperation (issue 21, item 7), answers that say why they are empty
 * (item 12) and a search that ranks and pages (item 6), over real HTTP on each store with the
 * seeds. Expected values read off the documents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApp } from './helpers';
import { stores } from '../support/stores';

const pair = (l: any) => [l.from.name, l.to.name].sort().join('–');

describe.each(stores())('API: cooperation links are ties between parties ($name)', (store) => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    app = await startTestApp({ store });
  });
  afterAll(async () => app?.close());

  it('香港–澳门 (named together in 邵阳’s plan) is no link; 邵阳–粤港澳大湾区 keeps its 25 tasks', async () => {
    const r = await gql(app.url, `{ all: cooperationLinks(limit: 1000) { from { name } to { name } kinds count }
      shaoyang: cooperationLinks(region: "430500") { from { name } to { name } count tasks(limit: 100) { id } } }`);
    expect(r.errors).toBeUndefined();
    const names = r.data.all.map(pair);
    expect(names).not.toContain(['澳门特别行政区', '香港特别行政区'].sort().join('–'));
    // Every link is a tie between parties (issuer and addressee, or carriers), never a co-mention.
    for (const l of r.data.all) expect(l.kinds.every((k: string) => k === 'ISSUER' || k === 'CARRIER')).toBe(true);
    const gba = r.data.shaoyang.find((l: any) => l.to.name === '粤港澳大湾区');
    expect(gba.from.name).toBe('邵阳市');
    expect(gba.count).toBe(25); // every task of 000 but 三(三), and 004's recommendations 1, 3, 5
    expect(gba.tasks).toHaveLength(25);
    // 邵阳 still cooperates with 香港 (its plan addresses it): that tie is the issuer's.
    expect(r.data.shaoyang.map((l: any) => l.to.name)).toContain('香港特别行政区');
  });

  it('two regions whose governments carry one task cooperate (CARRIER): the counties 湘潭’s plan assigns together', async () => {
    const r = await gql(app.url, `{ cooperationLinks(limit: 1000) { from { name } to { name } kinds count tasks(limit: 100) { ref document { id } } } }`);
    expect(r.errors).toBeUndefined();
    const carrier = new Map<string, { count: number; refs: string[] }>(r.data.cooperationLinks.filter((l: any) => l.kinds.includes('CARRIER'))
      .map((l: any) => [pair(l), { count: l.count, refs: l.tasks.map((t: any) => `${t.document.id.slice(0, 3)} ${t.ref}`).sort() }]));
    // Read off 003 (湘潭市区域共进行动工作方案), the county governments after each 責任單位 note (各縣市區 is a
    // collective, named by no county, and ties none):
    //   二.(一).1 湘鄉市、韶山市、雨湖區 · 二.(一).2 湘潭縣、湘鄉市、韶山市、岳塘區、雨湖區 · 二.(一).4 湘潭縣、湘鄉市、岳塘區
    //   二.(二).1 湘潭縣、湘鄉市、韶山市等 · 二.(二).2 湘潭縣、湘鄉市、韶山市 · 二.(二).3 湘潭縣、湘鄉市、韶山市、雨湖區
    //   二.(四).4 湘潭縣、湘鄉市、韶山市 · 二.(四).5 湘潭縣、雨湖區湘潭經開區 (雨湖区 and 湘潭经开区 run together).
    // No other seed assigns two regions' governments to one task (邵阳's counties stand in 各县市区; 萍乡's in 有关县区人民政府).
    const refs = (...r: string[]) => r.map((x) => `003 二.${x}`).sort();
    const name = (a: string, b: string) => [a, b].sort().join('–');
    expect(carrier).toEqual(new Map([
      [name('湘乡市', '韶山市'), { count: 6, refs: refs('(一).1', '(一).2', '(二).1', '(二).2', '(二).3', '(四).4') }],
      [name('湘潭县', '湘乡市'), { count: 6, refs: refs('(一).2', '(一).4', '(二).1', '(二).2', '(二).3', '(四).4') }],
      [name('湘潭县', '韶山市'), { count: 5, refs: refs('(一).2', '(二).1', '(二).2', '(二).3', '(四).4') }],
      [name('湘乡市', '雨湖区'), { count: 3, refs: refs('(一).1', '(一).2', '(二).3') }],
      [name('韶山市', '雨湖区'), { count: 3, refs: refs('(一).1', '(一).2', '(二).3') }],
      [name('湘潭县', '雨湖区'), { count: 3, refs: refs('(一).2', '(二).3', '(四).5') }],
      [name('湘潭县', '岳塘区'), { count: 2, refs: refs('(一).2', '(一).4') }],
      [name('湘乡市', '岳塘区'), { count: 2, refs: refs('(一).2', '(一).4') }],
      [name('岳塘区', '韶山市'), { count: 1, refs: refs('(一).2') }],
      [name('岳塘区', '雨湖区'), { count: 1, refs: refs('(一).2') }],
    ]));
    // Carrying a task with one's own city is hierarchy still: no 湘潭市–湘乡市 link.
    expect([...r.data.cooperationLinks.map(pair)]).not.toContain(name('湘潭市', '湘乡市'));
  });

  it('邵阳市–新宁县 (its own county) and 邵阳市–湖南省 are hierarchy, not cooperation; the network draws 新宁县 inside 邵阳市', async () => {
    const r = await gql(app.url, `{ cooperationLinks(region: "430500", limit: 1000) { from { name } to { name } }
      regionNetwork { nodes { region { name } links parent { name } } links { from { name } to { name } } } }`);
    expect(r.errors).toBeUndefined();
    const partners = r.data.cooperationLinks.map((l: any) => l.to.name);
    expect(partners).not.toContain('新宁县');
    expect(partners).not.toContain('湖南省');
    expect(r.data.regionNetwork.links.map(pair)).not.toContain(['新宁县', '邵阳市'].sort().join('–'));
    const xinning = r.data.regionNetwork.nodes.find((n: any) => n.region.name === '新宁县');
    expect(xinning).toMatchObject({ links: 0, parent: { name: '邵阳市' } });
  });

  it('unit(id:"市商务局") says what an id is and which units fit, instead of null', async () => {
    const r = await gql(app.url, '{ unit(id: "市商务局") { id } }');
    expect(r.data.unit).toBeNull();
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((r.errors?.[0]?.extensions as any)?.notFound).toBe(true);
    expect(r.errors?.[0]?.message).toMatch(/division code and its name, such as 430500:市商务局/);
    // 邵阳 (000) and 萍乡 (001) both have a 市商务局.
    expect((r.errors?.[0]?.extensions as any)?.suggestions).toEqual(expect.arrayContaining(['430500:市商务局', '360300:市商务局']));
  });

  it('cooperationLinks(region:"邵阳") says to pass a division code, and which regions fit, instead of []', async () => {
    const r = await gql(app.url, '{ cooperationLinks(region: "邵阳") { count } }');
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((r.errors?.[0]?.extensions as any)?.notFound).toBe(true);
    expect(r.errors?.[0]?.message).toMatch(/division code such as 430500/);
    expect(r.errors?.[0]?.message).toMatch(/430500 \(邵阳市\)/);
    const ok = await gql(app.url, '{ cooperationLinks(region: "430500") { count } }');
    expect(ok.errors).toBeUndefined();
    expect(ok.data.cooperationLinks.length).toBeGreaterThan(3);
  });

  it('search 大湾区: the region first, tasks from both plans about it on the first page, and the rest a page away', async () => {
    const q = 'query($offset: Int) { search(text: "大湾区", limit: 12, offset: $offset) { regions { name } tasks { id document { id } } total { tasks regions } } }';
    const first = await gql(app.url, q, { offset: 0 });
    expect(first.errors).toBeUndefined();
    const s = first.data.search;
    expect(s.regions[0].name).toBe('粤港澳大湾区');
    // 000 (邵阳) and 001 (萍乡对接粤港澳大湾区) are both about it: the page alternates between them.
    const docs = s.tasks.map((t: any) => t.document.id.slice(0, 3));
    expect(docs.slice(0, 2).sort()).toEqual(['000', '001']);
    expect(s.tasks).toHaveLength(12);
    expect(s.total.tasks).toBeGreaterThan(12);
    const next = await gql(app.url, q, { offset: 12 });
    const ids = new Set(s.tasks.map((t: any) => t.id));
    expect(next.data.search.tasks.length).toBe(Math.min(12, s.total.tasks - 12));
    expect(next.data.search.tasks.some((t: any) => ids.has(t.id))).toBe(false);
  });
});

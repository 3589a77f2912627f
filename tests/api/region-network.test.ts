/**
 * The region network over real HTTP on the embedded store with the seeds. Expected values are
 * read off the documents and the division tree by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApp } from './helpers';
import { stores } from '../support/stores';

const D002 = '002_a5635675dfd59e72';
const D003 = '003_62dda1c1c8aa5205';

describe.each(stores())('API: region network ($name)', (store) => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    app = await startTestApp({ store });
  });
  afterAll(async () => app?.close());

  const NETWORK = `query($min: Int) { regionNetwork(minTasks: $min) {
    nodes { region { id name level } tasks links parent { name } }
    links { from { id name } to { id name } count kinds tasks(limit: 50) { id } } } }`;

  it('ties 邵阳市 to 粤港澳大湾区 by the 25 tasks the cooperation links name', async () => {
    const r = await gql(app.url, NETWORK, { min: 2 });
    expect(r.errors).toBeUndefined();
    const { nodes, links } = r.data.regionNetwork;
    const gba = links.find((l: any) => [l.from.name, l.to.name].sort().join('–') === '粤港澳大湾区–邵阳市');
    expect(gba.count).toBe(25); // every task of 000 but 三(三), and 004's recommendations 1, 3, 5
    expect(nodes.length).toBeGreaterThanOrEqual(10);
    // Every link has at least minTasks tasks and ties two regions that are nodes.
    const ids = new Set(nodes.map((n: any) => n.region.id));
    for (const l of links) {
      expect(l.count).toBeGreaterThanOrEqual(2);
      expect(l.tasks).toHaveLength(l.count);
      expect(ids.has(l.from.id) && ids.has(l.to.id)).toBe(true);
    }
    // Each node has as many links as the list shows.
    for (const n of nodes) expect(n.links).toBe(links.filter((l: any) => l.from.id === n.region.id || l.to.id === n.region.id).length);
  });

  it('nests a county in its city and a city in its province; named areas stand alone', async () => {
    const r = await gql(app.url, NETWORK, { min: 1 });
    const byName = new Map<string, any>(r.data.regionNetwork.nodes.map((n: any) => [n.region.name, n]));
    expect(byName.get('新宁县').parent.name).toBe('邵阳市');
    expect(byName.get('韶山市').parent.name).toBe('湘潭市');
    expect(byName.get('邵阳市').parent.name).toBe('湖南省');
    expect(byName.get('萍乡市').parent.name).toBe('江西省');
    expect(byName.get('湖南省').parent).toBeNull(); // within 泛珠三角区域, but an area is never a box
    expect(byName.get('粤港澳大湾区').parent).toBeNull();
    // 长株潭 is named in 湘潭's tasks 二.(一).1–4 and 二.(三).3 and 湖南's 二.(四).4 and 二.(八).2.
    expect(byName.get('长株潭').tasks).toBe(7);
  });

  it('with minTasks 1, its links are exactly the cooperation links', async () => {
    const r = await gql(app.url, `{ regionNetwork { links { from { id } to { id } count } } cooperationLinks(limit: 1000) { from { id } to { id } count } }`);
    const key = (l: any) => `${[l.from.id, l.to.id].sort().join('|')}:${l.count}`;
    expect(r.data.regionNetwork.links.map(key).sort()).toEqual(r.data.cooperationLinks.map(key).sort());
    expect(r.data.regionNetwork.links.map(key)).toContain(`${['430500', 'area:粤港澳大湾区'].sort().join('|')}:25`);
  });

  it('evidence of a link in the network: the tasks of 湖南省–长株潭 include 湖南’s own', async () => {
    const r = await gql(app.url, NETWORK, { min: 1 });
    const link = r.data.regionNetwork.links.find((l: any) => [l.from.name, l.to.name].sort().join('–') === ['湖南省', '长株潭'].sort().join('–'));
    const ids = link.tasks.map((t: any) => t.id);
    expect(ids).toEqual(expect.arrayContaining([`${D002}:二.(四).4`, `${D002}:二.(八).2`]));
    expect(ids.every((id: string) => id.startsWith(D002) || id.startsWith(D003))).toBe(true);
  });

  it('says what is wrong with a bad minTasks', async () => {
    const r = await gql(app.url, '{ regionNetwork(minTasks: 0) { links { count } } }');
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toMatch(/minTasks must be a whole number from 1 to 1000, got 0/);
  });

  describe('at a province’s scale: counties folded into their cities', () => {
    const FOLDED = `query($min: Int, $open: [ID!], $top: Int) { regionNetwork(minTasks: $min, fold: true, open: $open, top: $top) {
      nodes { region { id name level } tasks folded parent { name } } links { from { id } to { id } count tasks(limit: 50) { id } } moreLinks } }`;
    const pair = (l: any) => [l.from.id, l.to.id].sort().join('|');

    it('draws each county as its city, a task counted once, and says how many counties a city stands for', async () => {
      const plain = (await gql(app.url, NETWORK, { min: 1 })).data.regionNetwork;
      const r = await gql(app.url, FOLDED, { min: 1 });
      expect(r.errors).toBeUndefined();
      const { nodes, links } = r.data.regionNetwork;
      const byName = new Map<string, any>(nodes.map((n: any) => [n.region.name, n]));
      // 新宁县 (named by 邵阳's plan) is drawn as 邵阳市, 韶山市 as 湘潭市.
      expect(byName.has('新宁县')).toBe(false);
      expect(byName.has('韶山市')).toBe(false);
      const cityOf = new Map<string, string>(plain.nodes.filter((n: any) => n.region.level === 'COUNTY').map((n: any) => [n.region.id, n.parent.name]));
      expect(cityOf.get(plain.nodes.find((n: any) => n.region.name === '新宁县').region.id)).toBe('邵阳市');
      const countiesOf = (city: string) => [...cityOf.values()].filter((c) => c === city).length;
      expect(byName.get('邵阳市').folded).toBe(countiesOf('邵阳市'));
      expect(byName.get('湘潭市').folded).toBe(countiesOf('湘潭市'));
      expect(byName.get('粤港澳大湾区').folded).toBe(0);
      expect(nodes.some((n: any) => n.region.level === 'COUNTY')).toBe(false);

      // 邵阳市–粤港澳大湾区 now holds the tasks of 邵阳市's and its counties' links to the area, each once.
      const shaoyang = new Set(['430500', ...[...cityOf].filter(([, c]) => c === '邵阳市').map(([id]) => id)]);
      const expected = new Set<string>(plain.links
        .filter((l: any) => (shaoyang.has(l.from.id) && l.to.id === 'area:粤港澳大湾区') || (shaoyang.has(l.to.id) && l.from.id === 'area:粤港澳大湾区'))
        .flatMap((l: any) => l.tasks.map((t: any) => t.id)));
      const gba = links.find((l: any) => pair(l) === ['430500', 'area:粤港澳大湾区'].sort().join('|'));
      expect(gba.count).toBe(expected.size);
      expect(new Set(gba.tasks.map((t: any) => t.id))).toEqual(expected);
      expect(gba.count).toBeGreaterThanOrEqual(25);
      // A link inside one drawn city is gone: 邵阳市–新宁县.
      expect(links.some((l: any) => l.from.id === l.to.id)).toBe(false);

      // Asked for by itself, the folded link has the same evidence.
      const c = await gql(app.url, '{ cooperationLinks(region: "430500", partner: "area:粤港澳大湾区", fold: true) { from { id } count tasks { id } } }');
      expect(c.data.cooperationLinks).toHaveLength(1);
      expect(c.data.cooperationLinks[0].from.id).toBe('430500');
      expect(c.data.cooperationLinks[0].tasks.map((t: any) => t.id)).toEqual(gba.tasks.map((t: any) => t.id));
    });

    it('an opened city shows its counties inside it, and their links stay whatever top says', async () => {
      const r = await gql(app.url, FOLDED, { min: 1, open: ['430500'], top: 1 });
      expect(r.errors).toBeUndefined();
      const { nodes, links, moreLinks } = r.data.regionNetwork;
      const byName = new Map<string, any>(nodes.map((n: any) => [n.region.name, n]));
      expect(byName.get('新宁县').parent.name).toBe('邵阳市');
      const counties = new Set(nodes.filter((n: any) => n.region.level === 'COUNTY').map((n: any) => n.region.id));
      expect(counties.size).toBeGreaterThan(0);
      // One link by top, plus every link of 邵阳's counties.
      const others = links.filter((l: any) => !counties.has(l.from.id) && !counties.has(l.to.id));
      expect(others).toHaveLength(1);
      const all = (await gql(app.url, FOLDED, { min: 1, open: ['430500'] })).data.regionNetwork;
      expect(all.moreLinks).toBe(0);
      expect(links.length + moreLinks).toBe(all.links.length);
      expect(links.filter((l: any) => counties.has(l.from.id) || counties.has(l.to.id)))
        .toHaveLength(all.links.filter((l: any) => counties.has(l.from.id) || counties.has(l.to.id)).length);
    });

    it('says what is wrong with a bad open', async () => {
      const r = await gql(app.url, '{ regionNetwork(fold: true, open: ["邵阳"]) { moreLinks } }');
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toMatch(/open takes division codes such as 430100/);
    });
  });
});

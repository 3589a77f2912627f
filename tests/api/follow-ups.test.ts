/**
 * Follow-ups from 邵阳's CPPCC report (seed 004) to 邵阳's plan (seed 000), over real HTTP on the
 * embedded store with the seeds. The pairs are read by hand from both documents: a report item
 * that plainly takes up a plan task, and the name they share.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residualAfter } from '../support/common-words';
import { gql, startTestApp } from './helpers';
import { stores } from '../support/stores';

const D000 = '000_ac09c941922af47f';
const D004 = '004_ae2296e2f3e0d6ac';

/** [report recommendation, its item, the plan task it takes up, the shared name] — by hand. */
const PAIRS: Array<[string, string, string, string]> = [
  // 二是 加快邵阳东货场建设 ↔ 1. 加快邵阳火车站综合枢纽和邵阳东货场建设
  ['二.4', '二是', '二.(一).1', '邵阳东货场'],
  // 二是 推进邵阳B型保税物流中心 ↔ 13. 申报建设邵阳保税物流中心
  ['二.4', '二是', '二.(四).13', '保税物流中心'],
  // 一是 在“135”工程升级版建设中… ↔ 5. 依托…“135”工程升级版
  ['二.4', '一是', '二.(二).5', '“135”工程升级版'],
  // 一是 落实好《宝庆人才行动计划》 ↔ 19. 贯彻落实《宝庆人才行动计划》
  ['二.5', '一是', '二.(五).19', '《宝庆人才行动计划》'],
  // 三是 发展“飞地经济” ↔ 9. 打造“飞地经济”示范区
  ['二.3', '三是', '二.(二).9', '飞地经济'],
  // 三是 坚定推进制造强市“一二三工程” ↔ 6. 推进制造强市“一二三工程”
  ['二.2', '三是', '二.(二).6', '一二三工程'],
  // 二是 推动“邵品出邵” ↔ 14. 推动“邵品出境”, 邵品进东盟
  ['二.2', '二是', '二.(四).14', '邵品'],
  // 二是 加强产学研合作,推动科技成果转化 ↔ 11. 产学研合作…成果转化
  ['二.5', '二是', '二.(三).11', '产学研合作'],
];

const FOLLOW_UPS = `query($id: ID!) { task(id: $id) { followUps(limit: 50) { task { id document { id jurisdiction { id } } } item { ordinal title } score terms } } }`;

describe.each(stores())('API: follow-ups between 邵阳’s report and its plan ($name)', (store) => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const followUps = new Map<string, any[]>();
  beforeAll(async () => {
    app = await startTestApp({ store });
    for (const ref of ['二.1', '二.2', '二.3', '二.4', '二.5']) {
      const r = await gql(app.url, FOLLOW_UPS, { id: `${D004}:${ref}` });
      expect(r.errors).toBeUndefined();
      followUps.set(ref, r.data.task.followUps);
    }
  });
  afterAll(async () => app?.close());

  it('at least 80 % of the hand-read pairs have the plan task in the item’s top 3, with the shared name as evidence', () => {
    const found = PAIRS.filter(([rec, item, planRef, name]) => {
      const top3 = followUps.get(rec)!.filter((f) => f.item?.ordinal === item).slice(0, 3);
      const hit = top3.find((f) => f.task.id === `${D000}:${planRef}`);
      return hit && hit.terms.some((t: string) => t.includes(name) || name.includes(t.replace(/[“”《》]/g, '')));
    });
    console.log(`follow-ups: ${found.length} of ${PAIRS.length} hand-read pairs in their item's top 3`);
    expect(found.length / PAIRS.length).toBeGreaterThanOrEqual(0.8);
  });

  it('ranks the pair that shares the rarest names first: 保税物流中心 before 邵阳东货场 for 二.4’s 二是', () => {
    const items = followUps.get('二.4')!.filter((f) => f.item?.ordinal === '二是');
    expect(items[0].task.id).toBe(`${D000}:二.(四).13`);
    expect(items[0].terms).toContain('保税物流中心');
    expect(items[0].score).toBeGreaterThan(items.find((f) => f.task.id === `${D000}:二.(一).1`)!.score);
    // Scores come best first.
    for (const list of followUps.values()) {
      const scores = list.map((f) => f.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });

  it('no follow-up rests only on common policy words', () => {
    const all = [...followUps.values()].flat();
    expect(all.length).toBeGreaterThan(0);
    for (const f of all) {
      // Some term says more than 发展/推进/建设/产业/合作/创新… and the places: by hand, in tests/support/common-words.ts.
      expect(f.terms.some((t: string) => residualAfter(t).length >= 2), JSON.stringify(f.terms)).toBe(true);
    }
  });

  it('only between documents of the same or a nesting jurisdiction (邵阳市, 湖南省), never 萍乡 or 湘潭', () => {
    const jurisdictions = new Set([...followUps.values()].flat().map((f) => f.task.document.jurisdiction.id));
    expect([...jurisdictions].every((j) => j === '430500' || j === '430000')).toBe(true);
    expect(jurisdictions.has('430500')).toBe(true);
  });

  it('a plan task shows the report items that took it up, and plans have no follow-ups of their own', async () => {
    const r = await gql(app.url, `{ task(id: "${D000}:二.(一).1") { followedUpBy { task { id ref } item { ordinal } terms score } followUps { score } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.task.followUps).toEqual([]);
    expect(r.data.task.followedUpBy).toContainEqual(expect.objectContaining({ task: { id: `${D004}:二.4`, ref: '二.4' }, item: { ordinal: '二是' }, terms: ['邵阳东货场'] }));
  });
});

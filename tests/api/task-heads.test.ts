/**
 * Lists answer their tasks from heads (api/task-head.ts: the edges carry their task's ref and title;
 * search and timeline read them with the ids): every field of such a task must be what the task
 * itself answers, and an edge written before edges carried heads must give the same answers
 * (the task read whole). Over real HTTP on each store with the seeds, nothing kept between questions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestApp } from './helpers';
import { stores } from '../support/stores';

const FIELDS = 'id ref title section part text start end deadline { text date kind } status(asOf: "2024-06-30") clauses { n text } document { id }';
const D001 = '001_5bed96e789233213';

describe.each(stores())('API: tasks handed on as heads answer as the tasks themselves ($name)', (store) => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    app = await startTestApp({ store, env: { KEEP_ANSWERS: 'false' } });
  });
  afterAll(async () => app?.close());

  const ask = async (query: string) => {
    const r = await gql(app.url, query);
    expect(r.errors).toBeUndefined();
    return r.data;
  };
  /** What each listed task answers, beside what the same task answers asked by its id. */
  const expectWhole = async (tasks: Array<{ id: string }>) => {
    expect(tasks.length).toBeGreaterThan(0);
    for (const t of tasks) expect(t).toEqual((await ask(`{ task(id: "${t.id}") { ${FIELDS} } }`)).task);
  };
  const lists = async () => {
    const unit = (await ask(`{ unit(id: "360300:市商务局") { leads { task { ${FIELDS} } } } }`)).unit;
    const links = (await ask(`{ cooperationLinks(region: "430500") { to { id } tasks(limit: 30) { ${FIELDS} } } }`)).cooperationLinks;
    const timeline = (await ask(`{ timeline(from: "2019-01-01", to: "2030-12-31", by: QUARTER, asOf: "2024-06-30") { entries { date status task { ${FIELDS} } } } }`)).timeline;
    const search = (await ask(`{ search(text: "大湾区", limit: 50) { tasks { ${FIELDS} } } }`)).search;
    return { unit, links, timeline, search };
  };

  it('a unit’s leads, a link’s evidence, the timeline and a search: each task as asked by its id', async () => {
    const { unit, links, timeline, search } = await lists();
    // Seed 001, line 21 "2.强化内陆港物流中心地位。…" under (一), line 24 "4.重点引进高端产业。…" under (二).
    expect(unit.leads.map((l: any) => [l.task.id, l.task.title])).toEqual([[`${D001}:二.(一).2`, '强化内陆港物流中心地位'], [`${D001}:二.(二).4`, '重点引进高端产业']]);
    await expectWhole(unit.leads.map((l: any) => l.task));
    const bay = links.find((l: any) => l.to.id === 'area:粤港澳大湾区');
    expect(bay.tasks).toHaveLength(25);
    await expectWhole(links.flatMap((l: any) => l.tasks));
    const entries = timeline.flatMap((p: any) => p.entries);
    for (const e of entries) {
      expect(e.task.deadline).toMatchObject({ kind: 'DATE', date: e.date });
      expect(e.status).toBe(e.task.status);
    }
    await expectWhole(entries.map((e: any) => e.task));
    await expectWhole(search.tasks);
  });

  it('edges written before they carried their task’s ref and title: the same answers, the task read whole', async () => {
    const before = await lists();
    await app.graph.write(async (tx) => {
      for (const type of ['LEADS', 'RESPONSIBLE_FOR', 'PARTICIPATES_IN']) await tx.run(`MATCH (:Unit)-[r:${type}]->(:Task) SET r.taskRef = NULL, r.taskTitle = NULL`);
      await tx.run('MATCH (:Task)-[e:TIES]->(:Region) SET e.taskRef = NULL, e.taskTitle = NULL');
    });
    expect(await lists()).toEqual(before);
  });
});

/**
 * Deleting a document on the real server and each store: its tasks and the units only it
 * named go, shared units keep their other tasks, and the kept analytics (load counts, cooperation
 * links, unit pairs) answer exactly as a fresh load of the other documents does (into the embedded
 * store, whichever store the delete ran on: both must answer alike).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { extract } from '../../server/extract/extract';
import { KuzuStore } from '../../server/graph/kuzu-store';
import { loadExtraction } from '../../server/graph/loader';
import { seedFilesIn } from '../../server/seeds';
import { startTestApp } from '../api/helpers';
import { Browser, dataDirWith } from '../support/session';
import { stores } from '../support/stores';

type App = Awaited<ReturnType<typeof startTestApp>>;
const SHAOYANG_PLAN = '000_ac09c941922af47f';
/** Loaded beside the seeds: it shares 市发展和改革委员会 and 市交通运输局 with the seed plan. */
const EXTRA = {
  name: 'shaoyang-logistics.txt',
  text: [
    '邵阳市物流降本增效工作方案',
    '一、重点任务',
    '1、完善物流通道。推进铁路专用线建设。(责任单位:市发展和改革委员会、市交通运输局,排第一的为牵头单位,下同)',
    '2、培育物流企业。支持企业做大做强。(责任单位:市交通运输局、市邮政管理局)',
  ].join('\n'),
};

/** The answers that must not tell a delete from a fresh load. */
const ANSWERS = `{
  stats { documents tasks units }
  shaoyang: overloadedUnits(jurisdiction: "430500", top: 50) { unit { id } lead responsible participant weighted peers peerMean }
  pingxiang: overloadedUnits(jurisdiction: "360300", top: 50) { unit { id } lead responsible participant weighted peers peerMean }
  hunan: overloadedUnits(jurisdiction: "430000", top: 50) { unit { id } lead responsible participant weighted peers peerMean }
  cooperationLinks { from { id } to { id } kinds count tasks { id } }
  shaoyangGraph: jurisdictionGraph(jurisdiction: "430500") { units { unit { id } lead responsible participant } shared { a b tasks } }
  jurisdictionNetwork { jurisdictions { region { id } units documents tasks } links { from { id } to { id } tasks } }
  regionNetwork(fold: true) { nodes { region { id } tasks links folded } links { from { id } to { id } kinds count } }
  openedNetwork: regionNetwork(fold: true, open: ["430500"]) { nodes { region { id } tasks links folded } links { from { id } to { id } kinds count } }
}`;

async function freshAppWithout(file: string) {
  const kuzu = new KuzuStore(join(mkdtempSync(join(tmpdir(), 'fresh-')), 'graph.kuzu'));
  await kuzu.ensureSchema();
  const inputs = seedFilesIn().filter((f) => !f.includes(file)).map((f) => ({ file: f, bytes: readFileSync(f) as Uint8Array }));
  inputs.push({ file: EXTRA.name, bytes: Buffer.from(EXTRA.text) });
  await loadExtraction(kuzu, extract(inputs));
  const app = await startApp(loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATA_DIR: mkdtempSync(join(tmpdir(), 'data-')) }), { store: kuzu, log: pino({ level: 'silent' }), webDir: join(tmpdir(), 'no-web') });
  return { app, close: async () => { await app.close(); await kuzu.close(); } };
}

const sortDeep = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(sortDeep).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, sortDeep(x)]));
  return v;
};

describe.each(stores())('deleting a document ($name)', (under) => {
  let app: App;
  let editor: Browser;

  beforeAll(async () => {
    app = await startTestApp({ store: under, env: { DATA_DIR: await dataDirWith([['eddie', 'editor'], ['vera', 'viewer']]) } });
    editor = new Browser(app.url);
    await editor.login('eddie');
    const up = await editor.upload([{ name: EXTRA.name, bytes: EXTRA.text }], { query: '?review=false' });
    expect(up.body.files[0]).toMatchObject({ ok: true, status: 'ADDED', tasks: 2 });
  });
  afterAll(async () => app?.close());

  it('a viewer cannot delete (403), and nothing changed', async () => {
    const viewer = new Browser(app.url);
    await viewer.login('vera');
    const before = await viewer.gql('{ stats { documents tasks units } }');
    const r = await viewer.gql(`mutation { deleteDocument(id: "${SHAOYANG_PLAN}") { id } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await viewer.gql('{ stats { documents tasks units } }')).data).toEqual(before.data);
  });

  it('removes its tasks and private units, keeps shared units with their other tasks, and answers as a fresh load without it', async () => {
    const doc = (await editor.gql(`{ document(id: "${SHAOYANG_PLAN}") { tasks { id assignments { unit { id } } } } }`)).data.document;
    const taskIds: string[] = doc.tasks.map((t: any) => t.id);
    const unitIds = [...new Set<string>(doc.tasks.flatMap((t: any) => t.assignments.map((a: any) => a.unit.id)))];
    // Which of its units other documents name too, and their tasks there.
    const elsewhere = new Map<string, string[]>();
    for (const id of unitIds) {
      const u = (await editor.gql('query($id: ID!) { unit(id: $id) { leads { task { id } } responsibleFor { task { id } } participatesIn { task { id } } } }', { id })).data.unit;
      const others = [...u.leads, ...u.responsibleFor, ...u.participatesIn].map((a: any) => a.task.id).filter((t: string) => !taskIds.includes(t));
      if (others.length > 0) elsewhere.set(id, others.sort());
    }
    expect(elsewhere.size).toBeGreaterThan(0); // the seed shares units with EXTRA
    expect(elsewhere.size).toBeLessThan(unitIds.length);

    const r = await editor.gql(`mutation { deleteDocument(id: "${SHAOYANG_PLAN}") { id tasks } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.deleteDocument).toEqual({ id: SHAOYANG_PLAN, tasks: taskIds.length });

    expect((await editor.gql(`{ document(id: "${SHAOYANG_PLAN}") { id } }`)).data.document).toBeNull();
    for (const id of taskIds.slice(0, 20)) expect((await editor.gql('query($id: ID!) { task(id: $id) { id } }', { id })).data.task).toBeNull();
    for (const id of unitIds) {
      const u = (await editor.gql('query($id: ID!) { unit(id: $id) { leads { task { id } } responsibleFor { task { id } } participatesIn { task { id } } } }', { id })).data.unit;
      if (!elsewhere.has(id)) expect(u, `${id} was named only by the deleted plan`).toBeNull();
      else expect([...u.leads, ...u.responsibleFor, ...u.participatesIn].map((a: any) => a.task.id).sort()).toEqual(elsewhere.get(id));
    }

    const after = await editor.gql(ANSWERS);
    expect(after.errors, JSON.stringify(after.errors)).toBeUndefined();
    const fresh = await freshAppWithout(SHAOYANG_PLAN);
    try {
      const expected = await new Browser(fresh.app.url).gql(ANSWERS);
      expect(sortDeep(after.data)).toEqual(sortDeep(expected.data));
    } finally {
      await fresh.close();
    }
    const log = await editor.gql('{ loadedDocuments { id } }');
    expect(log.data.loadedDocuments.map((d: any) => d.id)).not.toContain(SHAOYANG_PLAN);
  });

  it('an unknown id is refused with what to do', async () => {
    const r = await editor.gql('mutation { deleteDocument(id: "no-such-plan") { id } }');
    expect(r.errors?.[0]?.message).toBe('there is no document "no-such-plan": see loadedDocuments for the ids');
  });
});

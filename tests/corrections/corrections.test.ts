/**
 * Corrections on the real server and each store: made by editors with a version check, seen
 * in the graph and its counts at once, kept through reloading the same file and a restart, listed
 * as orphaned when their anchor is gone, and undone.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../server/app';
import { loadConfig } from '../../server/config';
import type { GraphStore } from '../../server/graph/store';
import { Browser, dataDirWith } from '../support/session';
import { stores } from '../support/stores';

/** Written for this test: 2 tasks; units 市政务服务中心 (lead), 市发改委, 市大数据局 (participants); 市税务局 (lead, inferred: a plain 负责 and no rule stated), 市财政局 (participant). */
const PLAN = [
  '常德市优化营商环境行动方案',
  '一、重点任务',
  '1、推进一网通办。全面推行“一件事一次办”。(市政务服务中心牵头,市发改委、市大数据局配合)',
  '2、优化纳税服务。压缩办税时间。(市税务局负责,市财政局协助)',
].join('\n');
const FILE = 'changde-business.txt';
const DOC = 'changde-business';

const TASK = `query($id: ID!) { task(id: $id) { id ref title version deadline { text date }
  corrections { field original value by }
  assignments { role inferred unit { id name } } } }`;

describe.each(stores())('corrections ($name)', (under) => {
  const graphDir = mkdtempSync(join(tmpdir(), 'corr-'));
  let dataDir: string;
  let graph: GraphStore;
  let app: App;
  let editor: Browser;
  let unhold: () => void;

  async function start(empty: boolean) {
    graph = await under.open({ empty, at: graphDir });
    app = await startApp(loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATA_DIR: dataDir }), { store: graph, log: pino({ level: 'silent' }), webDir: join(tmpdir(), 'no-web') });
    editor = new Browser(app.url);
    await editor.login('eddie');
  }
  async function stop() {
    await app?.close();
    await graph?.close();
  }
  const task = async (ref: string) => (await editor.gql(TASK, { id: `${DOC}:${ref}` })).data.task;
  const units = (t: any) => t.assignments.map((a: any) => [a.unit.name, a.role.toLowerCase()]).sort();

  beforeAll(async () => {
    dataDir = await dataDirWith([['eddie', 'editor'], ['erin', 'editor'], ['vera', 'viewer']]);
    // The graph stays this suite's through the restart below.
    unhold = await under.hold();
    await start(true);
    const up = await editor.upload([{ name: FILE, bytes: PLAN }], { query: '?review=false' });
    expect(up.body.files[0]).toMatchObject({ ok: true, documentId: DOC, tasks: 2 });
  });
  afterAll(async () => {
    await stop();
    unhold?.();
  });

  it('an editor corrects a title; the original is kept beside it; a viewer cannot', async () => {
    const t = await task('一.1');
    expect(t).toMatchObject({ title: '推进一网通办', version: 0, corrections: [] });
    const viewer = new Browser(app.url);
    await viewer.login('vera');
    expect((await viewer.gql('mutation { correctTaskTitle(task: "changde-business:一.1", title: "x", version: 0) { title } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const r = await editor.gql('mutation($t: ID!) { correctTaskTitle(task: $t, title: "推进政务服务一网通办", version: 0) { title version corrections { field original value by } } }', { t: t.id });
    expect(r.errors).toBeUndefined();
    expect(r.data.correctTaskTitle).toEqual({ title: '推进政务服务一网通办', version: 1, corrections: [{ field: 'title', original: '推进一网通办', value: '推进政务服务一网通办', by: 'eddie' }] });
  });

  it('a second editor working from the old version gets a conflict, and nothing is lost', async () => {
    const erin = new Browser(app.url);
    await erin.login('erin');
    const r = await erin.gql('mutation { correctTaskTitle(task: "changde-business:一.1", title: "别的标题", version: 0) { title } }');
    expect(r.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(r.errors?.[0]?.message).toMatch(/^task 一\.1 of changde-business was changed by eddie at .+ since you read it \(version 1, you had 0\): reload it and make your change again$/);
    expect((await task('一.1')).title).toBe('推进政务服务一网通办');
  });

  it('removes, adds and re-roles assignments; the unit counts follow', async () => {
    const before = await task('一.1');
    expect(units(before)).toEqual([['市大数据局', 'participant'], ['市发展和改革委员会', 'participant'], ['市政务服务中心', 'lead']].sort());
    const bigData = before.assignments.find((a: any) => a.unit.name === '市大数据局').unit.id;
    const ndrc = before.assignments.find((a: any) => a.unit.name === '市发展和改革委员会').unit.id;
    const tax = (await task('一.2')).assignments.find((a: any) => a.unit.name === '市税务局').unit.id;
    const loadOf = async (id: string) => (await editor.gql('query($id: ID!) { unit(id: $id) { load { lead responsible participant } } }', { id })).data.unit?.load;
    expect(await loadOf(tax)).toEqual({ lead: 1, responsible: 0, participant: 0 });

    let v = before.version;
    const step = async (mutation: string, vars: Record<string, unknown>) => {
      const r = await editor.gql(mutation, { t: before.id, v, ...vars });
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      v += 1;
      return r;
    };
    await step('mutation($t: ID!, $u: ID!, $v: Int!) { removeAssignment(task: $t, unit: $u, version: $v) { id } }', { u: bigData });
    await step('mutation($t: ID!, $u: ID!, $v: Int!) { changeAssignmentRole(task: $t, unit: $u, role: LEAD, version: $v) { id } }', { u: ndrc });
    await step('mutation($t: ID!, $u: ID!, $v: Int!) { addAssignment(task: $t, unit: $u, role: RESPONSIBLE, version: $v) { id } }', { u: tax });
    const after = await task('一.1');
    expect(units(after)).toEqual([['市发展和改革委员会', 'lead'], ['市政务服务中心', 'lead'], ['市税务局', 'responsible']].sort());
    expect(await loadOf(tax)).toEqual({ lead: 1, responsible: 1, participant: 0 });
    expect(await loadOf(bigData)).toBeUndefined(); // its only task no longer names it: the unit is gone
  });

  it('survive loading the same file again and a restart', async () => {
    const reloaded = await editor.upload([{ name: FILE, bytes: PLAN }], { query: '?replace=true&review=false' });
    expect(reloaded.body.files[0]).toMatchObject({ ok: true, status: 'REPLACED', documentId: DOC });
    const expected = { title: '推进政务服务一网通办', units: [['市发展和改革委员会', 'lead'], ['市政务服务中心', 'lead'], ['市税务局', 'responsible']].sort() };
    let t = await task('一.1');
    expect({ title: t.title, units: units(t) }).toEqual(expected);
    await stop();
    await start(false);
    t = await task('一.1');
    expect({ title: t.title, units: units(t) }).toEqual(expected);
    expect(t.version).toBe(4);
  }, 60_000);

  it('undoes a correction', async () => {
    const list = (await editor.gql('{ corrections(document: "changde-business") { id kind taskRef before after orphaned } }')).data.corrections;
    expect(list.map((c: any) => c.kind)).toEqual(['ADD_ASSIGNMENT', 'ROLE', 'REMOVE_ASSIGNMENT', 'TITLE']);
    const title = list.find((c: any) => c.kind === 'TITLE');
    const r = await editor.gql('mutation($id: ID!) { undoCorrection(id: $id, version: 4) { id undone undoneBy } }', { id: title.id });
    expect(r.data.undoCorrection).toEqual({ id: title.id, undone: true, undoneBy: 'eddie' });
    expect((await task('一.1'))).toMatchObject({ title: '推进一网通办', version: 5 });
    const audit = await editor.gql('{ corrections(document: "changde-business", includeUndone: true) { id undone } }');
    expect(audit.data.corrections.find((c: any) => c.id === title.id).undone).toBe(true);
  });

  it('merges two units that are the same, in every task', async () => {
    const t2 = await task('一.2');
    const finance = t2.assignments.find((a: any) => a.unit.name === '市财政局').unit.id;
    const tax = t2.assignments.find((a: any) => a.unit.name === '市税务局').unit.id;
    const r = await editor.gql('mutation($u: ID!, $i: ID!) { mergeUnits(unit: $u, into: $i) { kind unit into orphaned } }', { u: finance, i: tax });
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(r.data.mergeUnits).toEqual({ kind: 'MERGE', unit: '市财政局', into: '市税务局', orphaned: false });
    expect(units(await task('一.2'))).toEqual([['市税务局', 'lead']]);
  });

  it('lists a correction whose anchor is gone as orphaned', async () => {
    // A new version of the plan where task 1 is another task: the corrections anchored to the old file are orphaned.
    const changed = PLAN.replace('1、推进一网通办。全面推行“一件事一次办”。', '1、建设数字政府。建成政务云平台。');
    const up = await editor.upload([{ name: FILE, bytes: changed }], { query: '?replace=true&review=false' });
    expect(up.body.files[0]).toMatchObject({ ok: true, status: 'REPLACED' });
    const orphaned = (await editor.gql('{ corrections(orphaned: true) { kind taskRef document } }')).data.corrections;
    expect(orphaned.map((c: any) => c.kind).sort()).toEqual(['ADD_ASSIGNMENT', 'REMOVE_ASSIGNMENT', 'ROLE']);
    expect((await task('一.1')).title).toBe('建设数字政府');
  });
});

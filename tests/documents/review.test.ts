/**
 * Review before import, on the real server and each store: an editor's upload is read into a
 * draft and nothing is loaded; importing it with fixes (jurisdiction, a row that is not a task, a
 * unit's role, a unit removed) loads the fixed document, and the fixes hold when the file is
 * loaded again; a discarded draft leaves nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read } from '../../server/graph/queries';
import { startTestApp } from '../api/helpers';
import { Browser, dataDirWith } from '../support/session';
import { stores } from '../support/stores';

type App = Awaited<ReturnType<typeof startTestApp>>;

/** No city named anywhere: the jurisdiction cannot be told (units go to 未知辖区 unless fixed). Task 二 is a heading, not a task. */
const PLAN = [
  '优化营商环境三年行动方案',
  '一、重点任务',
  '1、推进一网通办。全面推行“一件事一次办”。(市政务服务中心牵头,市发改委、市大数据局配合)',
  '2、优化纳税服务。压缩办税时间。(市税务局负责,市财政局协助)',
].join('\n');

const DRAFT = `query($id: ID!) { draft(id: $id) { id file documentId title jurisdiction { code name } warnings
  tasks { ref title assignments { unitId name role inferred } } } }`;

describe.each(stores())('review before import ($name)', (under) => {
  let app: App;
  let editor: Browser;
  const stats = async () => (await app.graph.run(read('stats')))[0];

  beforeAll(async () => {
    app = await startTestApp({ store: under, env: { DATA_DIR: await dataDirWith([['eddie', 'editor'], ['vera', 'viewer']]) } });
    editor = new Browser(app.url);
    await editor.login('eddie');
  });
  afterAll(async () => app?.close());

  it('an editor\'s upload is read into a draft; nothing is loaded until it is imported', async () => {
    const before = await stats();
    const up = await editor.upload([{ name: 'business-plan.txt', bytes: PLAN }]);
    expect(up.status).toBe(200);
    const f = up.body.files[0];
    expect(f).toMatchObject({ ok: true, status: 'REVIEW', documentId: 'business-plan', tasks: 2, units: 5, draftId: expect.any(String) });
    expect(await stats()).toEqual(before);

    const d = (await editor.gql(DRAFT, { id: f.draftId })).data.draft;
    expect(d.jurisdiction).toBeNull();
    expect(d.warnings).toContain('could not tell which government issued this document; units are scoped to 未知辖区');
    expect(d.tasks.map((t: any) => [t.ref, t.title, t.assignments.map((a: any) => `${a.name}:${a.role}`)])).toEqual([
      ['一.1', '推进一网通办', ['市政务服务中心:LEAD', '市发展和改革委员会:PARTICIPANT', '市大数据局:PARTICIPANT']],
      ['一.2', '优化纳税服务', ['市税务局:LEAD', '市财政局:PARTICIPANT']],
    ]);
    const viewer = new Browser(app.url);
    await viewer.login('vera');
    expect((await viewer.gql(DRAFT, { id: f.draftId })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('imports with the fixes: jurisdiction chosen, a row dropped, a role changed, a unit removed; they hold when the file is loaded again', async () => {
    const up = await editor.upload([{ name: 'business-plan.txt', bytes: PLAN }]);
    const draft = (await editor.gql(DRAFT, { id: up.body.files[0].draftId })).data.draft;
    const t1 = draft.tasks[0];
    const unit = (name: string) => t1.assignments.find((a: any) => a.name === name).unitId;
    const r = await editor.gql(`mutation($id: ID!, $edits: DraftEdits) { importDraft(id: $id, edits: $edits) { documentId status tasks units } }`, {
      id: draft.id,
      edits: {
        title: '常德市优化营商环境三年行动方案', jurisdiction: '430700', removeTasks: ['一.2'],
        assignments: [{ ref: '一.1', unitId: unit('市发展和改革委员会'), role: 'LEAD' }, { ref: '一.1', unitId: unit('市大数据局'), role: null }],
      },
    });
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(r.data.importDraft).toMatchObject({ documentId: 'business-plan', status: 'ADDED', tasks: 1, units: 2 });

    const expected = {
      title: '常德市优化营商环境三年行动方案', jurisdiction: { id: '430700', name: '常德市' },
      tasks: [{ ref: '一.1', assignments: [['430700:市发展和改革委员会', 'LEAD'], ['430700:市政务服务中心', 'LEAD']] }],
    };
    const shape = async () => {
      const doc = (await editor.gql('{ document(id: "business-plan") { title jurisdiction { id name } tasks { ref assignments { role unit { id } } } } }')).data.document;
      return { ...doc, tasks: doc.tasks.map((t: any) => ({ ref: t.ref, assignments: t.assignments.map((a: any) => [a.unit.id, a.role]).sort() })) };
    };
    expect(await shape()).toEqual(expected);
    const kinds = (await editor.gql('{ corrections(document: "business-plan") { kind orphaned } }')).data.corrections;
    expect(kinds.map((c: any) => c.kind).sort()).toEqual(['DOCUMENT_TITLE', 'JURISDICTION', 'REMOVE_ASSIGNMENT', 'REMOVE_TASK', 'ROLE']);
    expect(kinds.every((c: any) => !c.orphaned)).toBe(true);
    expect((await editor.gql(DRAFT, { id: draft.id })).data.draft).toBeNull();

    const again = await editor.upload([{ name: 'business-plan.txt', bytes: PLAN }], { query: '?replace=true&review=false' });
    expect(again.body.files[0]).toMatchObject({ ok: true, status: 'REPLACED' });
    expect(await shape()).toEqual(expected);
  });

  it('a discarded draft leaves nothing, and the audit log says who discarded it', async () => {
    const before = await stats();
    const up = await editor.upload([{ name: 'other-plan.txt', bytes: PLAN.replace('三年', '五年') }]);
    const id = up.body.files[0].draftId;
    expect((await editor.gql('mutation($id: ID!) { discardDraft(id: $id) }', { id })).data.discardDraft).toBe(true);
    expect((await editor.gql(DRAFT, { id })).data.draft).toBeNull();
    expect(await stats()).toEqual(before);
    const again = await editor.gql('mutation($id: ID!) { importDraft(id: $id) { documentId } }', { id });
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

/**
 * POST /api/documents over real HTTP on the real embedded store: uploads that load, and every
 * kind of refusal, each answered with the file's name and the reason, after which the server
 * still serves and the store holds no trace of the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import CFB from 'cfb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPLOAD_LIMITS } from '../../server/http/documents';
import { read } from '../../server/graph/queries';
import { SEEDS_DIR } from '../../server/seeds';
import { gql, HENGYANG_PLAN, INGEST_TOKEN, startTestApp } from '../api/helpers';
import { miniDocx, para, zip } from '../ingest/zip-writer';
import { corpusText, docxFromText } from '../support/office';
import { stores } from '../support/stores';

type App = Awaited<ReturnType<typeof startTestApp>>;
interface Upload { name: string; bytes: Uint8Array | string }

async function upload(url: string, files: Upload[], headers: Record<string, string> = { authorization: `Bearer ${INGEST_TOKEN}` }, query = '') {
  const form = new FormData();
  for (const f of files) form.append('file', new Blob([typeof f.bytes === 'string' ? Buffer.from(f.bytes) : f.bytes]), f.name);
  const res = await fetch(`${url}/api/documents${query}`, { method: 'POST', body: form, headers });
  return { status: res.status, body: (await res.json()) as any };
}

/** 辽宁省's plan (a02_liaoning.txt). By hand from the text: 4 numbered targets, each with a 牵头单位 and 责任单位 line. */
const LIAONING = corpusText('a02_liaoning.txt');

const HENGYANG = HENGYANG_PLAN;

const NO_TASKS = '关于做好冬季供暖工作的通知\n各单位要高度重视,确保群众温暖过冬。';

describe.each(stores())('POST /api/documents ($name)', (store) => {
  let app: App;
  const stats = async () => (await app.graph.run(read('stats')))[0];
  const documentIds = async () => ((await gql(app.url, '{ documents { id } }')).data.documents as Array<{ id: string }>).map((d) => d.id).sort();
  const healthy = async () => (await fetch(`${app.url}/healthz`)).status;

  /** The refusal left everything as it was, and the server still answers. */
  async function unchanged(before: { stats: unknown; ids: string[] }) {
    expect(await stats()).toEqual(before.stats);
    expect(await documentIds()).toEqual(before.ids);
    expect(await healthy()).toBe(200);
  }
  const snapshot = async () => ({ stats: await stats(), ids: await documentIds() });

  beforeAll(async () => {
    app = await startTestApp({ store });
  });
  afterAll(async () => app?.close());

  it('loads a plan sent as a .txt file, and GraphQL lists it at once (the read cache is cleared)', async () => {
    expect(await documentIds()).not.toContain('liaoning-2024'); // also fills the read cache
    const r = await upload(app.url, [{ name: 'liaoning-2024.txt', bytes: LIAONING }]);
    expect(r.status).toBe(200);
    expect(r.body.files).toHaveLength(1);
    // By hand: 4 targets; units 省发展改革委 省工业和信息化厅 省农业农村厅 省商务厅 各市人民政府
    // 省沈抚示范区管委会 省财政厅 省税务局 省委军民融合办 省国资委.
    expect(r.body.files[0]).toMatchObject({ file: 'liaoning-2024.txt', ok: true, documentId: 'liaoning-2024', status: 'ADDED', tasks: 4, units: 10 });
    expect(r.body.files[0].warnings).toEqual([]);
    expect(await documentIds()).toContain('liaoning-2024');
    const lead = await gql(app.url, '{ document(id: "liaoning-2024") { jurisdiction { name } tasks { ref assignments(role: LEAD) { unit { name } } } } }');
    expect(lead.data.document.jurisdiction.name).toBe('辽宁省');
    expect(lead.data.document.tasks.map((t: any) => t.assignments[0].unit.name)).toEqual(['省发展和改革委员会', '省财政厅', '省工业和信息化厅', '省发展和改革委员会']);
  });

  it('recognises a document sent again, keeps a different one under a taken name apart, replaces on request; loads a seed under a Chinese file name', async () => {
    const before = await stats();
    const again = await upload(app.url, [{ name: 'liaoning-2024.txt', bytes: LIAONING }]);
    expect(again.body.files[0]).toMatchObject({ ok: true, status: 'DUPLICATE', documentId: 'liaoning-2024', tasks: 0 });
    expect(again.body.files[0].warnings[0]).toBe('liaoning-2024.txt is the same file as the loaded document liaoning-2024: not loaded again');
    expect(await stats()).toEqual(before);
    // Another plan under the same file name: its own id, the first one kept.
    const other = await upload(app.url, [{ name: 'liaoning-2024.txt', bytes: HENGYANG }]);
    expect(other.body.files[0]).toMatchObject({ ok: true, status: 'ADDED', documentId: 'liaoning-2024-2', tasks: 2 });
    expect(other.body.files[0].warnings[0]).toBe('a different document is already loaded as liaoning-2024: this one was loaded as liaoning-2024-2');
    // Asked to replace: the new version replaces the document of that name.
    const edited = HENGYANG.replace('市财政局协助', '市审计局协助');
    const replaced = await upload(app.url, [{ name: 'liaoning-2024-2.txt', bytes: edited }], undefined, '?replace=true');
    expect(replaced.body.files[0]).toMatchObject({ ok: true, status: 'REPLACED', documentId: 'liaoning-2024-2', tasks: 2 });
    // Another copy of a loaded plan, as another file with the same title and tasks: recognised.
    const copy = await upload(app.url, [{ name: 'copy.txt', bytes: `${edited}\n` }]);
    expect(copy.body.files[0]).toMatchObject({ ok: true, status: 'DUPLICATE', documentId: 'liaoning-2024-2' });
    // 萍乡's plan (seed 001, 17 tasks: see tests/extract/seeds.test.ts) under another name.
    // The seed is loaded at start: the same bytes under a Chinese name are recognised as it.
    const seed = readFileSync(join(SEEDS_DIR, '001_5bed96e789233213.txt'));
    const r = await upload(app.url, [{ name: '萍乡对接粤港澳大湾区建设行动方案.txt', bytes: seed }]);
    expect(r.body.files[0]).toMatchObject({ ok: true, documentId: '001_5bed96e789233213', status: 'DUPLICATE' });
    expect(await documentIds()).not.toContain('萍乡对接粤港澳大湾区建设行动方案');
    // …and so is the same plan written out again with other line breaks (the graph's tasks and units match).
    const rewrapped = await upload(app.url, [{ name: '萍乡方案.txt', bytes: `${seed.toString('utf8').replace(/\n/g, '\n\n')}` }]);
    expect(rewrapped.body.files[0]).toMatchObject({ ok: true, documentId: '001_5bed96e789233213', status: 'DUPLICATE' });
  });

  it('takes several files in one request and answers per file, in order', async () => {
    const r = await upload(app.url, [{ name: 'hengyang-a.txt', bytes: HENGYANG }, { name: 'hengyang-b.txt', bytes: HENGYANG.replace('衡阳市', '衡阳市2025年') }]);
    expect(r.status).toBe(200);
    expect(r.body.files.map((f: any) => [f.file, f.ok, f.tasks, f.units])).toEqual([['hengyang-a.txt', true, 2, 5], ['hengyang-b.txt', true, 2, 5]]);
    const q = await gql(app.url, '{ unit(id: "430400:市政务服务中心") { leads { task { document { id } } } } }');
    expect(q.data.unit.leads.map((l: any) => l.task.document.id).sort()).toEqual(['hengyang-a', 'hengyang-b', 'liaoning-2024-2']);
  });

  it('answers 207 when some files load and others are refused, each with its reason', async () => {
    const before = await stats();
    const r = await upload(app.url, [{ name: 'notice.txt', bytes: NO_TASKS }, { name: 'hengyang-c.txt', bytes: HENGYANG.replace('衡阳市', '衡阳市2026年') }]);
    expect(r.status).toBe(207);
    expect(r.body.files[0]).toEqual({
      file: 'notice.txt', ok: false, code: 'NO_TASKS', error: expect.stringMatching(/^notice\.txt has no tasks: .*no responsibility words/),
      zh: 'notice.txt 没有任务：找到 0 个任务；文中没有任何责任用语（牵头、负责、责任单位等），未说明由谁负责',
      coverage: { kind: 'no-words', line: null, quote: '' },
    });
    expect(r.body.files[1]).toMatchObject({ file: 'hengyang-c.txt', ok: true, tasks: 2 });
    expect((await stats())!.documents).toBe((before!.documents as number) + 1);
  });

  describe('refuses, writing nothing and serving on', () => {
    it('without the bearer token, or with a wrong one (401)', async () => {
      const before = await snapshot();
      const none = await upload(app.url, [{ name: 'x1.txt', bytes: HENGYANG }], {});
      expect(none.status).toBe(401);
      expect(none.body.error).toEqual({ code: 'UNAUTHENTICATED', message: 'uploading needs an Authorization: Bearer <INGEST_TOKEN> header', zh: '上传需要导入令牌（Authorization: Bearer <INGEST_TOKEN>）' });
      const wrong = await upload(app.url, [{ name: 'x1.txt', bytes: HENGYANG }], { authorization: 'Bearer not-the-token-at-all-x' });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error.message).toBe('the bearer token does not match INGEST_TOKEN');
      expect(wrong.body.error.zh).toBe('导入令牌与服务器的 INGEST_TOKEN 不符');
      await unchanged(before);
    });

    it('a file over the per-file limit (413, naming it), with the rest of its request', async () => {
      const before = await snapshot();
      const big = Buffer.alloc(UPLOAD_LIMITS.fileBytes + 1, 0x41);
      const r = await upload(app.url, [{ name: 'small.txt', bytes: HENGYANG }, { name: 'huge-plan.txt', bytes: big }]);
      expect(r.status).toBe(413);
      expect(r.body.error).toEqual({ code: 'FILE_TOO_LARGE', file: 'huge-plan.txt', message: 'huge-plan.txt is over the 10 MB limit for one file: nothing in this request was loaded',
        zh: 'huge-plan.txt 超过单个文件 10 MB 的上限：本次上传的文件都未导入' });
      await unchanged(before);
    });

    it(`more than ${UPLOAD_LIMITS.files} files in one request (413)`, async () => {
      const before = await snapshot();
      const files = Array.from({ length: UPLOAD_LIMITS.files + 1 }, (_, i) => ({ name: `many-${i}.txt`, bytes: HENGYANG }));
      const r = await upload(app.url, files);
      expect(r.status).toBe(413);
      expect(r.body.error.code).toBe('TOO_MANY_FILES');
      expect(r.body.error.message).toMatch(/^more than 20 files in one request \(refused after the 20th, many-19\.txt\)/);
      await unchanged(before);
    });

    it('a request over the per-request limit, declared or streamed (413)', async () => {
      const before = await snapshot();
      const nine = Buffer.alloc(9 * 1024 * 1024, 0x41);
      const files = Array.from({ length: 6 }, (_, i) => ({ name: `part-${i}.txt`, bytes: nine }));
      const declared = await upload(app.url, files);
      expect(declared.status).toBe(413);
      expect(declared.body.error.code).toBe('REQUEST_TOO_LARGE');
      // Without a content-length (chunked), the server counts as it reads and names the file that crossed the line.
      const form = new FormData();
      for (const f of files) form.append('file', new Blob([f.bytes]), f.name);
      const body = new Response(form);
      const streamed = await fetch(`${app.url}/api/documents`, {
        method: 'POST', body: body.body, duplex: 'half', headers: { authorization: `Bearer ${INGEST_TOKEN}`, 'content-type': body.headers.get('content-type')! },
      } as RequestInit);
      expect(streamed.status).toBe(413);
      expect(((await streamed.json()) as any).error).toMatchObject({ code: 'REQUEST_TOO_LARGE', file: 'part-5.txt' });
      await unchanged(before);
    });

    it('a corrupt Word file (a truncated zip named .docx): 422 naming the file', async () => {
      const before = await snapshot();
      const docx = await docxFromText(LIAONING);
      const r = await upload(app.url, [{ name: 'truncated.docx', bytes: docx.subarray(0, Math.floor(docx.length / 2)) }]);
      expect(r.status).toBe(422);
      expect(r.body.files[0]).toMatchObject({ file: 'truncated.docx', ok: false, code: 'UNREADABLE' });
      expect(r.body.files[0].error).toMatch(/^truncated\.docx cannot be read: \S/);
      await unchanged(before);
    });

    it('a binary file, an empty file and a text with no tasks (422 each)', async () => {
      const before = await snapshot();
      const r = await upload(app.url, [
        { name: 'binary.txt', bytes: Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256) },
        { name: 'empty.txt', bytes: '' },
        { name: 'notice.txt', bytes: NO_TASKS },
      ]);
      expect(r.status).toBe(422);
      expect(r.body.files.map((f: any) => [f.file, f.code])).toEqual([['binary.txt', 'UNREADABLE'], ['empty.txt', 'UNREADABLE'], ['notice.txt', 'NO_TASKS']]);
      expect(r.body.files[0].error).toMatch(/^binary\.txt cannot be read: the file is binary/);
      expect(r.body.files[1].error).toBe('empty.txt cannot be read: the file is empty');
      // The same reasons in Chinese, for the page's Chinese interface (issue 21, item 9).
      expect(r.body.files[0].zh).toMatch(/^binary\.txt 无法读取：文件是二进制文件/);
      expect(r.body.files[1].zh).toBe('empty.txt 无法读取：文件是空的');
      await unchanged(before);
    });

    it('a file name that cannot be a document id (400), and two files that would share one', async () => {
      const before = await snapshot();
      const r = await upload(app.url, [{ name: 'plan|DROP.txt', bytes: HENGYANG }, { name: 'plan.exe', bytes: HENGYANG }]);
      expect(r.status).toBe(400);
      expect(r.body.files.map((f: any) => [f.file, f.code])).toEqual([['plan|DROP.txt', 'BAD_FILENAME'], ['plan.exe', 'BAD_FILENAME']]);
      expect(r.body.files[0].error).toMatch(/^plan\|DROP\.txt: the file name is not usable as a document id: rename it/);
      await unchanged(before);
      // A right-to-left override would show the name reversed (名称.txt as txt.称名); a name of spaces names nothing.
      const hidden = await upload(app.url, [{ name: 'plan\u202Etxt.exe.txt', bytes: HENGYANG }, { name: ' .txt', bytes: HENGYANG }]);
      expect(hidden.status).toBe(400);
      expect(hidden.body.files.map((f: any) => f.code)).toEqual(['BAD_FILENAME', 'BAD_FILENAME']);
      await unchanged(before);
      const dup = await upload(app.url, [{ name: 'twin.txt', bytes: HENGYANG }, { name: 'twin.docx', bytes: HENGYANG }]);
      expect(dup.status).toBe(207);
      expect(dup.body.files[1]).toEqual({ file: 'twin.docx', ok: false, code: 'DUPLICATE_DOCUMENT', error: 'twin.docx and twin.txt would both become document "twin": rename one of them or send them separately',
        zh: 'twin.docx 与 twin.txt 会成为同一个文档“twin”：请改名其中一个，或分开上传' });
      // Names as Chinese offices write them (spaces, full-width brackets) are fine.
      const chinese = await upload(app.url, [{ name: '关于印发 衡阳（2023）方案.txt', bytes: HENGYANG.replace('衡阳市', '衡阳市2023年') }]);
      expect(chinese.status).toBe(200);
      expect(chinese.body.files[0]).toMatchObject({ ok: true, documentId: '关于印发 衡阳（2023）方案' });
    });

    it('a request that is not multipart (415) or has no file (400)', async () => {
      const before = await snapshot();
      const json = await fetch(`${app.url}/api/documents`, { method: 'POST', headers: { authorization: `Bearer ${INGEST_TOKEN}`, 'content-type': 'application/json' }, body: '{}' });
      expect(json.status).toBe(415);
      expect(((await json.json()) as any).error.code).toBe('NOT_MULTIPART');
      const form = new FormData();
      form.append('note', 'no file here');
      const empty = await fetch(`${app.url}/api/documents`, { method: 'POST', headers: { authorization: `Bearer ${INGEST_TOKEN}` }, body: form });
      expect(empty.status).toBe(400);
      expect(((await empty.json()) as any).error.code).toBe('NO_FILES');
      const wrongField = new FormData();
      wrongField.append('document', new Blob([HENGYANG]), 'x.txt');
      const field = await fetch(`${app.url}/api/documents`, { method: 'POST', headers: { authorization: `Bearer ${INGEST_TOKEN}` }, body: wrongField });
      expect(field.status).toBe(400);
      expect(((await field.json()) as any).error).toMatchObject({ code: 'BAD_FIELD', file: 'x.txt' });
      await unchanged(before);
    });
  });
});

describe.each(stores())('POST /api/documents with no INGEST_TOKEN configured ($name)', (store) => {
  let app: App;
  beforeAll(async () => {
    app = await startTestApp({ store, env: { INGEST_TOKEN: '' } });
  });
  afterAll(async () => app?.close());

  it('is disabled (403) and says how to enable it', async () => {
    const r = await upload(app.url, [{ name: 'hengyang.txt', bytes: HENGYANG }]);
    expect(r.status).toBe(403);
    expect(r.body.error).toEqual({ code: 'FORBIDDEN', message: 'uploading is disabled on this server: set INGEST_TOKEN to enable it', zh: '服务器未开启上传：需要设置 INGEST_TOKEN' });
  });
});

/**
 * The hostile files of issue 11 through the upload: each refused with a 4xx naming the file and
 * the reason, the server serving on and the store unchanged. The readers' own tests
 * (tests/ingest/hostile.test.ts) cover every variant and that no temporary file is left; the
 * upload itself keeps files in memory only.
 */
describe.each(stores())('POST /api/documents with hostile files ($name)', (store) => {
  let app: App;
  beforeAll(async () => {
    app = await startTestApp({ store });
  });
  afterAll(async () => {
    await app?.close();
  });

  const encryptedDocx = () => {
    // What Word writes for a password-protected .docx: an OLE file holding the encrypted package.
    const cfb = CFB.utils.cfb_new();
    CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
    CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(4096, 7));
    return Buffer.from(CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
  };
  const cases: Array<[string, string, () => Buffer | Promise<Buffer>, RegExp]> = [
    ['a zip bomb', 'bomb.docx', () => zip([...miniDocx(para('x')), { name: 'word/media/pad.bin', data: Buffer.alloc(20 * 1024 * 1024, 0x20) }]), /zip bomb/],
    ['an external XML entity', 'xxe.docx', () => zip(miniDocx(para('&xxe;'), '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')), /declares a DOCTYPE or XML entities/],
    ['a password-protected Word file', 'secret.docx', encryptedDocx, /password-protected/],
    ['an image named .docx', 'photo.docx', () => Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001', 'hex'), /binary/],
  ];

  it.each(cases)('%s is refused with its reason, and nothing is left of it', async (_what, name, make, reason) => {
    const stats = async () => (await app.graph.run(read('stats')))[0];
    const before = await stats();
    const r = await upload(app.url, [{ name, bytes: await make() }]);
    expect(r.status).toBe(422);
    expect(r.body.files[0]).toMatchObject({ file: name, ok: false, code: 'UNREADABLE' });
    expect(r.body.files[0].error.startsWith(`${name} cannot be read: `)).toBe(true);
    expect(r.body.files[0].error).toMatch(reason);
    expect(r.body.files[0].error).not.toContain('root:');
    expect(await stats()).toEqual(before);
    expect((await gql(app.url, `{ document(id: "${name.replace(/\.docx$/, '')}") { id } }`)).data.document).toBeNull();
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });
});

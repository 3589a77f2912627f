/**
 * Files made by LibreOffice as an office would make them: a PDF of a table whose cells wrap over
 * several lines, a PDF of a plan in prose, a .doc (Word 97) of the same table, and files whose
 * name lies about their format.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../../server/extract/extract';
import { readDocument } from '../../server/ingest/read';
import { seed001Docx, tableDocx } from './make';
import { cells, leftovers, libreOffice, seedLines, tempDir } from './fixtures';

const TITLE = '萍乡对接粤港澳大湾区建设行动方案重点任务分解表';
const SHARED = '市直有关部门、有关县区人民政府、萍乡经开区管委会、武功山景区管委会';
const EXPECTED = [
  [TITLE, TITLE, TITLE, TITLE],
  ['序号', '重点任务', '牵头单位', '责任单位'],
  ['13', '全面融入“一带一路”总体布局', '市发改委', '市商务局、市人社局、市工信局、有关县区人民政府、萍乡经开区管委会、武功山景区管委会'],
  ['14', '深化“放管服”改革', '市发改委、萍乡海关', SHARED],
  ['15', '强化组织领导', '', SHARED],
  ['16', '抓好任务落实', '', SHARED],
  ['17', '加强跟踪协调', '市发改委', SHARED],
];

const tmp = tempDir();
let tablePdf: Buffer;
let planPdf: Buffer;
let tableDoc: Buffer;
beforeAll(async () => {
  const docx = await tableDocx();
  tablePdf = await libreOffice(tmp.dir, 'table.docx', docx, 'pdf');
  tableDoc = await libreOffice(tmp.dir, 'table2.docx', docx, 'doc');
  planPdf = await libreOffice(tmp.dir, 'plan.docx', await seed001Docx(), 'pdf');
}, 180_000);
afterAll(() => tmp.remove());

describe('PDF', () => {
  it('rebuilds a ruled table: wrapped cells joined, a merged cell repeated in every row it spans', async () => {
    const source = await readDocument({ file: 'table.pdf', bytes: tablePdf });
    expect(source.format).toBe('pdf');
    expect(source.tables).toHaveLength(1);
    expect(cells(source)).toEqual(EXPECTED);
    // The long cells did wrap in the PDF (else this proves nothing about joining them).
    expect(tablePdf.includes(Buffer.from(SHARED))).toBe(false);
    expect(source.text.split('\n')[0]).toBe('萍乡市人民政府办公室');
    expect(source.text.trimEnd().split('\n').at(-1)).toBe('(此件主动公开)');
  });

  it('extracts the table tasks from the PDF as from the .docx', async () => {
    const source = await readDocument({ file: 'table.pdf', bytes: tablePdf });
    const r = extract([{ file: 'table.pdf', bytes: new Uint8Array(), source }]);
    const t = r.documents[0]!.tasks.find((x) => x.title === '加强跟踪协调')!;
    // By hand: 17 加强跟踪协调, 牵头单位 市发改委, 责任单位 the merged cell.
    expect(t.assignments.map((a) => [a.surface, a.role])).toEqual([['市发改委', 'lead'], ...SHARED.split('、').map((u) => [u, 'responsible'])]);
    expect(r.documents[0]!.tasks).toHaveLength(5);
  });

  it('rebuilds the paragraphs of a plan in prose, wrapped lines joined, and extracts the same tasks as the .txt', async () => {
    const source = await readDocument({ file: 'plan.pdf', bytes: planPdf });
    const want = seedLines('001').map((l) => l.replace(/^(\d+\.)\s+/, '$1'));
    const got = source.text.trimEnd().split('\n');
    expect(got.length).toBe(want.length);
    const same = got.filter((l, i) => l === want[i]).length;
    expect(same / want.length).toBeGreaterThanOrEqual(0.9);
    const r = extract([{ file: '001.pdf', bytes: new Uint8Array(), source }]);
    const t = r.documents[0]!.tasks.find((x) => x.title === '打造区域综合交通网络')!;
    // By hand: (牵头单位:市交通运输局、市公路局;责任单位:市发改委、市自然资源和规划局,各县区人民政府、萍乡经开区管委会、武功山景区管委会)
    expect(t.assignments.filter((a) => a.role === 'lead').map((a) => a.surface)).toEqual(['市交通运输局', '市公路局']);
    expect(t.assignments.filter((a) => a.role === 'responsible').map((a) => a.surface)).toEqual(['市发改委', '市自然资源和规划局', '各县区人民政府', '萍乡经开区管委会', '武功山景区管委会']);
    expect(r.documents[0]!.tasks).toHaveLength(17);
  });
});

describe('legacy Word (.doc made by LibreOffice)', () => {
  it('is converted with LibreOffice and read like the .docx, leaving no temporary files', async () => {
    expect(tableDoc.subarray(0, 4)).toEqual(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    const before = leftovers();
    const source = await readDocument({ file: '分解表.doc', bytes: tableDoc });
    expect(source.format).toBe('docx');
    expect(source.encoding).toBe('doc via LibreOffice');
    expect(cells(source)).toEqual(EXPECTED);
    expect(leftovers()).toEqual(before);
  });

  it('says how to install LibreOffice when it is missing', async () => {
    await expect(readDocument({ file: 'a.doc', bytes: tableDoc }, { convert: { pathEnv: '/nonexistent' } }))
      .rejects.toThrow(/LibreOffice, which is not installed; install it \(apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui\)/);
  });
});

describe('names that lie', () => {
  it('reads a .doc that is really a .docx as a .docx', async () => {
    const source = await readDocument({ file: '分解表.doc', bytes: await tableDocx() });
    expect(source.format).toBe('docx');
    expect(cells(source)).toEqual(EXPECTED);
  });

  it('reads a .txt that is really a PDF as a PDF', async () => {
    const source = await readDocument({ file: 'plan.txt', bytes: tablePdf });
    expect(source.format).toBe('pdf');
    expect(cells(source)).toEqual(EXPECTED);
  });
});

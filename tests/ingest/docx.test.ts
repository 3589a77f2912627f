/** .docx: paragraphs in order with Word's list numbers rendered, tables with merged cells repeated. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../../server/extract/extract';
import { readDocument } from '../../server/ingest/read';
import { formatNumber } from '../../server/ingest/numbering';
import { seedFiles } from '../support/seeds';
import { cells, seedLines, seedText } from './fixtures';
import { ROWS, SHARED, seed001Docx, tableDocx, TABLE_TITLE as TITLE } from './make';



describe('.docx with paragraphs (seed 001, numbers as Word list numbering)', () => {
  it('gives the paragraphs in order with the list numbers rendered as Word shows them', async () => {
    const bytes = await seed001Docx();
    // The numbers really are gone from the text Word stores.
    expect(bytes.includes(Buffer.from('二、'))).toBe(false);
    const source = await readDocument({ file: 'plan.docx', bytes });
    expect(source.format).toBe('docx');
    expect(source.tables).toEqual([]);
    // Word shows the number glued to the text ("1.打造…"); the seed has one "1. " with a space.
    expect(source.text.trimEnd().split('\n')).toEqual(seedLines('001').map((l) => l.replace(/^(\d+\.)\s+/, '$1')));
  });

  it('extracts the same tasks, units and roles as the .txt', async () => {
    const source = await readDocument({ file: '001.docx', bytes: await seed001Docx() });
    const fromDocx = extract([{ file: '001.docx', bytes: new Uint8Array(), source }]);
    const txtFile = seedFiles().find((f) => f.includes('/001_'))!;
    const fromTxt = extract([{ file: '001.docx', bytes: readFileSync(txtFile) }]);
    const doc = fromDocx.documents[0]!;
    const units = (id: string) => fromDocx.units.find((u) => u.id === id)!.name;
    // By hand from the plan: 1. 打造区域综合交通网络 (牵头单位:市交通运输局、市公路局;责任单位:市发改委、…)
    const t = doc.tasks.find((x) => x.title === '打造区域综合交通网络')!;
    expect(t.ref).toBe('二.(一).1');
    expect(t.assignments.filter((a) => a.role === 'lead').map((a) => units(a.unitId))).toEqual(['市交通运输局', '市公路局']);
    expect(t.assignments.filter((a) => a.role === 'responsible').map((a) => a.surface)).toEqual(['市发改委', '市自然资源和规划局', '各县区人民政府', '萍乡经开区管委会', '武功山景区管委会']);
    // And every task as from the .txt (refs, titles, who does what).
    const summary = (r: typeof fromTxt) => r.documents[0]!.tasks.map((x) => [x.ref, x.title, x.assignments.map((a) => [a.surface, a.role, a.inferred])]);
    expect(summary(fromDocx)).toEqual(summary(fromTxt));
    expect(summary(fromDocx)).toHaveLength(17);
  });
});

describe('.docx with a table with merged cells', () => {
  it('the rows are real: every unit list is written so in seed 001', () => {
    for (const r of ROWS) for (const s of [r[1], r[2], r[3]]) if (s) expect(seedText('001')).toContain(s);
  });

  it('writes each row as a line and repeats a merged cell in every row it covers', async () => {
    const bytes = await tableDocx();
    expect(bytes.length).toBeGreaterThan(0);
    const source = await readDocument({ file: 'table.docx', bytes });
    expect(source.tables).toHaveLength(1);
    const header = ['序号', '重点任务', '牵头单位', '责任单位'];
    expect(cells(source)).toEqual([
      [TITLE, TITLE, TITLE, TITLE],
      header,
      ...ROWS,
    ]);
    // The merged cells are written once (in their first row/column); the spans repeat.
    const t = source.tables[0]!;
    expect(t.rows[3]![3]).toEqual(t.rows[6]![3]);
    expect(t.rows[0]![0]).toEqual(t.rows[0]![3]);
    expect(source.text.split(SHARED)).toHaveLength(2);
    expect(source.text).toBe([
      '萍乡市人民政府办公室',
      `${TITLE} |  |  | `,
      header.join(' | '),
      ROWS[0]!.join(' | '),
      `14 | 深化“放管服”改革 | 市发改委、萍乡海关 | ${SHARED}`,
      '15 | 强化组织领导 |  | ',
      '16 | 抓好任务落实 |  | ',
      '17 | 加强跟踪协调 | 市发改委 | ',
      '(此件主动公开)',
      '',
    ].join('\n'));
    expect(source.text.slice(t.start, t.end).split('\n')).toHaveLength(7);
  });

  it('extracts the table tasks, a merged 责任单位 cell applying to every row it spans', async () => {
    const source = await readDocument({ file: 'table.docx', bytes: await tableDocx() });
    const r = extract([{ file: 'table.docx', bytes: new Uint8Array(), source }]);
    const byTitle = (title: string) => r.documents[0]!.tasks.find((t) => t.title === title)!;
    const roles = (title: string) => byTitle(title).assignments.map((a) => [a.surface, a.role]);
    const shared = ['市直有关部门', '有关县区人民政府', '萍乡经开区管委会', '武功山景区管委会'].map((u) => [u, 'responsible']);
    // By hand from the rows: 14 has two leads; 15 and 16 no lead; 17 市发改委; all four share the merged cell.
    expect(roles('深化“放管服”改革')).toEqual([['市发改委', 'lead'], ['萍乡海关', 'lead'], ...shared]);
    expect(roles('强化组织领导')).toEqual(shared);
    expect(roles('抓好任务落实')).toEqual(shared);
    expect(roles('加强跟踪协调')).toEqual([['市发改委', 'lead'], ...shared]);
    // The offsets of a merged cell's unit point at that cell (written once, in row 14), wherever the row is.
    const a = byTitle('加强跟踪协调').assignments.find((x) => x.surface === '武功山景区管委会')!;
    const cell = source.tables[0]!.rows[3]![3]!;
    expect(source.text.slice(cell.start, cell.end)).toBe(SHARED);
    expect(a.start).toBeGreaterThanOrEqual(cell.start);
    expect(a.start).toBeLessThan(cell.end);
    expect(r.documents[0]!.tasks).toHaveLength(5);
  });
});

describe('Word list numbers', () => {
  it('are written as Word writes them', () => {
    expect([1, 2, 10, 11, 20, 21, 100, 101].map((n) => formatNumber(n, 'chineseCounting'))).toEqual(['一', '二', '十', '十一', '二十', '二十一', '一百', '一百零一']);
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(4, 'upperRoman')).toBe('IV');
    expect(formatNumber(2, 'ideographTraditional')).toBe('乙');
    expect(formatNumber(12, 'chineseLegalSimplified')).toBe('壹拾贰');
  });
});

/** Word fixtures made from seed 001 with the docx package (shared by the reader tests). */
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { seedLines } from './fixtures';

/**
 * Seed 001 as Word would hold it: each line a paragraph, and the numbers of its headings (一、),
 * sub-headings ((一)) and items (1., running on through the whole plan) made Word list numbers,
 * so they are in numbering.xml and not in the text.
 */
export async function seed001Docx(): Promise<Buffer> {
  const children = seedLines('001').map((line) => {
    let m: RegExpExecArray | null;
    if ((m = /^([一二三四五六七八九十]+)、(.*)$/.exec(line))) return new Paragraph({ text: m[2], numbering: { reference: 'outline', level: 0 } });
    if ((m = /^\(([一二三四五六七八九十]+)\)(.*)$/.exec(line))) return new Paragraph({ text: m[2], numbering: { reference: 'outline', level: 1 } });
    if ((m = /^(\d+)\.\s*(.*)$/.exec(line))) return new Paragraph({ text: m[2], numbering: { reference: 'items', level: 0 } });
    return new Paragraph({ children: [new TextRun(line)] });
  });
  const doc = new Document({
    numbering: {
      config: [
        { reference: 'outline', levels: [
          { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
          { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '(%2)', alignment: AlignmentType.LEFT },
        ] },
        { reference: 'items', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }] },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

/** Rows of seed 001's last tasks as a 任务分解表: its units as the plan writes them (checked against it below). */
export const TABLE_TITLE = '萍乡对接粤港澳大湾区建设行动方案重点任务分解表';
export const SHARED = '市直有关部门、有关县区人民政府、萍乡经开区管委会、武功山景区管委会';
export const ROWS: Array<[string, string, string, string]> = [
  ['13', '全面融入“一带一路”总体布局', '市发改委', '市商务局、市人社局、市工信局、有关县区人民政府、萍乡经开区管委会、武功山景区管委会'],
  ['14', '深化“放管服”改革', '市发改委、萍乡海关', SHARED],
  ['15', '强化组织领导', '', SHARED],
  ['16', '抓好任务落实', '', SHARED],
  ['17', '加强跟踪协调', '市发改委', SHARED],
];

export async function tableDocx(): Promise<Buffer> {
  const cell = (text: string, opts: { rowSpan?: number; columnSpan?: number } = {}) => new TableCell({ children: [new Paragraph(text)], ...opts });
  const rows = [
    new TableRow({ children: [cell(TABLE_TITLE, { columnSpan: 4 })] }),
    new TableRow({ children: ['序号', '重点任务', '牵头单位', '责任单位'].map((t) => cell(t)) }),
    new TableRow({ children: ROWS[0]!.map((t) => cell(t)) }),
    // 责任单位 merged down over tasks 14–17 (vMerge), as such tables do.
    new TableRow({ children: [cell('14'), cell(ROWS[1]![1]), cell(ROWS[1]![2]), cell(SHARED, { rowSpan: 4 })] }),
    ...ROWS.slice(2).map((r) => new TableRow({ children: [cell(r[0]), cell(r[1]), cell(r[2])] })),
  ];
  const doc = new Document({ sections: [{ children: [new Paragraph('萍乡市人民政府办公室'), new Table({ rows }), new Paragraph('(此件主动公开)')] }] });
  return Packer.toBuffer(doc);
}


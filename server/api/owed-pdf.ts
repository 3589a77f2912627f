/**
 * The 督办单 as PDF (issue 22 item 4): the same sheet as owedDocx (owed.ts), drawn with pdfkit in a
 * CJK font of the system (Debian's fonts-noto-cjk: Noto Sans CJK SC). Made in this process rather than
 * by converting the .docx with LibreOffice: no office suite in the image, no child process of a few
 * hundred MB and several seconds per request, and the page breaks are ours (each unit starts a page; a
 * unit with more tasks than a page holds continues on the next with the header row repeated).
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { LIGHT_FILLS, LIGHT_LABELS, STATE_LABELS } from './analytics/light';
import { ROLE_LABELS } from './ledger';
import type { OwedTask, UnitOwed } from './owed';

/** Where Debian and Ubuntu put Noto Sans CJK (fonts-noto-cjk), regular and bold; a .ttc holds SC, TC, JP, KR. */
const FONT_DIRS = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/truetype/noto', '/usr/share/fonts/noto-cjk', '/usr/share/fonts/google-noto-cjk'];
const REGULAR = 'NotoSansCJK-Regular.ttc';
const BOLD = 'NotoSansCJK-Bold.ttc';
/** The face inside the collection: simplified Chinese. */
const FACE = { regular: 'NotoSansCJKsc-Regular', bold: 'NotoSansCJKsc-Bold' };

/** No CJK font on this machine: the PDF cannot be made (the caller answers 503 with this message). */
export class NoCjkFont extends Error {
  override readonly name = 'NoCjkFont';
}

export function cjkFonts(): { regular: string; bold: string } {
  for (const dir of FONT_DIRS) {
    const regular = `${dir}/${REGULAR}`;
    if (existsSync(regular)) return { regular, bold: existsSync(`${dir}/${BOLD}`) ? `${dir}/${BOLD}` : regular };
  }
  throw new NoCjkFont('the 督办单 PDF needs a Chinese font and none is installed: install Debian\'s fonts-noto-cjk (apt-get install fonts-noto-cjk), or download the .docx');
}

const COLUMNS: ReadonlyArray<{ head: string; width: number; text: (t: OwedTask) => string; fill?: (t: OwedTask) => string }> = [
  { head: '编号', width: 0.1, text: (t) => t.ref },
  { head: '任务', width: 0.3, text: (t) => t.title },
  { head: '角色', width: 0.07, text: (t) => ROLE_LABELS.zh[t.role] },
  { head: '完成时限', width: 0.12, text: (t) => t.deadlineText || '未写明' },
  { head: '灯号', width: 0.19, text: (t) => `${LIGHT_LABELS.zh[t.light.light]}：${t.light.zh}`, fill: (t) => `#${LIGHT_FILLS[t.light.light].slice(2)}` },
  { head: '最新进展', width: 0.22, text: (t) => (t.latest ? `${t.latest.date} ${STATE_LABELS.zh[t.latest.state]}：${t.latest.text}` : '未报告') },
];

const PAD = 3;
const SIZE = 9;

/** The 督办单 as a PDF: one unit a page (or more, when its tasks run over), as owedDocx lays it out. */
export function owedPdf(units: UnitOwed[], opts: { asOf: string }): Promise<Buffer> {
  const fonts = cjkFonts();
  const doc = new PDFDocument({ size: 'A4', margin: 48, autoFirstPage: false, info: { Title: '督办单', Creator: '责任落实图谱' } });
  doc.registerFont('cjk', fonts.regular, FACE.regular);
  doc.registerFont('cjk-bold', fonts.bold, fonts.bold === fonts.regular ? FACE.regular : FACE.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = 48;
  const width = 595.28 - 96;
  const bottom = 841.89 - 48;
  const widths = COLUMNS.map((c) => c.width * width);

  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(SIZE);
    return Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: widths[i]! - 2 * PAD }))) + 2 * PAD;
  };
  const drawRow = (cells: string[], y: number, font: string, fills: Array<string | undefined>) => {
    const h = rowHeight(cells, font);
    let x = left;
    cells.forEach((text, i) => {
      if (fills[i]) doc.rect(x, y, widths[i]!, h).fill(fills[i]!);
      doc.rect(x, y, widths[i]!, h).lineWidth(0.5).stroke('#808080');
      doc.fillColor('#000').font(font).fontSize(SIZE).text(text, x + PAD, y + PAD, { width: widths[i]! - 2 * PAD });
      x += widths[i]!;
    });
    return y + h;
  };
  const header = (y: number) => drawRow(COLUMNS.map((c) => c.head), y, 'cjk-bold', COLUMNS.map(() => '#D9D9D9'));

  for (const u of units.length ? units : [null]) {
    doc.addPage();
    if (!u) {
      doc.font('cjk').fontSize(12).text('无单位');
      continue;
    }
    doc.font('cjk-bold').fontSize(18).text('督 办 单', { align: 'center' });
    doc.font('cjk').fontSize(11).text(`（截至${opts.asOf}）`, { align: 'center' }).moveDown(0.6);
    doc.font('cjk-bold').fontSize(12).text(`承办单位：${u.unitName}${u.jurisdictionName ? `（${u.jurisdictionName}）` : ''}`, left);
    const red = u.tasks.filter((t) => t.light.light === 'OVERDUE').length;
    const yellow = u.tasks.filter((t) => t.light.light === 'AT_RISK').length;
    doc.font('cjk').fontSize(11).text(`未办结任务 ${u.tasks.length} 项：逾期 ${red} 项，预警 ${yellow} 项。`, left).moveDown(0.4);
    let y = header(doc.y);
    if (u.tasks.length === 0) y = drawRow(['无未办结任务', '', '', '', '', ''], y, 'cjk', []);
    for (const t of u.tasks) {
      const cells = COLUMNS.map((c) => c.text(t));
      if (y + rowHeight(cells, 'cjk') > bottom) {
        doc.addPage();
        y = header(48);
      }
      y = drawRow(cells, y, 'cjk', COLUMNS.map((c) => c.fill?.(t)));
    }
    // The reply: room for three lines, the seal and the date; on a page of their own when the table filled this one.
    if (y + 170 > bottom) {
      doc.addPage();
      y = 48;
    }
    doc.font('cjk').fontSize(11).fillColor('#000').text('请于收到本单后按要求报送办理情况及佐证材料。', left, y + 16);
    doc.font('cjk-bold').fontSize(11).text('办理情况反馈：', left, doc.y + 8);
    let line = doc.y + 24;
    for (let i = 0; i < 3; i++, line += 26) doc.moveTo(left, line).lineTo(left + width, line).lineWidth(0.5).stroke('#808080');
    doc.font('cjk').fontSize(11).text('承办单位（盖章）：                    负责人：                    日期：', left, line + 4);
  }
  doc.end();
  return done;
}

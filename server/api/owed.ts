/**
 * What each unit owes (督办, issue 22 item 4): a unit's open tasks by light, oldest overdue first,
 * each with its last progress; the same as an .ics calendar of its deadlines and as a printable
 * 督办单 (.docx, one page per unit).
 */
import ical from 'ical-generator';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, BorderStyle, ShadingType } from 'docx';
import { read } from '../graph/queries';
import type { QueryRunner, Row } from '../graph/store';
import { perRows } from './per-rows';
import { LIGHT_FILLS, LIGHT_LABELS, latestKnown, STATE_LABELS, taskLight, type Light, type ProgressState, type TaskLight } from './analytics/light';
import type { Role } from './ledger';
import { ROLE_LABELS } from './ledger';

export interface OwedProgress { date: string; state: ProgressState; text: string; unitId: string; createdAt: string }

export interface OwedTask {
  taskId: string;
  documentId: string;
  ref: string;
  title: string;
  role: Role;
  deadlineText: string;
  /** YYYY-MM-DD, or '' when no date is stated. */
  deadlineDate: string;
  light: TaskLight;
  latest: OwedProgress | null;
}

export interface UnitOwed { unitId: string; unitName: string; jurisdictionName: string; tasks: OwedTask[] }

export interface OwedOptions {
  asOf: string;
  soonDays: number;
  staleDays: number;
  progress: ReadonlyMap<string, ReadonlyArray<OwedProgress>>;
  /** Only the tasks of these documents (a plan year's, api/years/scope.ts); all when absent. */
  documents?: ReadonlySet<string> | null;
}

const ROLE_RANK: Record<Role, number> = { lead: 0, responsible: 1, participant: 2 };
/** Red first, then yellow, green, grey; DONE is not owed. */
const LIGHT_RANK: Record<Light, number> = { OVERDUE: 0, AT_RISK: 1, ON_TRACK: 2, NO_DEADLINE: 3, DONE: 4 };

/** Red, then yellow, green, grey; within a light the earliest date first (so the oldest overdue leads), undated last. */
export function owedOrder(a: OwedTask, b: OwedTask): number {
  return LIGHT_RANK[a.light.light] - LIGHT_RANK[b.light.light]
    || (a.deadlineDate || '9999') .localeCompare(b.deadlineDate || '9999')
    || a.documentId.localeCompare(b.documentId) || a.ref.localeCompare(b.ref);
}

/**
 * The open tasks (light other than DONE) of each unit, in `owedOrder`; units in the order given.
 * Kept per the rows read and the progress index (the read cache hands back the same arrays until a
 * write, the progress store the same index until a record): a busy city's 53 units owe 60,000
 * duties at 10,000 plans, half a second to work out each time the 督办 view is opened.
 */
export async function owedByUnits(store: QueryRunner, unitIds: string[], o: OwedOptions): Promise<UnitOwed[]> {
  if (unitIds.length === 0) return [];
  const unitRows = await store.run(read('units-by-id'), { ids: unitIds });
  const assignments = await store.run(read('duties-of-units'), { unitIds });
  const taskIds = [...new Set(assignments.map((a) => a.taskId as string))];
  const taskRows = taskIds.length ? await store.run(read('task-deadlines-by-id'), { ids: taskIds }) : NO_ROWS;
  const rows: [object, ...object[]] = [unitRows, assignments, taskRows, o.progress, ...(o.documents ? [o.documents] : [])];
  return kept(rows, `${unitIds.join('|')}#${o.asOf}#${o.soonDays}#${o.staleDays}`, () => owedOf(unitIds, unitRows, assignments, taskRows, o));
}

const NO_ROWS: Row[] = [];
const kept = perRows<UnitOwed[]>();

function owedOf(unitIds: string[], unitRows: Row[], assignments: Row[], taskRows: Row[], o: OwedOptions): UnitOwed[] {
  const units = new Map(unitRows.map((u) => [u.id as string, u]));
  // A unit's strongest role in each task.
  const roles = new Map<string, Map<string, Role>>();
  for (const a of assignments) {
    const mine = roles.get(a.unitId as string) ?? new Map<string, Role>();
    const r = a.role as Role;
    const had = mine.get(a.taskId as string);
    if (!had || ROLE_RANK[r] < ROLE_RANK[had]) mine.set(a.taskId as string, r);
    roles.set(a.unitId as string, mine);
  }
  const tasks = new Map(taskRows.map((t) => [t.id as string, t]));
  // Most tasks have no record: their light is the same for every unit on them, worked out once.
  const unreported = new Map<string, TaskLight>();
  return unitIds.filter((id) => units.has(id)).map((unitId) => {
    const u = units.get(unitId)!;
    const owed: OwedTask[] = [];
    for (const [taskId, role] of roles.get(unitId) ?? []) {
      const t = tasks.get(taskId);
      if (!t || (o.documents && !o.documents.has(t.documentId as string))) continue;
      // As in the ledger: the records naming this unit and those about the task as a whole.
      const records = (o.progress.get(taskId) ?? NO_RECORDS).filter((p) => !p.unitId || p.unitId === unitId);
      let light = records.length ? undefined : unreported.get(taskId);
      if (!light) {
        light = taskLight({ deadlineKind: t.deadlineKind as string, deadlineDate: t.deadlineDate as string, progress: records }, o);
        if (!records.length) unreported.set(taskId, light);
      }
      if (light.light === 'DONE') continue;
      owed.push({
        taskId, documentId: t.documentId as string, ref: t.ref as string, title: t.title as string, role,
        deadlineText: (t.deadlineText as string) ?? '', deadlineDate: t.deadlineKind === 'date' ? ((t.deadlineDate as string) ?? '') : '',
        light, latest: records.length ? latestKnown(records, o.asOf) : null,
      });
    }
    return { unitId, unitName: u.name as string, jurisdictionName: (u.jurisdictionName as string) ?? '', tasks: owed.sort(owedOrder) };
  });
}

const NO_RECORDS: ReadonlyArray<OwedProgress> = [];

/** Each unit's open tasks counted by light, the units with any: most overdue first, then most at risk, then most open. */
export function owedSummary(units: UnitOwed[]): OwedSummary[] {
  let s = summaries.get(units);
  if (!s) summaries.set(units, (s = summaryOf(units)));
  return s;
}

export interface OwedSummary { unitId: string; unitName: string; open: number; overdue: number; atRisk: number; onTrack: number; noDeadline: number; oldestOverdue: string | null }

/** Kept with the lists summed up (owedByUnits keeps those): read only. */
const summaries = new WeakMap<UnitOwed[], OwedSummary[]>();

function summaryOf(units: UnitOwed[]): OwedSummary[] {
  return units.filter((u) => u.tasks.length > 0).map((u) => {
    const n = (l: Light) => u.tasks.filter((t) => t.light.light === l).length;
    const overdueDates = u.tasks.filter((t) => t.light.light === 'OVERDUE' && t.deadlineDate).map((t) => t.deadlineDate).sort();
    return {
      unitId: u.unitId, unitName: u.unitName, open: u.tasks.length, overdue: n('OVERDUE'), atRisk: n('AT_RISK'), onTrack: n('ON_TRACK'),
      noDeadline: n('NO_DEADLINE'), oldestOverdue: overdueDates[0] ?? null,
    };
  }).sort((a, b) => b.overdue - a.overdue || b.atRisk - a.atRisk || b.open - a.open || a.unitName.localeCompare(b.unitName, 'zh-CN'));
}

/** The unit ids of a jurisdiction (at most `limit`), by name. */
export async function unitsOf(store: QueryRunner, jurisdiction: string, limit = 500): Promise<string[]> {
  return (await store.run(read('unit-ids'), { jurisdiction, kind: '', text: '', limit })).map((r) => r.id as string);
}

/**
 * An iCalendar file of a unit's dated open tasks: one all-day event on each due date (a calendar
 * program can subscribe to its URL), the light and the last progress in the description.
 */
export function owedCalendar(u: UnitOwed, opts: { asOf: string; url?: string }): string {
  const cal = ical({ name: `${u.unitName} 任务时限`, prodId: { company: 'plan-graph-explorer', product: 'duban', language: 'ZH' }, ...(opts.url ? { url: opts.url } : {}) });
  for (const t of u.tasks) {
    if (!t.deadlineDate) continue;
    const day = new Date(`${t.deadlineDate}T00:00:00Z`);
    cal.createEvent({
      id: `${t.taskId}|${u.unitId}@plan-graph-explorer`,
      start: day,
      allDay: true,
      summary: `【${LIGHT_LABELS.zh[t.light.light]}】${t.ref} ${t.title}`,
      description: [
        `${ROLE_LABELS.zh[t.role]}：${u.unitName}`, `完成时限：${t.deadlineText}`, `灯号：${t.light.zh}`,
        t.latest ? `最新进展（${t.latest.date} ${STATE_LABELS.zh[t.latest.state]}）：${t.latest.text}` : '最新进展：未报告',
      ].join('\n'),
      stamp: new Date(`${opts.asOf}T00:00:00Z`),
    });
  }
  return cal.toString();
}

const cell = (text: string, opts: { bold?: boolean; fill?: string; width?: number } = {}) => new TableCell({
  children: [new Paragraph({ children: [new TextRun({ text, bold: opts.bold, size: 20, font: 'SimSun' })] })],
  ...(opts.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: opts.fill } } : {}),
  ...(opts.width ? { width: { size: opts.width, type: WidthType.PERCENTAGE } } : {}),
});

/**
 * The 督办单: one page per unit (a page break before each but the first) with its open tasks — ref
 * and task, role, deadline, light and why, last progress — and lines for the unit's reply.
 */
export async function owedDocx(units: UnitOwed[], opts: { asOf: string; issuer?: string }): Promise<Buffer> {
  const sections = units.map((u) => ({
    properties: {},
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '督 办 单', bold: true, size: 36, font: 'SimHei' })] }),
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `（截至${opts.asOf}）`, size: 22, font: 'SimSun' })] }),
      new Paragraph({ children: [new TextRun({ text: `承办单位：${u.unitName}${u.jurisdictionName ? `（${u.jurisdictionName}）` : ''}`, bold: true, size: 24, font: 'SimSun' })] }),
      new Paragraph({ children: [new TextRun({ text: `未办结任务 ${u.tasks.length} 项：逾期 ${u.tasks.filter((t) => t.light.light === 'OVERDUE').length} 项，预警 ${u.tasks.filter((t) => t.light.light === 'AT_RISK').length} 项。`, size: 22, font: 'SimSun' })] }),
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: ['编号', '任务', '角色', '完成时限', '灯号', '最新进展'].map((h) => cell(h, { bold: true, fill: 'D9D9D9' })) }),
          ...(u.tasks.length ? u.tasks.map((t) => new TableRow({
            cantSplit: true,
            children: [
              cell(t.ref, { width: 8 }), cell(t.title, { width: 30 }), cell(ROLE_LABELS.zh[t.role], { width: 7 }), cell(t.deadlineText || '未写明', { width: 13 }),
              cell(`${LIGHT_LABELS.zh[t.light.light]}：${t.light.zh}`, { fill: LIGHT_FILLS[t.light.light].slice(2), width: 20 }),
              cell(t.latest ? `${t.latest.date} ${STATE_LABELS.zh[t.latest.state]}：${t.latest.text}` : '未报告', { width: 22 }),
            ],
          })) : [new TableRow({ children: [cell('无未办结任务'), cell(''), cell(''), cell(''), cell(''), cell('')] })]),
        ],
      }),
      new Paragraph({ spacing: { before: 300 }, children: [new TextRun({ text: '请于收到本单后按要求报送办理情况及佐证材料。', size: 22, font: 'SimSun' })] }),
      new Paragraph({ spacing: { before: 200 }, children: [new TextRun({ text: '办理情况反馈：', bold: true, size: 22, font: 'SimSun' })] }),
      ...[1, 2, 3].map(() => new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '808080', space: 1 } }, spacing: { before: 360 }, children: [] })),
      new Paragraph({ spacing: { before: 300 }, children: [new TextRun({ text: '承办单位（盖章）：                    负责人：                    日期：', size: 22, font: 'SimSun' })] }),
    ],
  }));
  // Each unit a section of its own: a section starts on a new page.
  return Packer.toBuffer(new Document({ creator: opts.issuer ?? '责任落实图谱', title: '督办单', sections: sections.length ? sections : [{ children: [new Paragraph('无单位')] }] }));
}

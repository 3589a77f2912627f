/**
 * Tasks from tables: a row with a task cell is a task; its unit columns say who (each column's
 * role, ★ or (牵头) marking a lead), its leader and deadline columns the rest. A row with units
 * but no task cell continues the task above (a merged task cell: a second lead with its own
 * date); a row with a task but no units, under a merged unit cell, takes the units above.
 */
import type { Span } from './document-model';
import { blankRule, type FoundNote, type NoteItem, parseNoteContent, pushList } from './notes';
import { titleColumn, type Table, type TableRow } from './tables';
import { blank, titleOf, type TaskDraft } from './task-draft';

/** Leading numbering inside a task cell: 1. / 1、 / (一). */
const CELL_NUMBERING = /^\s*(?:\d{1,3}\s*[.、](?!\d)|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、)\s*/;

export function tableTasks(text: string, tables: readonly Table[]): TaskDraft[] {
  const out: TaskDraft[] = [];
  tables.forEach((table, t) => {
    const { columns } = table;
    const titleCol = titleColumn(columns);
    if (titleCol < 0) return;
    const serialCol = columns.findIndex((c) => c.kind === 'serial');
    let group = '';
    let rowNo = 0;
    let last: TaskDraft | null = null;
    let lastUnits: Span[][] | null = null;
    for (const row of table.rows) {
      if (row.group) {
        group = titleOf(cell(text, row.group).replace(/^[一二三四五六七八九十]{1,3}、\s*/, ''));
        continue;
      }
      const titleSpan = firstTaskCell(row, table, titleCol);
      const unitCells = columns.map((c, k) => (c.kind === 'units' ? row.cells[k]! : []));
      const hasUnits = unitCells.some((c) => c.length > 0);
      if (!titleSpan) {
        // Units with no task: the task cell above was merged over this row.
        if (last && hasUnits) last.clauses.push({ start: row.start, end: row.end, note: rowNote(text, table, row) });
        continue;
      }
      // A task under a merged unit cell (no serial of its own) takes the units above.
      const inherited = !hasUnits && !row.numbered && lastUnits ? lastUnits : null;
      const note = rowNote(text, table, row, inherited);
      if (note.items.length === 0) continue; // a row no unit owns (a total, or one cut off) is no task
      rowNo++;
      const serial = serialCol >= 0 ? row.cells[serialCol]![0] : undefined;
      const titleText = titleSpan.map((sp) => cell(text, sp)).join('');
      const numbering = CELL_NUMBERING.exec(titleText);
      const ref = `表${t + 1}.${serial ? cell(text, serial).replace(/[.、]$/, '') : numbering ? numbering[0].replace(/[^\d一二三四五六七八九十]/g, '') : rowNo}`;
      const taskCells = columns.flatMap((c, k) => (c.kind === 'task' || c.kind === 'other' ? row.cells[k]! : []));
      const draft: TaskDraft = {
        ref,
        title: titleOf(titleText.slice(numbering?.[0].length ?? 0)),
        section: group || table.caption,
        part: table.caption,
        start: row.start,
        end: row.end,
        text: taskCells.map((s) => cell(text, s)).join('\n'),
        clauses: [{ start: row.start, end: row.end, note }],
        fields: [note],
        items: [],
        ownText: {
          text: blank(text, row.start, row.end, unitAndPersonCells(table, row)),
          offset: row.start,
        },
        groupLeader: null,
      };
      out.push(draft);
      last = draft;
      if (hasUnits) lastUnits = unitCells;
    }
  });
  return out;
}

const CELL_NOTE = /[::]|牵头|配合|协办|参与|参加|主办|负责/;
const cell = (text: string, s: Span) => text.slice(s.start, s.end);

/** The row's title cell (its lines joined): the best task column, else another task column that is filled. */
function firstTaskCell(row: TableRow, table: Table, titleCol: number): Span[] | null {
  const own = row.cells[titleCol]!;
  if (own.length > 0) return own;
  const ranked = table.columns
    .map((c, k) => ({ c, k }))
    .filter(({ c, k }) => c.kind === 'task' && k !== titleCol && row.cells[k]!.length > 0)
    .sort((a, b) => b.c.rank - a.c.rank);
  // A lower-ranked cell (项目名称) stands in only when the row has no other way to name the task.
  return ranked[0] && table.columns[ranked[0].k]!.rank >= 1 ? row.cells[ranked[0].k]! : null;
}

function unitAndPersonCells(table: Table, row: TableRow): Span[] {
  return table.columns.flatMap((c, k) => (c.kind === 'units' || c.kind === 'leader' || c.kind === 'serial' ? row.cells[k]! : []));
}

/** The row read as a responsibility note: its units with their column's role, its leaders and deadline. */
function rowNote(text: string, table: Table, row: TableRow, inherited: Span[][] | null = null): FoundNote {
  const items: NoteItem[] = [];
  let statesLeadRule = false;
  table.columns.forEach((c, k) => {
    if (c.kind !== 'units') return;
    for (const span of inherited ? inherited[k]! : row.cells[k]!) {
      const unblanked = blankRule(cell(text, span));
      statesLeadRule ||= unblanked.statesLeadRule;
      // A cell that writes a note of its own (牵头单位:A;配合单位:B, or A牵头,B配合) gives its own roles.
      const own = CELL_NOTE.test(unblanked.text) ? parseNoteContent(unblanked.text) : null;
      if (own && own.items.length > 0) {
        for (const item of own.items) items.push({ ...item, offset: span.start + item.offset });
        continue;
      }
      const before = items.length;
      pushList(items, unblanked.text, span.start, c.role!);
      // In a lead column where one unit is marked (市发改委(牵头)、市市场监管局), the others are not leads.
      const cellItems = items.slice(before);
      if (c.role === 'lead' && cellItems.some((i) => i.marked)) for (const i of cellItems) if (!i.marked) i.role = 'responsible';
    }
  });
  const fieldsOf = (kind: 'leader' | 'deadline') =>
    table.columns.flatMap((c, k) => (c.kind === kind ? row.cells[k]! : [])).map((s) => ({ text: cell(text, s), offset: s.start }));
  const deadlines = fieldsOf('deadline');
  return {
    items,
    statesLeadRule,
    hasExplicitLead: items.some((i) => i.role === 'lead'),
    leaders: fieldsOf('leader'),
    deadline: deadlines[0] ?? null,
    start: row.start,
    end: row.end,
    quote: text.slice(row.start, row.end),
  };
}

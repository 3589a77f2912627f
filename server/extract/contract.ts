import { z } from 'zod';
import { ROLES } from './note-patterns';
import { UNIT_KINDS } from './unit-names';

/**
 * The extraction contract (DESIGN.md): what `npm run extract` prints and what the loader reads.
 * Extend by adding fields; never rename or remove one. Offsets (`start`, `end`) are UTF-16
 * code-unit offsets into the decoded raw file (for CJK text, one per character).
 */
const Span = { start: z.number().int().nonnegative(), end: z.number().int().nonnegative() };

export const RegionRef = z.object({ id: z.string(), name: z.string(), level: z.enum(['province', 'prefecture', 'county', 'area']) });

export const Assignment = z.object({
  unitId: z.string(),
  surface: z.string(),
  role: z.enum(ROLES as [string, ...string[]]),
  inferred: z.boolean(),
  /** 1-based index of the clause (the task's n-th note) this assignment comes from. */
  clause: z.number().int().positive(),
  quote: z.string(),
  ...Span,
  /** Where this unit's own name stands in the raw file. */
  surfaceStart: z.number().int().nonnegative(),
  surfaceEnd: z.number().int().nonnegative(),
});

export const Clause = z.object({ n: z.number().int().positive(), text: z.string(), quote: z.string(), ...Span });
export const SubItem = z.object({ ordinal: z.string(), title: z.string(), ...Span });

/**
 * When a task is due, as the document writes it. `date` is the last day of the stated period
 * (2024年底 → 2024-12-31; 6月底 with no year → the plan's year); null unless kind is 'date'.
 * `start`/`end` locate `text` in the raw file.
 */
export const DEADLINE_KINDS = ['date', 'ongoing', 'periodic', 'unparsed'] as const;
export const Deadline = z.object({
  text: z.string(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  kind: z.enum(DEADLINE_KINDS),
  ...Span,
});

/** A person or post answerable for a task (牵头负责领导:刘惠; 责任领导:分管副市长). Never a unit. */
export const Leader = z.object({
  /** The person's name, spaces inside it removed (王 健 → 王健); the post itself when only a post is named. */
  name: z.string(),
  /** The post or unit written with the name (市卫生局方来英 → 市卫生局), or null. */
  post: z.string().nullable(),
  ...Span,
});

export const Task = z.object({
  id: z.string(),
  ref: z.string(),
  title: z.string(),
  section: z.string(),
  part: z.string(),
  text: z.string(),
  ...Span,
  clauses: z.array(Clause),
  items: z.array(SubItem),
  assignments: z.array(Assignment),
  regions: z.array(RegionRef),
  deadline: Deadline.optional(),
  leaders: z.array(Leader),
});

export const Figure = z.object({ label: z.string(), value: z.number(), unit: z.string(), quote: z.string(), ...Span });

/** What the extractor saw and used in a document (server/extract/coverage.ts); a document is never empty without saying why. */
export const Coverage = z.object({
  words: z.array(z.object({ word: z.string(), count: z.number().int().positive(), first: z.number().int().nonnegative(), line: z.number().int().positive() })),
  clauses: z.object({ read: z.number().int().nonnegative(), used: z.number().int().nonnegative() }),
  tasks: z.number().int().nonnegative(),
  tasksWithUnits: z.number().int().nonnegative(),
  unusedUnits: z.array(z.object({ surface: z.string(), start: z.number().int().nonnegative(), line: z.number().int().positive() })),
  warning: z.object({
    kind: z.enum(['no-words', 'not-understood', 'unattached']),
    line: z.number().int().positive().nullable(),
    start: z.number().int().nonnegative().nullable(),
    quote: z.string(),
    count: z.number().int().nonnegative(),
    en: z.string(),
    zh: z.string(),
  }).nullable(),
});

/**
 * A row or item of a progress report (kind 'progress'): the task as it restates it, what it says
 * was done, and the state read from that text with the clause that says so (null when none does).
 * Which plan task it reports on is decided when loaded beside the plans (server/progress/links.ts).
 */
export const PROGRESS_STATES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'BEHIND'] as const;
export const ProgressRow = z.object({
  n: z.number().int().positive(),
  ref: z.string(),
  title: z.string(),
  report: z.string(),
  shape: z.enum(['table', 'item']),
  ...Span,
  reportStart: z.number().int().nonnegative(),
  reportEnd: z.number().int().nonnegative(),
  state: z.object({ state: z.enum(PROGRESS_STATES), quote: z.string(), ...Span }).nullable(),
  /** The task of this very document the row is (a 任务分解表 with a 落实情况 column), or null. */
  taskId: z.string().nullable(),
});

export const Jurisdiction = z.object({ code: z.string(), name: z.string() });

export const LeadRule = z.enum(['first-listed', 'first-listed-by-convention', 'explicit', 'none']);

export const Document = z.object({
  id: z.string(),
  file: z.string(),
  title: z.string(),
  titleInferred: z.boolean(),
  /** 'progress': a report of what was done (a progress column, or items saying 已完成/正在/滞后); its rows are in `progress`. */
  kind: z.enum(['plan', 'report', 'progress']),
  issuer: z.string().nullable(),
  docNumber: z.string().nullable(),
  date: z.string().nullable(),
  sha256: z.string(),
  encoding: z.string(),
  /** The file's format as read (text, docx, xlsx, pdf, html); offsets index the text the reader produced. */
  format: z.enum(['text', 'docx', 'xlsx', 'pdf', 'html']),
  script: z.enum(['simplified', 'traditional']),
  jurisdiction: Jurisdiction.extend({ evidence: z.string() }).nullable(),
  leadRule: LeadRule,
  tasks: z.array(Task),
  figures: z.array(Figure),
  /** The rows of a progress report; present (maybe empty) only when kind is 'progress'. */
  progress: z.array(ProgressRow).optional(),
  /** Optional only so that extractions written before it still load; every extraction now has it. */
  coverage: Coverage.optional(),
});

export const Unit = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS as [string, ...string[]]),
  jurisdiction: Jurisdiction,
  surfaces: z.array(z.string()),
  members: z.array(z.string()),
  region: z.string().optional(),
});

export const Region = RegionRef.extend({ within: z.string().nullable(), partOf: z.array(z.string()) });

export const Warning = z.object({ file: z.string(), message: z.string(), start: z.number().int().optional() });

export const ExtractResult = z.object({
  documents: z.array(Document),
  units: z.array(Unit),
  regions: z.array(Region),
  warnings: z.array(Warning),
});

export type ExtractResult = z.infer<typeof ExtractResult>;
export type ExtractedDocument = z.infer<typeof Document>;
export type ExtractedTask = z.infer<typeof Task>;
export type ExtractedAssignment = z.infer<typeof Assignment>;
export type ExtractedUnit = z.infer<typeof Unit>;
export type ExtractedRegion = z.infer<typeof Region>;
export type ExtractWarning = z.infer<typeof Warning>;
export type ExtractedDeadline = z.infer<typeof Deadline>;
export type ExtractedLeader = z.infer<typeof Leader>;
export type ExtractedProgressRow = z.infer<typeof ProgressRow>;
export type ExtractedCoverage = z.infer<typeof Coverage>;

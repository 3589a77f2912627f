/**
 * The graph model (DESIGN.md) as data. It drives the embedded store's table declarations, the
 * Neo4j constraints, and the schema the Cypher linter checks every statement against.
 */
export type PropType = 'STRING' | 'INT64' | 'BOOLEAN' | 'DOUBLE' | 'STRING[]';

export interface NodeDef { label: string; props: Record<string, PropType> }
export interface RelDef { type: string; from: string; to: string; props: Record<string, PropType> }

const ASSIGNMENT_PROPS: Record<string, PropType> = {
  role: 'STRING',
  inferred: 'BOOLEAN',
  clause: 'INT64',
  quote: 'STRING',
  start: 'INT64',
  end: 'INT64',
  surface: 'STRING',
  surfaceStart: 'INT64',
  surfaceEnd: 'INT64',
  documentId: 'STRING',
  // The task's id, also on the edge: a unit's assignments are read without the Task table (which
  // the embedded store would scan whole to give each edge its task's id).
  taskId: 'STRING',
  // …and its ref and title, which the lists show (a unit's leads, a link's evidence): the list reads
  // no Task row, one look-up per task on the embedded store (a unit's 198 tasks: 70 of its 72 ms).
  // A task's title changes only by loading its document again (corrections too), which writes its edges anew.
  taskRef: 'STRING',
  taskTitle: 'STRING',
};

export const NODES: readonly NodeDef[] = [
  {
    label: 'Document',
    props: {
      id: 'STRING', file: 'STRING', title: 'STRING', titleInferred: 'BOOLEAN', kind: 'STRING', issuer: 'STRING',
      docNumber: 'STRING', date: 'STRING', sha256: 'STRING', encoding: 'STRING', script: 'STRING',
      leadRule: 'STRING', jurisdictionEvidence: 'STRING', figures: 'STRING', raw: 'STRING',
      // Its number of tasks (fixed for a version of the document), so a jurisdiction's total is read, not counted.
      taskCount: 'INT64',
      // A digest of everything a load writes for it (graph-rows.ts): the same files loaded again can be skipped.
      loadHash: 'STRING',
      // A progress report's rows (JSON; extract/contract.ts ProgressRow), linked to plan tasks by server/progress/links.ts.
      progress: 'STRING',
      // The plan year (extract/plan-year.ts): -1 when unknown; a range is yearFrom–yearTo, year = yearFrom.
      // yearSource: title, number or date ('' unknown). series: the key documents of one series share.
      year: 'INT64', yearFrom: 'INT64', yearTo: 'INT64', yearSource: 'STRING', series: 'STRING',
    },
  },
  {
    label: 'Task',
    props: {
      id: 'STRING', documentId: 'STRING', ref: 'STRING', title: 'STRING', section: 'STRING', part: 'STRING',
      text: 'STRING', start: 'INT64', end: 'INT64', clauses: 'STRING', items: 'STRING', searchText: 'STRING',
      // The deadline as the document writes it ('' and -1 when it states none; kind '' then).
      deadlineText: 'STRING', deadlineDate: 'STRING', deadlineKind: 'STRING', deadlineStart: 'INT64', deadlineEnd: 'INT64',
    },
  },
  {
    label: 'Unit',
    props: {
      id: 'STRING', name: 'STRING', kind: 'STRING', aliases: 'STRING[]', jurisdictionCode: 'STRING',
      jurisdictionName: 'STRING', region: 'STRING', searchText: 'STRING',
      // Kept by every load (analytics.ts): tasks led / responsible for / taken part in, and per due date (JSON).
      leadTasks: 'INT64', responsibleTasks: 'INT64', participantTasks: 'INT64', dueCounts: 'STRING',
    },
  },
  { label: 'Region', props: { id: 'STRING', name: 'STRING', level: 'STRING', searchText: 'STRING' } },
  // A person or post answerable for tasks (牵头负责领导:刘惠); never a Unit. Id: jurisdiction code + name.
  { label: 'Leader', props: { id: 'STRING', name: 'STRING', post: 'STRING', jurisdictionCode: 'STRING', searchText: 'STRING' } },
  // Two regions tied by tasks, with how many (analytics.ts keeps it with every load). Id: `fromId|toId`, fromId < toId.
  {
    label: 'RegionLink',
    props: { id: 'STRING', fromId: 'STRING', toId: 'STRING', tasks: 'INT64', issuerTasks: 'INT64', carrierTasks: 'INT64', comentionTasks: 'INT64' },
  },
  // The region network's counts per scale, kept like RegionLink (region-tallies.ts). Id: `scale|fromId|toId`.
  { label: 'RegionTally', props: { id: 'STRING', scale: 'STRING', fromId: 'STRING', toId: 'STRING', tasks: 'INT64' } },
  // Two units of one jurisdiction sharing tasks, with how many (kept like RegionLink). Id: `aId|bId`, aId < bId.
  { label: 'UnitPair', props: { id: 'STRING', jurisdictionCode: 'STRING', aId: 'STRING', bId: 'STRING', tasks: 'INT64' } },
];

/** The three roles of an assignment, each its own relationship type (DESIGN.md). */
export const ROLE_RELS = { lead: 'LEADS', responsible: 'RESPONSIBLE_FOR', participant: 'PARTICIPATES_IN' } as const;

export const RELS: readonly RelDef[] = [
  { type: 'ISSUED_IN', from: 'Document', to: 'Region', props: {} },
  { type: 'HAS_TASK', from: 'Document', to: 'Task', props: {} },
  ...Object.values(ROLE_RELS).map((type) => ({ type, from: 'Unit', to: 'Task', props: ASSIGNMENT_PROPS })),
  { type: 'IN_JURISDICTION', from: 'Unit', to: 'Region', props: {} },
  { type: 'MEMBER_OF', from: 'Unit', to: 'Unit', props: {} },
  { type: 'MENTIONS', from: 'Task', to: 'Region', props: {} },
  { type: 'WITHIN', from: 'Region', to: 'Region', props: {} },
  // A task that makes two regions parties (analytics.ts partyTies: the issuer and a region it
  // names, or two regions whose governments it assigns): an edge to each, naming the other. A
  // link's evidence is read from one region's edges, their own properties only: the embedded store
  // reads a Task's properties after a traversal by scanning the whole Task table. The task's ref and
  // title ride along, as on the assignments, for the evidence's list.
  {
    type: 'TIES', from: 'Task', to: 'Region',
    props: { partner: 'STRING', taskId: 'STRING', documentId: 'STRING', start: 'INT64', taskRef: 'STRING', taskTitle: 'STRING' },
  },
  // Where the document names the leader for the task, and the post written there ('' if none).
  { type: 'OVERSEES', from: 'Leader', to: 'Task', props: { post: 'STRING', start: 'INT64', end: 'INT64', documentId: 'STRING' } },
];

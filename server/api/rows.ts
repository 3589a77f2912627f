/** The shapes the read queries in cypher/read/ return; GraphQL resolvers start from these. */
export interface DocumentRow {
  id: string; file: string; title: string; titleInferred: boolean; kind: string; issuer: string; docNumber: string;
  date: string; sha256: string; script: string; leadRule: string; jurisdictionEvidence: string; figures: string;
  jurisdictionCode: string | null; jurisdictionName: string | null;
  /** The plan year (-1 or null when unknown: null on a store not yet synced) and series (graph/plan-years.ts). */
  taskCount?: number | null;
  year: number | null; yearFrom: number | null; yearTo: number | null; yearSource: string | null; series: string | null;
}
export interface TaskRow {
  id: string; documentId: string; ref: string; title: string; section: string; part: string; text: string;
  start: number; end: number; clauses: string; items: string;
  deadlineText: string; deadlineDate: string; deadlineKind: string; deadlineStart: number; deadlineEnd: number;
}
export interface UnitRow {
  id: string; name: string; kind: string; aliases: string[] | null; jurisdictionCode: string; jurisdictionName: string; region: string;
}
export interface AssignmentRow {
  taskId: string; unitId: string; role: 'lead' | 'responsible' | 'participant'; inferred: boolean; clause: number; quote: string;
  start: number; end: number; surface: string; surfaceStart: number; surfaceEnd: number; documentId: string;
  /** The task's ref and title, from the edge ('' or null on an edge written before edges carried them). */
  taskRef?: string | null; taskTitle?: string | null;
}
export interface RegionRow { id: string; name: string; level: string; within: Array<string | null> | null }

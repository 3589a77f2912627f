/** Accountability gaps: tasks a supervisor should look at because no single unit clearly leads. */
export type GapKind = 'NO_LEAD' | 'COLLECTIVE_LEAD' | 'INFERRED_LEAD' | 'MANY_LEADS';

export interface Gap { taskId: string; kinds: GapKind[]; leadIds: string[] }

/** Rows of cypher/read/lead-gaps: one per task and lead (a null lead for a task with none). */
export function findGaps(rows: Array<Record<string, unknown>>, minJointLeads: number): Gap[] {
  const tasks = new Map<string, Array<Record<string, unknown>>>();
  for (const r of rows) tasks.set(r.taskId as string, [...(tasks.get(r.taskId as string) ?? []), r]);
  const gaps: Gap[] = [];
  for (const [taskId, list] of tasks) {
    const leads = list.filter((r) => r.unitId);
    const kinds: GapKind[] = [];
    if (leads.length === 0) kinds.push('NO_LEAD');
    else {
      if (leads.every((r) => r.kind === 'collective')) kinds.push('COLLECTIVE_LEAD');
      if (leads.some((r) => r.inferred === true)) kinds.push('INFERRED_LEAD');
      const perClause = new Map<number, number>();
      for (const r of leads) perClause.set(r.clause as number, (perClause.get(r.clause as number) ?? 0) + 1);
      if ([...perClause.values()].some((n) => n >= minJointLeads)) kinds.push('MANY_LEADS');
    }
    if (kinds.length) gaps.push({ taskId, kinds, leadIds: [...new Set(leads.map((r) => r.unitId as string))] });
  }
  return gaps;
}

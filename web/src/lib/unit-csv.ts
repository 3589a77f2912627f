/**
 * The unit panel's CSV: one row per task the unit owns (the rule the load and the ledger count
 * by: a task once, under the unit's strongest role), headers and labels in the page's language,
 * named after what it holds: unit, jurisdiction, date. 市发展和改革委员会 exists in three cities.
 */
import { toCsv } from './csv';

export type CsvLang = 'zh' | 'en';

export interface UnitDuty {
  role: 'LEAD' | 'RESPONSIBLE' | 'PARTICIPANT';
  task: { ref: string; title: string; document: { title: string } };
  assignments: Array<{ role: UnitDuty['role']; inferred: boolean; quote: string }>;
}

const HEADERS: Record<CsvLang, readonly string[]> = {
  zh: ['单位', '辖区', '角色', '按排序推定', '文件', '任务编号', '任务', '原文依据'],
  en: ['Unit', 'Jurisdiction', 'Role', 'Inferred from list order', 'Document', 'Task ref', 'Task', 'Source note'],
};

export const ROLE_WORDS: Record<CsvLang, Record<UnitDuty['role'], string>> = {
  zh: { LEAD: '牵头', RESPONSIBLE: '责任', PARTICIPANT: '参与' },
  en: { LEAD: 'Lead', RESPONSIBLE: 'Responsible', PARTICIPANT: 'Participant' },
};

const YES: Record<CsvLang, [string, string]> = { zh: ['是', '否'], en: ['yes', 'no'] };

/** A file name safe on Windows and macOS: parts joined by '-', characters a file system refuses dropped. */
export function exportName(parts: ReadonlyArray<string | null | undefined>, ext: string): string {
  const clean = parts.filter((p): p is string => !!p).map((p) => p.replace(/[\\/:*?"<>|\s]+/g, '_'));
  return `${clean.join('-')}.${ext}`;
}

export function unitCsv(unit: { name: string; jurisdiction: string | null }, duties: readonly UnitDuty[], lang: CsvLang): string {
  const h = HEADERS[lang];
  const [yes, no] = YES[lang];
  return toCsv(duties, [
    { header: h[0]!, value: () => unit.name },
    { header: h[1]!, value: () => unit.jurisdiction ?? '' },
    { header: h[2]!, value: (d) => ROLE_WORDS[lang][d.role] },
    // Inferred when every note giving it this role leaves the lead to list order.
    { header: h[3]!, value: (d) => (isInferred(d) ? yes : no) },
    { header: h[4]!, value: (d) => d.task.document.title },
    { header: h[5]!, value: (d) => d.task.ref },
    { header: h[6]!, value: (d) => d.task.title },
    { header: h[7]!, value: (d) => [...new Set(d.assignments.map((a) => a.quote))].join('\n') },
  ]);
}

export function isInferred(d: UnitDuty): boolean {
  const mine = d.assignments.filter((a) => a.role === d.role);
  return mine.length > 0 && mine.every((a) => a.inferred);
}

/** unit + jurisdiction + date: 市发展和改革委员会-邵阳市-2026-12-05.csv */
export function unitCsvName(unit: { name: string; jurisdiction: string | null }, date: string): string {
  return exportName([unit.name, unit.jurisdiction, date], 'csv');
}

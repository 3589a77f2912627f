/** The ledger's filters as the export's query string, so 导出台账 exports exactly what the page shows. */
export interface LedgerFilters { jurisdiction: string; document: string; unit: string; role: string; status: string; lang: 'zh' | 'en'; year?: number }

export function ledgerExportUrl(f: LedgerFilters): string {
  const p = new URLSearchParams();
  if (f.jurisdiction) p.set('jurisdiction', f.jurisdiction);
  if (f.document) p.set('document', f.document);
  if (f.unit) p.set('unit', f.unit);
  if (f.role) p.set('role', f.role);
  if (f.status) p.set('status', f.status);
  if (f.year) p.set('year', String(f.year));
  if (f.lang === 'en') p.set('lang', 'en');
  const q = p.toString();
  return `/export/ledger.xlsx${q ? `?${q}` : ''}`;
}

/** The same filters as the ledger query's variables (GraphQL enum values in capitals). */
export function ledgerVariables(f: LedgerFilters): { filter: Record<string, string | number> } {
  const filter: Record<string, string | number> = {};
  if (f.jurisdiction) filter.jurisdiction = f.jurisdiction;
  if (f.document) filter.document = f.document;
  if (f.unit) filter.unit = f.unit;
  if (f.role) filter.role = f.role.toUpperCase();
  if (f.status) filter.status = f.status;
  if (f.year) filter.year = f.year;
  return { filter };
}

export type SortKey = 'n' | 'documentTitle' | 'ref' | 'unitName' | 'role' | 'deadlineDate' | 'status';

const STATUS_ORDER: Record<string, number> = { PAST_DUE: 0, DUE_SOON: 1, LATER: 2, ONGOING: 3, NONE: 4 };
const ROLE_ORDER: Record<string, number> = { LEAD: 0, RESPONSIBLE: 1, PARTICIPANT: 2 };

/** Rows sorted by a column; undated rows last when sorting by date; ties keep the ledger's order. */
export function sortRows<T extends Record<SortKey, unknown>>(rows: readonly T[], key: SortKey, desc: boolean): T[] {
  const value = (r: T): string | number => {
    if (key === 'status') return STATUS_ORDER[r.status as string] ?? 9;
    if (key === 'role') return ROLE_ORDER[r.role as string] ?? 9;
    if (key === 'deadlineDate') return (r.deadlineDate as string | null) ?? (desc ? '' : '9999');
    if (key === 'n') return r.n as number;
    return String(r[key] ?? '');
  };
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
    return (desc ? -c : c) || (a.n as number) - (b.n as number);
  });
}

/** Marks where any of the terms occur in a text, longest first, not overlapping: [start, end) pairs in order. */
export function termSpans(text: string, terms: readonly string[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const term of [...terms].sort((a, b) => b.length - a.length)) {
    if (!term) continue;
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) {
      if (!spans.some(([s, e]) => at < e && at + term.length > s)) spans.push([at, at + term.length]);
    }
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

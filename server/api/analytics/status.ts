/**
 * A task's status as of a date, from its stated deadline alone. There is no progress data:
 * PAST_DUE means only that the stated date has passed, not that the work is unfinished.
 */
export const STATUSES = ['PAST_DUE', 'DUE_SOON', 'LATER', 'ONGOING', 'NONE'] as const;
export type TaskStatus = (typeof STATUSES)[number];

export const DEFAULT_SOON_DAYS = 30;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as YYYY-MM-DD, or null when the text is not one (2024-02-30 is not). */
export function parseIsoDate(s: string): string | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s ? s : null;
}

/** Today in the server's zone, as YYYY-MM-DD. */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** Days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * PAST_DUE: the stated date is before asOf. DUE_SOON: due from asOf to asOf + soonDays.
 * LATER: due after that. ONGOING: standing or recurring work (长期坚持, 每年). NONE: no date stated.
 */
export function taskStatus(kind: string | null | undefined, date: string | null | undefined, asOf: string, soonDays = DEFAULT_SOON_DAYS): TaskStatus {
  if (kind === 'ongoing' || kind === 'periodic') return 'ONGOING';
  if (kind !== 'date' || !date) return 'NONE';
  const days = daysBetween(asOf, date);
  if (days < 0) return 'PAST_DUE';
  return days <= soonDays ? 'DUE_SOON' : 'LATER';
}

/** The month (2024-06) or quarter (2024-Q2) a date falls in, with its first and last day. */
export function periodOf(date: string, by: 'MONTH' | 'QUARTER'): { period: string; from: string; to: string } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const first = by === 'MONTH' ? month : Math.floor((month - 1) / 3) * 3 + 1;
  const last = by === 'MONTH' ? month : first + 2;
  const p = (n: number) => String(n).padStart(2, '0');
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  return {
    period: by === 'MONTH' ? `${year}-${p(month)}` : `${year}-Q${(first + 2) / 3}`,
    from: `${year}-${p(first)}-01`,
    to: `${year}-${p(last)}-${p(lastDay)}`,
  };
}

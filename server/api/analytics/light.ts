import { daysBetween } from './status';

/**
 * A task's light: its deadline and its latest progress together (issue 22). The one place a light
 * is computed; the timeline, the ledger, the exports and the page all ask here.
 *
 * In order, the first that applies:
 *   DONE         latest progress (dated on or before asOf) says 已完成 — green, even after the date;
 *   OVERDUE      a stated date before asOf, and not DONE — red;
 *   AT_RISK      latest progress says 滞后 (BEHIND) — yellow, whatever the date;
 *   NO_DEADLINE  no date stated (长期坚持, 每年, nothing) — grey;
 *   AT_RISK      due within soonDays with no fresh progress (none, older than staleDays, or 未启动) — yellow;
 *   ON_TRACK     otherwise: not past due, and either fresh progress or the date is still beyond the window — green.
 * Progress dated after asOf is not yet known at asOf, so it is left out.
 */
export const LIGHTS = ['DONE', 'ON_TRACK', 'AT_RISK', 'OVERDUE', 'NO_DEADLINE'] as const;
export type Light = (typeof LIGHTS)[number];

export const PROGRESS_STATES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'BEHIND'] as const;
export type ProgressState = (typeof PROGRESS_STATES)[number];

export const DEFAULT_STALE_DAYS = 30;

export interface LightInput {
  deadlineKind: string | null | undefined;
  deadlineDate: string | null | undefined;
  /** Progress records of the task (any order); only date and state are read. */
  progress: ReadonlyArray<{ date: string; state: ProgressState; createdAt?: string }>;
}

export interface LightOptions { asOf: string; soonDays: number; staleDays: number }

/** Why a light is what it is, as data (the words are made from it in both languages). */
export type LightReason =
  | { code: 'done'; progressDate: string }
  | { code: 'overdue'; date: string; days: number; state: ProgressState | null }
  | { code: 'behind'; progressDate: string }
  | { code: 'no-date'; kind: string; state: ProgressState | null }
  | { code: 'due-soon-no-progress'; date: string; days: number; lastProgress: string | null; state: ProgressState | null }
  | { code: 'fresh-progress'; date: string | null; days: number | null; progressDate: string; state: ProgressState }
  | { code: 'not-due-yet'; date: string; days: number; lastProgress: string | null };

export interface TaskLight { light: Light; reason: LightReason; zh: string; en: string }

/** The latest record known at asOf: the latest date, then the latest made. */
export function latestKnown<T extends { date: string; createdAt?: string }>(progress: ReadonlyArray<T>, asOf: string): T | null {
  let best: T | null = null;
  for (const p of progress) {
    if (p.date > asOf) continue;
    if (!best || p.date > best.date || (p.date === best.date && (p.createdAt ?? '') > (best.createdAt ?? ''))) best = p;
  }
  return best;
}

export function taskLight(t: LightInput, o: LightOptions): TaskLight {
  const latest = latestKnown(t.progress, o.asOf);
  const state = latest?.state ?? null;
  const date = t.deadlineKind === 'date' && t.deadlineDate ? t.deadlineDate : null;
  const days = date ? daysBetween(o.asOf, date) : null;
  const fresh = latest !== null && daysBetween(latest.date, o.asOf) <= o.staleDays && latest.state !== 'NOT_STARTED';
  let light: Light;
  let reason: LightReason;
  if (latest && state === 'DONE') {
    [light, reason] = ['DONE', { code: 'done', progressDate: latest.date }];
  } else if (date && days! < 0) {
    [light, reason] = ['OVERDUE', { code: 'overdue', date, days: -days!, state }];
  } else if (latest && state === 'BEHIND') {
    [light, reason] = ['AT_RISK', { code: 'behind', progressDate: latest.date }];
  } else if (!date) {
    [light, reason] = ['NO_DEADLINE', { code: 'no-date', kind: t.deadlineKind || 'none', state }];
  } else if (days! <= o.soonDays && !fresh) {
    [light, reason] = ['AT_RISK', { code: 'due-soon-no-progress', date, days: days!, lastProgress: latest?.date ?? null, state }];
  } else if (fresh) {
    [light, reason] = ['ON_TRACK', { code: 'fresh-progress', date, days, progressDate: latest!.date, state: latest!.state }];
  } else {
    [light, reason] = ['ON_TRACK', { code: 'not-due-yet', date, days: days!, lastProgress: latest?.date ?? null }];
  }
  return { light, reason, zh: reasonText(reason, 'zh'), en: reasonText(reason, 'en') };
}

export const LIGHT_LABELS: Record<'zh' | 'en', Record<Light, string>> = {
  zh: { DONE: '已完成', ON_TRACK: '正常推进', AT_RISK: '预警', OVERDUE: '逾期', NO_DEADLINE: '无时限' },
  en: { DONE: 'Done', ON_TRACK: 'On track', AT_RISK: 'At risk', OVERDUE: 'Overdue', NO_DEADLINE: 'No deadline' },
};

export const STATE_LABELS: Record<'zh' | 'en', Record<ProgressState, string>> = {
  zh: { NOT_STARTED: '未启动', IN_PROGRESS: '推进中', DONE: '已完成', BEHIND: '滞后' },
  en: { NOT_STARTED: 'Not started', IN_PROGRESS: 'In progress', DONE: 'Done', BEHIND: 'Behind' },
};

/** Fill colours (ARGB): green, green, yellow, red, grey — the ledger's cells and the page's lights. */
export const LIGHT_FILLS: Record<Light, string> = {
  DONE: 'FFC6EFCE', ON_TRACK: 'FFC6EFCE', AT_RISK: 'FFFFE699', OVERDUE: 'FFF4B6B6', NO_DEADLINE: 'FFE7E6E6',
};

function reasonText(r: LightReason, lang: 'zh' | 'en'): string {
  const st = (s: ProgressState | null) => (s ? STATE_LABELS[lang][s] : null);
  const zh = lang === 'zh';
  switch (r.code) {
    case 'done':
      return zh ? `${r.progressDate}报告已完成` : `reported done on ${r.progressDate}`;
    case 'overdue':
      return zh
        ? `完成时限${r.date}已过${r.days}天，${r.state ? `最新进展为“${st(r.state)}”` : '未报告进展'}`
        : `due ${r.date}, ${r.days} day${r.days === 1 ? '' : 's'} ago, ${r.state ? `latest progress “${st(r.state)}”` : 'no progress reported'}`;
    case 'behind':
      return zh ? `${r.progressDate}报告进展滞后` : `progress reported behind on ${r.progressDate}`;
    case 'no-date': {
      const what = zh ? (r.kind === 'ongoing' || r.kind === 'periodic' ? '长期或定期任务，无截止日期' : '文件未写明完成时限')
        : (r.kind === 'ongoing' || r.kind === 'periodic' ? 'standing or recurring work, no due date' : 'the document states no deadline');
      return r.state ? (zh ? `${what}；最新进展为“${st(r.state)}”` : `${what}; latest progress “${st(r.state)}”`) : what;
    }
    case 'due-soon-no-progress': {
      const due = zh ? (r.days === 0 ? `今天（${r.date}）到期` : `${r.days}天后（${r.date}）到期`) : (r.days === 0 ? `due today (${r.date})` : `due in ${r.days} day${r.days === 1 ? '' : 's'} (${r.date})`);
      const why = r.state === 'NOT_STARTED' ? (zh ? `${r.lastProgress}报告未启动` : `reported not started on ${r.lastProgress}`)
        : r.lastProgress ? (zh ? `最近一次进展在${r.lastProgress}，已超过时效` : `last progress on ${r.lastProgress} is stale`)
        : (zh ? '未报告进展' : 'no progress reported');
      return zh ? `${due}，${why}` : `${due}, ${why}`;
    }
    case 'fresh-progress':
      return zh
        ? `${r.progressDate}报告“${st(r.state)}”${r.date ? `，${r.date}到期` : ''}`
        : `reported “${st(r.state)}” on ${r.progressDate}${r.date ? `, due ${r.date}` : ''}`;
    case 'not-due-yet':
      return zh
        ? `${r.date}到期，还有${r.days}天${r.lastProgress ? '' : '；未报告进展'}`
        : `due ${r.date}, in ${r.days} days${r.lastProgress ? '' : '; no progress reported yet'}`;
  }
}

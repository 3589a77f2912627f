import { TIMELINE_QUERY } from '../api';
import { useT } from '../i18n';
import type { PeriodBy } from '../lib/url-state';
import { useQuery } from '../useQuery';
import { useYear, yearVariable } from '../lib/year';
import { PastDueNote, StatusLight } from './StatusLight';
import { LightBadge } from './TaskProgress';
import { Status } from './Status';
import { UnitFilterChip, useUnitName } from './UnitFilterChip';

interface Coverage { tasks: number; shown: number; undated: number; ongoing: number; outside: number; beyondLimit: number }

interface Bucket {
  period: string; from: string; to: string;
  entries: Array<{ date: string; status: string; light: { light: string; zh: string; en: string }; task: { id: string; ref: string; title: string; deadline: { text: string } | null; document: { title: string }; leaders: Array<{ name: string }> }; leads: Array<{ id: string; name: string }> }>;
}

/** The window shown when the URL names none: five years either side of this one. */
export function defaultWindow(now = new Date()): { from: string; to: string } {
  const y = now.getFullYear();
  return { from: `${y - 5}-01-01`, to: `${y + 5}-12-31` };
}

/** Tasks by the month or quarter they are due, each with its status light, leads and leaders. */
export function TimelineView(props: {
  jurisdictions: Array<{ id: string; name: string }>; jurisdiction: string; by: PeriodBy; from: string; to: string; unit: string; role: string;
  onChange: (p: { jurisdiction?: string; by?: PeriodBy; from?: string; to?: string; role?: '' | 'lead' | 'responsible' | 'participant'; unit?: string }) => void;
  onSelect: (id: string) => void; onTask: (id: string) => void;
}) {
  const { t, tf, lang } = useT();
  const year = useYear();
  const w = defaultWindow();
  const from = props.from || w.from;
  const to = props.to || w.to;
  const vars = { j: props.jurisdiction || null, from, to, by: props.by, unit: props.unit || null, role: props.unit && props.role ? props.role.toUpperCase() : null, y: yearVariable(year) };
  const q = useQuery<{ timeline: Bucket[]; timelineCoverage: Coverage }>(TIMELINE_QUERY, vars);
  const buckets = q.data?.timeline ?? [];
  const c = q.data?.timelineCoverage;
  const unit = useUnitName(props.unit);
  return (
    <section className="timeline" aria-label={t('timeline')}>
      <div className="toolbar">
        <label>{t('jurisdiction')}{' '}
          <select value={props.jurisdiction} onChange={(e) => props.onChange({ jurisdiction: e.target.value })}>
            <option value="">{t('all')}</option>
            {props.jurisdictions.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
          </select>
        </label>
        <label>{t('from')} <input type="date" value={from} onChange={(e) => props.onChange({ from: e.target.value })} /></label>
        <label>{t('to')} <input type="date" value={to} onChange={(e) => props.onChange({ to: e.target.value })} /></label>
        <span className="segmented">
          <button type="button" aria-pressed={props.by === 'MONTH'} onClick={() => props.onChange({ by: 'MONTH' })}>{t('byMonth')}</button>
          <button type="button" aria-pressed={props.by === 'QUARTER'} onClick={() => props.onChange({ by: 'QUARTER' })}>{t('byQuarter')}</button>
        </span>
        {props.unit && (
          <>
            <UnitFilterChip id={props.unit} {...unit} onClear={() => props.onChange({ unit: '' })} onOpen={props.onSelect} />
            <label>{t('role')}{' '}
              <select value={props.role} onChange={(e) => props.onChange({ role: e.target.value as '' })}>
                <option value="">{t('all')}</option>
                <option value="lead">{t('lead')}</option><option value="responsible">{t('responsible')}</option><option value="participant">{t('participant')}</option>
              </select>
            </label>
          </>
        )}
      </div>
      {c && (
        // Every task not placed on the timeline is accounted for, with the reason.
        <p className="coverage" data-testid="timeline-coverage">
          {tf('timelineShown', { shown: c.shown, tasks: c.tasks })}
          {c.undated > 0 && ` · ${tf('timelineUndated', { n: c.undated })}`}
          {c.ongoing > 0 && ` · ${tf('timelineOngoing', { n: c.ongoing })}`}
          {c.outside > 0 && ` · ${tf('timelineOutside', { n: c.outside })}`}
          {c.beyondLimit > 0 && ` · ${tf('timelineBeyond', { n: c.beyondLimit })}`}
          {(c.undated > 0 || c.ongoing > 0) && <> · <a href={`?view=ledger${props.jurisdiction ? `&jurisdiction=${props.jurisdiction}` : ''}${year ? `&year=${year}` : ''}${props.unit ? `&unit=${encodeURIComponent(props.unit)}` : ''}${lang === 'en' ? '&lang=en' : ''}`}>{t('timelineSeeAll')}</a></>}
        </p>
      )}
      <PastDueNote />
      <Status loading={q.loading} error={q.error} retry={q.retry} empty={!q.loading && !q.error && buckets.length === 0}
        emptyText={props.unit ? tf('emptyForUnit', { unit: unit.name, where: unit.where }) : undefined} />
      <ol className="buckets" data-testid="timeline">
        {buckets.map((b) => (
          <li key={b.period} data-period={b.period}>
            <h3>{b.period} <small>{b.from} – {b.to} · {b.entries.length}</small></h3>
            <ul>
              {b.entries.map((e) => (
                <li key={e.task.id} className="entry" data-status={e.status} data-light={e.light.light}>
                  <StatusLight status={e.status} /> <LightBadge compact light={e.light.light} reason={lang === 'zh' ? e.light.zh : e.light.en} /> <span className="date">{e.date}</span>{' '}
                  <button type="button" className="link" onClick={() => props.onTask(e.task.id)}>{e.task.ref} {e.task.title}</button>
                  <small> {e.task.document.title}{e.task.deadline && ` · ${e.task.deadline.text}`}</small>
                  <div className="who">
                    {e.leads.map((u) => <button key={u.id} type="button" className="chip" onClick={() => props.onSelect(u.id)}>{t('lead')}: {u.name}</button>)}
                    {e.task.leaders.length > 0 && <span className="leaders">{t('leaders')}: {e.task.leaders.map((l) => l.name).join('、')}</span>}
                  </div>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}

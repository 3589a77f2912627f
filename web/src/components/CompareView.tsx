import { COMPARE_QUERY } from '../api';
import { useT } from '../i18n';
import { useQuery } from '../useQuery';
import { Status } from './Status';
import '../years.css';

type TaskRef = { id: string; ref: string; title: string; assignments?: Array<{ unit: { id: string; name: string } }> };
interface Comparison {
  sameSeries: boolean;
  from: { id: string; title: string; year: number | null; jurisdiction: { name: string } | null };
  to: { id: string; title: string; year: number | null; jurisdiction: { name: string } | null };
  continued: Array<{ score: number; terms: string[]; leadChanged: boolean; reworded: boolean; from: TaskRef; to: TaskRef }>;
  added: TaskRef[];
  dropped: TaskRef[];
  units: Array<{ unit: { id: string; name: string }; kept: number; gained: TaskRef[]; lost: TaskRef[]; years: Array<{ year: number; total: number }> }>;
}

const DOCS = '{ documents(limit: 5000) { id title year jurisdiction { name } } }';

/**
 * 对比: two documents (two versions of a plan series, or any two an editor picks), the tasks the later
 * continues, adds and drops, and per unit the tasks gained and lost with its load across years.
 */
export function CompareView(props: { from: string; to: string; onChange: (p: { cmpFrom?: string; cmpTo?: string }) => void; onTask: (id: string) => void; onSelect: (id: string) => void }) {
  const { t, tf, counted } = useT();
  const docs = useQuery<{ documents: Array<{ id: string; title: string; year: number | null; jurisdiction: { name: string } | null }> }>(DOCS, {});
  const q = useQuery<{ compareDocuments: Comparison }>(COMPARE_QUERY, props.from && props.to && props.from !== props.to ? { from: props.from, to: props.to } : null);
  const c = q.data?.compareDocuments;
  const label = (d: { title: string; year: number | null; jurisdiction: { name: string } | null }) => `${d.year ? `${d.year} · ` : ''}${d.jurisdiction ? `${d.jurisdiction.name} · ` : ''}${d.title}`;
  const picker = (which: 'cmpFrom' | 'cmpTo', value: string, text: string) => (
    <label>{text}
      <select value={value} onChange={(e) => props.onChange({ [which]: e.target.value })} data-testid={`compare-${which}`}>
        <option value="">—</option>
        {(docs.data?.documents ?? []).slice().sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || a.title.localeCompare(b.title, 'zh-CN'))
          .map((d) => <option key={d.id} value={d.id}>{label(d)}</option>)}
      </select>
    </label>
  );
  const leads = (task: TaskRef) => (task.assignments ?? []).map((a) => a.unit.name).join('、');
  const taskLink = (task: TaskRef) => (
    <button type="button" className="link" onClick={() => props.onTask(task.id)}>{task.title}</button>
  );
  const maxYear = Math.max(1, ...(c?.units ?? []).flatMap((u) => u.years.map((y) => y.total)));

  return (
    <section className="compare" aria-label={t('compareView')} data-testid="compare-view">
      <h2>{t('compareView')}</h2>
      <div className="pickers">
        {picker('cmpFrom', props.from, t('compareFrom'))}
        {picker('cmpTo', props.to, t('compareTo'))}
      </div>
      {!(props.from && props.to) && <p className="note">{t('comparePick')}</p>}
      <Status loading={q.loading || docs.loading} error={q.error ?? docs.error} retry={q.error ? q.retry : docs.retry} />
      {c && (
        <>
          {!c.sameSeries && <p className="note" data-testid="not-same-series">{t('notSameSeries')}</p>}
          <p className="summary" data-testid="compare-summary">{label(c.from)} → {label(c.to)}：{tf('compareSummary', { continued: c.continued.length, added: c.added.length, dropped: c.dropped.length })}</p>
          <p className="note">{t('matchNote')}</p>
          <div className="columns">
            <section className="col continued" data-testid="compare-continued">
              <h3>{counted(t('continuedTasks'), c.continued.length)}</h3>
              <ul className="tasks">
                {c.continued.map((p) => (
                  <li key={p.to.id}>
                    <div className="pair">
                      <span className="ref">{p.from.ref}</span><span>{taskLink(p.from)}</span>
                      <span className="ref">→ {p.to.ref}</span><span>{taskLink(p.to)}
                        {p.leadChanged && <span className="tag">{t('leadChanged')}</span>}
                        {p.reworded && <span className="tag reworded">{t('rewordedTask')}</span>}</span>
                    </div>
                    {p.leadChanged && <div className="leads">{leads(p.from)} → {leads(p.to)}</div>}
                    <div className="terms">{t('compareTerms')}：{p.terms.join('、')}</div>
                  </li>
                ))}
              </ul>
            </section>
            <section className="col added" data-testid="compare-added">
              <h3>{counted(t('addedTasks'), c.added.length)}</h3>
              <ul className="tasks">{c.added.map((task) => <li key={task.id}><span className="ref">{task.ref}</span> {taskLink(task)}<div className="leads">{leads(task)}</div></li>)}</ul>
            </section>
            <section className="col dropped" data-testid="compare-dropped">
              <h3>{counted(t('droppedTasks'), c.dropped.length)}</h3>
              <ul className="tasks">{c.dropped.map((task) => <li key={task.id}><span className="ref">{task.ref}</span> {taskLink(task)}<div className="leads">{leads(task)}</div></li>)}</ul>
            </section>
          </div>
          <h3>{t('unitChanges')}</h3>
          <table className="units" data-testid="compare-units">
            <thead><tr><th>{t('unit')}</th><th>{t('gained')}</th><th>{t('lost')}</th><th>{t('kept')}</th><th>{t('loadByYear')}</th></tr></thead>
            <tbody>
              {c.units.map((u) => (
                <tr key={u.unit.id}>
                  <td><button type="button" className="link" onClick={() => props.onSelect(u.unit.id)}>{u.unit.name}</button></td>
                  <td className="gain">{u.gained.length ? `+${u.gained.length}` : ''} {u.gained.map((g) => g.ref).join('、')}</td>
                  <td className="loss">{u.lost.length ? `−${u.lost.length}` : ''} {u.lost.map((g) => g.ref).join('、')}</td>
                  <td>{u.kept}</td>
                  <td>
                    <div className="bars" role="img" aria-label={u.years.map((y) => `${y.year}: ${y.total}`).join(', ')}>
                      {u.years.map((y) => <span key={y.year} title={`${y.year}: ${y.total}`}>{y.total}<i style={{ height: `${Math.max(2, (y.total / maxYear) * 28)}px` }} />{y.year}</span>)}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

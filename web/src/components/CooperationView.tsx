import { useState } from 'react';
import { COOPERATION_EXPORT_QUERY, COOPERATION_QUERY, gql } from '../api';
import { useT } from '../i18n';
import { toCsv } from '../lib/csv';
import { download } from '../lib/download';
import { useQuery } from '../useQuery';
import { useYear, yearVariable } from '../lib/year';
import { OpenedLink, type Link, type LinkHead } from './LinkEvidence';
import { Status } from './Status';

/** The regions a region is tied to by tasks, strongest first, with the evidence and who carries it. */
export function CooperationView(props: { regions: Array<{ id: string; name: string }>; region: string; onRegion: (id: string) => void; onSelect: (id: string) => void }) {
  const { t, tf } = useT();
  const y = yearVariable(useYear());
  const q = useQuery<{ cooperationLinks: LinkHead[] }>(COOPERATION_QUERY, { region: props.region, y });
  const links = q.data?.cooperationLinks ?? [];
  const [open, setOpen] = useState<string>('');
  const [exporting, setExporting] = useState<{ error?: string } | null>(null);
  const max = Math.max(1, ...links.map((l) => l.count));
  // The file holds every link's evidence, which the list does not read: asked for when the file is.
  const exportCsv = () => {
    setExporting({});
    gql<{ cooperationLinks: Link[] }>(COOPERATION_EXPORT_QUERY, { region: props.region, y })
      .then((d) => { saveCsv(d.cooperationLinks); setExporting(null); })
      .catch((err: unknown) => setExporting({ error: (err as Error).message }));
  };
  const saveCsv = (full: Link[]) => download(`cooperation-${props.region}.csv`, toCsv(full.flatMap((l) => l.tasks.map((task) => ({ l, task }))), [
    { header: 'from', value: (r) => r.l.from.name }, { header: 'to', value: (r) => r.l.to.name }, { header: 'kinds', value: (r) => r.l.kinds.join(' ') },
    { header: 'document', value: (r) => r.task.document.title }, { header: 'ref', value: (r) => r.task.ref }, { header: 'task', value: (r) => r.task.title },
    { header: 'leads', value: (r) => r.task.assignments.map((a) => a.unit.name).join('、') },
  ]));
  return (
    <section className="cooperation" aria-label={t('cooperation')}>
      <div className="toolbar">
        <label>{t('region')}{' '}
          <select value={props.region} onChange={(e) => props.onRegion(e.target.value)}>
            {props.regions.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
            {/* A region opened from the region network need not have issued a plan. */}
            {!props.regions.some((r) => r.id === props.region) && <option value={props.region}>{links[0]?.from.name ?? props.region}</option>}
          </select>
        </label>
        <button type="button" onClick={exportCsv} disabled={links.length === 0 || (exporting !== null && !exporting.error)}>{t('exportCsv')}</button>
      </div>
      {exporting?.error && <Status loading={false} error={exporting.error} retry={exportCsv} />}
      <Status loading={q.loading} error={q.error} retry={q.retry} empty={!q.loading && !q.error && links.length === 0} />
      <ul className="links" data-testid="links">
        {links.map((l) => {
          const key = `${l.from.id}|${l.to.id}`;
          return (
            <li key={key} data-link={`${l.from.name}–${l.to.name}`}>
              <button type="button" className="link-row" aria-expanded={open === key} onClick={() => setOpen(open === key ? '' : key)}>
                <span className="pair">{l.from.name} — {l.to.name}</span>
                <span className="bar" style={{ width: `${(60 * l.count) / max}%` }} />
                <span className="value">{tf('tasksN', { n: l.count })}</span>
              </button>
              {open === key && <OpenedLink from={l.from.id} to={l.to.id} scope={{ y }} onSelect={props.onSelect} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

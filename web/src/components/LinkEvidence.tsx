import { LINK_UNITS_QUERY } from '../api';
import { useT } from '../i18n';
import { useQuery } from '../useQuery';
import { Status } from './Status';

export interface Link {
  from: { id: string; name: string }; to: { id: string; name: string; level: string }; kinds: string[]; count: number;
  tasks: Array<{ id: string; ref: string; title: string; document: { id: string; title: string }; assignments: Array<{ unit: { id: string; name: string } }> }>;
}

/** How the link was asked for (folded, cities opened, a plan year): its units are asked the same way. */
export interface LinkScope { fold?: boolean; open?: readonly string[] | null; y?: number | null }

/** The tasks behind a cooperation link, each with its leads, and the units that carry it (fetched when shown). */
export function LinkEvidence(props: { link: Link; scope?: LinkScope; onSelect: (id: string) => void }) {
  const { t } = useT();
  const l = props.link;
  const u = useQuery<{ cooperationLinks: Array<{ units: Array<{ id: string; name: string }> }> }>(LINK_UNITS_QUERY, {
    region: l.from.id, partner: l.to.id, fold: props.scope?.fold ?? false, open: props.scope?.open ?? null, y: props.scope?.y ?? null,
  });
  const units = u.data?.cooperationLinks[0]?.units;
  return (
    <div className="evidence" data-testid="evidence">
      <h4>{t('evidence')}</h4>
      <ol>
        {l.tasks.map((task) => (
          <li key={task.id}>
            <span className="ref">{task.document.title} {task.ref}</span> {task.title}
            {task.assignments.length > 0 && <> · {t('lead')}: {task.assignments.map((a) => <button key={a.unit.id} type="button" className="link" onClick={() => props.onSelect(a.unit.id)}>{a.unit.name}</button>)}</>}
          </li>
        ))}
      </ol>
      {units ? <p data-testid="carried-by">{t('carriedBy')}: {units.map((x) => x.name).join('、')}</p> : <Status loading={u.loading} error={u.error} retry={u.retry} />}
    </div>
  );
}

import { LINK_QUERY, LINK_UNITS_QUERY } from '../api';
import { useT } from '../i18n';
import { useQuery } from '../useQuery';
import { Status } from './Status';

/** A link as the cooperation list has it. */
export interface LinkHead { from: { id: string; name: string }; to: { id: string; name: string; level: string }; kinds: string[]; count: number }

/** A link with its evidence (LINK_QUERY). */
export interface Link extends LinkHead {
  tasks: Array<{ id: string; ref: string; title: string; document: { id: string; title: string }; assignments: Array<{ unit: { id: string; name: string } }> }>;
}

/** How the link was asked for (folded, cities opened, a plan year): its units are asked the same way. */
export interface LinkScope { fold?: boolean; open?: readonly string[] | null; y?: number | null }

/** A link's evidence, asked for when it is opened (the list has the links alone). */
export function OpenedLink(props: { from: string; to: string; scope?: LinkScope; onSelect: (id: string) => void }) {
  const q = useQuery<{ cooperationLinks: Link[] }>(LINK_QUERY, {
    region: props.from, partner: props.to, fold: props.scope?.fold ?? false, open: props.scope?.open ?? null, y: props.scope?.y ?? null,
  });
  const link = q.data?.cooperationLinks[0];
  return link ? <LinkEvidence link={link} scope={props.scope} onSelect={props.onSelect} /> : <Status loading={q.loading} error={q.error} retry={q.retry} empty={!q.loading && !q.error} />;
}

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

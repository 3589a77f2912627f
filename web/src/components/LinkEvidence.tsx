import { useT } from '../i18n';

export interface Link {
  from: { id: string; name: string }; to: { id: string; name: string; level: string }; kinds: string[]; count: number;
  tasks: Array<{ id: string; ref: string; title: string; document: { id: string; title: string }; assignments: Array<{ unit: { id: string; name: string } }> }>;
  units: Array<{ id: string; name: string }>;
}

/** The tasks behind a cooperation link, each with its leads, and the units that carry it. */
export function LinkEvidence(props: { link: Link; onSelect: (id: string) => void }) {
  const { t } = useT();
  const l = props.link;
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
      <p>{t('carriedBy')}: {l.units.map((u) => u.name).join('、')}</p>
    </div>
  );
}

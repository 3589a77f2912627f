import { useState, type ReactNode } from 'react';
import { gql } from '../api';
import { useT } from '../i18n';
import { atLeast, useSession } from '../session';
import { useQuery } from '../useQuery';
import { Status } from './Status';

interface Data {
  task: {
    id: string; title: string; version: number; deadline: { text: string; date: string | null } | null;
    assignments: Array<{ role: string; unit: { id: string; name: string } }>;
    corrections: Array<{ field: string; original: string | null; value: string | null; by: string; at: string; correction: string }>;
  } | null;
}

const QUERY = `query($id: ID!) { task(id: $id) { id title version deadline { text date } assignments { role unit { id name } }
  corrections { field original value by at correction } } }`;
const ROLES = ['LEAD', 'RESPONSIBLE', 'PARTICIPANT'] as const;

/** An editor's corrections of one task: title, deadline, each unit's role or removal, a unit added; each undoable. */
export function TaskCorrections(props: { id: string; onChanged: () => void }) {
  const { t } = useT();
  const session = useSession();
  const [gen, setGen] = useState(0);
  const q = useQuery<Data>(QUERY, { id: props.id, gen, user: session.user?.name ?? null });
  const [title, setTitle] = useState<string | null>(null);
  const [deadline, setDeadline] = useState<string | null>(null);
  const [unitText, setUnitText] = useState('');
  const [error, setError] = useState('');
  const task = q.data?.task;
  if (!atLeast(session.user, 'editor')) return null;
  // An editor whose corrections could not be read is told so, not shown an empty panel.
  if (!task) return q.error ? <Status error={q.error} retry={q.retry} /> : null;
  // assignment:430700:市大数据局 → 市大数据局; a role → its name; a deadline → its text.
  const label = (field: string) => (field === 'title' ? t('docTitle') : field === 'deadline' ? t('deadline') : field.split(':').pop()!);
  const shown = (v: string | null) => {
    if (v === null) return '—';
    if (ROLES.includes(v.toUpperCase() as (typeof ROLES)[number])) return t(v.toLowerCase() as 'lead');
    try {
      const d = JSON.parse(v) as { text?: string };
      if (d && typeof d === 'object' && 'text' in d) return d.text ?? '—';
    } catch { /* plain text */ }
    return v;
  };

  const run = async (mutation: string, vars: Record<string, unknown>) => {
    setError('');
    try {
      await gql(mutation, { task: task.id, version: task.version, ...vars });
      setTitle(null);
      setDeadline(null);
      setUnitText('');
      setGen((n) => n + 1);
      props.onChanged();
    } catch (err) {
      const m = (err as Error).message;
      setError(/changed .* since you read it/.test(m) ? `${t('conflict')}${m}` : m);
    }
  };
  const addUnit = async () => {
    const r = await gql<{ search: { units: Array<{ id: string; name: string }> } }>('query($t: String!) { search(text: $t, limit: 5) { units { id name } } }', { t: unitText });
    const u = r.search.units[0];
    if (!u) return setError(`${unitText}: ${t('empty')}`);
    await run('mutation($task: ID!, $unit: ID!, $version: Int!) { addAssignment(task: $task, unit: $unit, role: RESPONSIBLE, version: $version) { id } }', { unit: u.id });
  };

  return (
    <section className="task-corrections" data-testid="task-corrections">
      <h3>{t('edit')}</h3>
      {error && <p className="error" role="alert">{error}</p>}
      <p>
        {title === null ? (
          <button type="button" onClick={() => setTitle(task.title)} data-testid="edit-title">{t('edit')}: {t('docTitle')}</button>
        ) : (
          <span className="correct-controls">
            <input value={title} onChange={(e) => setTitle(e.target.value)} aria-label={t('docTitle')} data-testid="title-input" />
            <button type="button" onClick={() => run('mutation($task: ID!, $title: String!, $version: Int!) { correctTaskTitle(task: $task, title: $title, version: $version) { id } }', { title })} data-testid="save-title">{t('save')}</button>
            <button type="button" onClick={() => setTitle(null)}>{t('cancel')}</button>
          </span>
        )}
        {' '}
        {deadline === null ? (
          <button type="button" onClick={() => setDeadline(task.deadline?.text ?? '')}>{t('edit')}: {t('deadline')}</button>
        ) : (
          <span className="correct-controls">
            <input value={deadline} onChange={(e) => setDeadline(e.target.value)} placeholder="2025年6月底前" aria-label={t('deadline')} />
            <button type="button" onClick={() => run('mutation($task: ID!, $text: String!, $date: Date, $version: Int!) { correctTaskDeadline(task: $task, text: $text, date: $date, version: $version) { id } }', { text: deadline, date: lastDayOf(deadline) })}>{t('save')}</button>
            <button type="button" onClick={() => setDeadline(null)}>{t('cancel')}</button>
          </span>
        )}
      </p>
      <ul className="assignment-edit">
        {task.assignments.map((a) => (
          <li key={a.unit.id}>
            {a.unit.name}
            <span className="correct-controls">
              <select value={a.role} aria-label={`${t('role')} ${a.unit.name}`} data-testid={`role-${a.unit.name}`}
                onChange={(e) => run('mutation($task: ID!, $unit: ID!, $role: Role!, $version: Int!) { changeAssignmentRole(task: $task, unit: $unit, role: $role, version: $version) { id } }', { unit: a.unit.id, role: e.target.value })}>
                {ROLES.map((r) => <option key={r} value={r}>{t(r.toLowerCase() as 'lead')}</option>)}
              </select>
              <button type="button" onClick={() => run('mutation($task: ID!, $unit: ID!, $version: Int!) { removeAssignment(task: $task, unit: $unit, version: $version) { id } }', { unit: a.unit.id })} data-testid={`remove-${a.unit.name}`}>{t('removeUnit')}</button>
            </span>
          </li>
        ))}
      </ul>
      <p className="correct-controls">
        <input value={unitText} onChange={(e) => setUnitText(e.target.value)} placeholder={t('addUnit')} aria-label={t('addUnit')} />
        <button type="button" disabled={!unitText.trim()} onClick={addUnit}>{t('addUnit')}</button>
      </p>
      {task.corrections.length > 0 && (
        <>
          <h4>{t('corrections')}</h4>
          <ul data-testid="task-correction-list">
            {task.corrections.map((c) => (
              <li key={c.correction}>
                {label(c.field)}: {shown(c.original)} → {shown(c.value)} <small>({c.by})</small>{' '}
                <button type="button" className="link" onClick={() => run('mutation($id: ID!, $version: Int) { undoCorrection(id: $id, version: $version) { id } }', { id: c.correction })} data-testid={`undo-${c.correction}`}>{t('undo')}</button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** 2025年6月底前 → 2025-06-30; 2025年底 → 2025-12-31; anything else has no date. */
function lastDayOf(text: string): string | null {
  const m = /(\d{4})年(?:(\d{1,2})月)?/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 12;
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A corrected value, marked; the document's own value on hover. */
export function CorrectedMark(props: { task: { corrections?: Array<{ field: string; original: string | null; by: string }> }; field: string; children: ReactNode }) {
  const { tf } = useT();
  const c = props.task.corrections?.find((x) => x.field === props.field);
  if (!c) return <>{props.children}</>;
  return <span className="corrected" title={tf('corrected', { original: c.original ?? '—', by: c.by })} data-testid={`corrected-${props.field}`}>{props.children}</span>;
}

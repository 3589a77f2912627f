import { useState } from 'react';
import { gql } from '../api';
import { useT } from '../i18n';
import { useQuery } from '../useQuery';

interface DraftData {
  draft: {
    id: string; title: string; jurisdiction: { code: string; name: string } | null; warnings: string[];
    tasks: Array<{ ref: string; title: string; assignments: Array<{ unitId: string; name: string; role: string; inferred: boolean }> }>;
  } | null;
}
const DRAFT = `query($id: ID!) { draft(id: $id) { id title jurisdiction { code name } warnings
  tasks { ref title assignments { unitId name role inferred } } } }`;
const ROLES = ['LEAD', 'RESPONSIBLE', 'PARTICIPANT'] as const;

export interface Imported { documentId: string; status: string; tasks: number; units: number; warnings: string[] }

/**
 * The review step of an upload: what was read (title, jurisdiction, tasks with their units and
 * roles, warnings), with the editor's fixes — another jurisdiction, a row that is not a task, a
 * unit's role, a unit removed — then 导入 or 放弃. The fixes are kept as corrections by the server.
 */
export function ReviewDraft(props: { id: string; onImported: (r: Imported) => void; onDiscarded: () => void }) {
  const { t } = useT();
  const q = useQuery<DraftData>(DRAFT, { id: props.id });
  const [title, setTitle] = useState<string | null>(null);
  const [jurisdiction, setJurisdiction] = useState<{ code: string; name: string } | null>(null);
  const [place, setPlace] = useState('');
  const [places, setPlaces] = useState<Array<{ id: string; name: string }>>([]);
  const [dropped, setDropped] = useState<Set<string>>(new Set());
  const [roles, setRoles] = useState<Map<string, string | null>>(new Map());
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const d = q.data?.draft;
  if (q.loading) return <p className="note">{t('loading')}</p>;
  if (!d) return <p className="error">{q.error ?? t('empty')}</p>;

  const key = (ref: string, unitId: string) => `${ref}|${unitId}`;
  const findPlaces = async () => {
    const r = await gql<{ search: { regions: Array<{ id: string; name: string }> } }>('query($t: String!) { search(text: $t, limit: 8) { regions { id name } } }', { t: place });
    setPlaces(r.search.regions.filter((x) => /^\d{6}$/.test(x.id)));
  };
  const submit = async () => {
    setBusy(true);
    setError('');
    try {
      const edits = {
        title: title ?? undefined,
        jurisdiction: jurisdiction?.code,
        removeTasks: [...dropped],
        assignments: [...roles].map(([k, role]) => ({ ref: k.split('|')[0], unitId: k.slice(k.indexOf('|') + 1), role })),
      };
      const r = await gql<{ importDraft: Imported }>('mutation($id: ID!, $edits: DraftEdits) { importDraft(id: $id, edits: $edits) { documentId status tasks units warnings } }', { id: d.id, edits });
      props.onImported(r.importDraft);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const discard = async () => {
    await gql('mutation($id: ID!) { discardDraft(id: $id) }', { id: d.id }).catch(() => undefined);
    props.onDiscarded();
  };

  return (
    <div className="review" data-testid="review">
      <label>{t('docTitle')} <input value={title ?? d.title} onChange={(e) => setTitle(e.target.value)} data-testid="review-title" /></label>
      <p>
        {t('jurisdiction')}: <strong data-testid="review-jurisdiction">{(jurisdiction ?? d.jurisdiction)?.name ?? '未知辖区'}</strong>{' '}
        <input value={place} onChange={(e) => setPlace(e.target.value)} placeholder={t('changeJurisdiction')} aria-label={t('changeJurisdiction')} data-testid="review-place" />
        <button type="button" onClick={findPlaces} disabled={!place.trim()} data-testid="review-find-place">{t('find')}</button>
        {places.map((p) => <button type="button" key={p.id} className="link" onClick={() => { setJurisdiction({ code: p.id, name: p.name }); setPlaces([]); }} data-testid={`review-place-${p.id}`}>{p.name}</button>)}
      </p>
      {d.warnings.length > 0 && <ul className="warnings">{d.warnings.map((w) => <li key={w}>{w}</li>)}</ul>}
      <ol className="review-tasks">
        {d.tasks.map((task) => (
          <li key={task.ref} className={dropped.has(task.ref) ? 'dropped' : undefined}>
            <label className="check"><input type="checkbox" checked={dropped.has(task.ref)} onChange={(e) => setDropped((s) => { const n = new Set(s); if (e.target.checked) n.add(task.ref); else n.delete(task.ref); return n; })} />{t('notATask')}</label>
            <strong> {task.ref} {task.title}</strong>
            <ul>
              {task.assignments.map((a) => {
                const k = key(task.ref, a.unitId);
                const chosen = roles.has(k) ? roles.get(k) : a.role;
                return (
                  <li key={a.unitId} className={chosen === null ? 'dropped' : undefined}>
                    {a.name}{' '}
                    <select value={chosen ?? ''} aria-label={`${t('role')} ${a.name}`} data-testid={`review-role-${task.ref}-${a.name}`}
                      onChange={(e) => setRoles((m) => new Map(m).set(k, e.target.value || null))}>
                      {ROLES.map((r) => <option key={r} value={r}>{t(r.toLowerCase() as 'lead')}</option>)}
                      <option value="">{t('removeUnit')}</option>
                    </select>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ol>
      {error && <p className="error" role="alert">{error}</p>}
      <button type="button" onClick={submit} disabled={busy} data-testid="review-import">{t('importDraft')}</button>{' '}
      <button type="button" onClick={discard} disabled={busy} data-testid="review-discard">{t('discard')}</button>
    </div>
  );
}

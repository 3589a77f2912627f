import { useState } from 'react';
import { gql } from '../api';
import { useT } from '../i18n';
import { atLeast, useSession } from '../session';

/**
 * For editors, in the unit panel: this unit is the same as another (省农村农业厅 = 省农业农村厅):
 * find the other by name in the same jurisdiction and merge this one into it, in every task.
 */
export function UnitMerge(props: { unit: { id: string; name: string; jurisdiction?: { id: string } | null }; onMerged: (into: string) => void }) {
  const { t, tf } = useT();
  const session = useSession();
  const [text, setText] = useState('');
  const [found, setFound] = useState<Array<{ id: string; name: string }>>([]);
  const [error, setError] = useState('');
  if (!atLeast(session.user, 'editor')) return null;
  const jurisdiction = props.unit.jurisdiction?.id ?? '';
  const find = async () => {
    setError('');
    const r = await gql<{ units: Array<{ id: string; name: string }> }>('query($f: UnitFilter) { units(filter: $f, limit: 8) { id name } }', { f: { jurisdiction, text } });
    const others = r.units.filter((u) => u.id !== props.unit.id);
    setFound(others);
    if (others.length === 0) setError(`${text}: ${t('empty')}`);
  };
  const merge = async (into: { id: string; name: string }) => {
    if (!window.confirm(tf('confirmMerge', { unit: props.unit.name, into: into.name }))) return;
    try {
      await gql('mutation($u: ID!, $i: ID!) { mergeUnits(unit: $u, into: $i) { id } }', { u: props.unit.id, i: into.id });
      props.onMerged(into.id);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <section className="unit-merge" data-testid="unit-merge">
      <h3>{t('mergeUnit')}</h3>
      <p className="correct-controls">
        <input value={text} onChange={(e) => setText(e.target.value)} placeholder={t('mergeInto')} aria-label={t('mergeInto')} />
        <button type="button" disabled={!text.trim()} onClick={find}>{t('find')}</button>
      </p>
      {found.length > 0 && <ul>{found.map((u) => <li key={u.id}><button type="button" className="link" onClick={() => merge(u)}>{u.name}</button></li>)}</ul>}
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}

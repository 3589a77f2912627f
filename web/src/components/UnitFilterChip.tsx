import { UNIT_NAME_QUERY } from '../queries';
import { useT } from '../i18n';
import { useQuery } from '../useQuery';

/** A unit's name and jurisdiction for a filter chip; the id's name part until the answer comes. */
export function useUnitName(id: string): { name: string; where: string } {
  const q = useQuery<{ unit: { name: string; jurisdiction: { name: string } | null } | null }>(UNIT_NAME_QUERY, id ? { id } : null);
  const u = q.data?.unit;
  return { name: u?.name ?? id.slice(id.indexOf(':') + 1), where: u?.jurisdiction?.name ?? id.slice(0, id.indexOf(':')) };
}

/**
 * The unit filter where it acts (timeline, ledger): named with its jurisdiction, since
 * 市发展和改革委员会 exists in three cities, and cleared with one click.
 */
export function UnitFilterChip(props: { id: string; name: string; where: string; onClear: () => void; onOpen?: (id: string) => void }) {
  const { t, tf } = useT();
  const { name, where } = props;
  const label = tf('unitFilterOn', { unit: name, where });
  return (
    <span className="chip filter-chip" data-testid="unit-filter" role="group" aria-label={t('unitFilter')}>
      {props.onOpen
        ? <button type="button" className="link" onClick={() => props.onOpen!(props.id)} title={tf('showUnit', { name })}>{label}</button>
        : <span>{label}</span>}
      <button type="button" onClick={props.onClear} aria-label={tf('clearFilter', { name: `${name}（${where}）` })} data-testid="clear-unit-filter">×</button>
    </span>
  );
}

import { useT } from '../i18n';
import type { UnitData } from '../lib/graph';
import { shortName } from '../lib/short-name';

/** The network as text: every unit shown, by load, each opening its panel. */
export function UnitTable(props: { units: UnitData[]; onSelect: (id: string) => void }) {
  const { t, kind } = useT();
  return (
    <div className="table-wrap">
      <table className="data" data-testid="unit-table">
        <caption>{t('unitTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('unit')}</th><th scope="col">{t('fullName')}</th><th scope="col">{t('kind')}</th><th scope="col">{t('jurisdiction')}</th>
            <th scope="col">{t('lead')}</th><th scope="col">{t('responsible')}</th><th scope="col">{t('participant')}</th><th scope="col">{t('total')}</th>
            <th scope="col">{t('overloaded')}</th>
          </tr>
        </thead>
        <tbody>
          {props.units.map((u) => (
            <tr key={u.id} className={u.load.overloaded ? 'over' : ''} data-unit={u.id}>
              <th scope="row"><button type="button" className="link" onClick={() => props.onSelect(u.id)}>{shortName(u.name, u.aliases)}</button></th>
              <td>{u.name}</td><td>{kind(u.kind)}</td><td>{u.jurisdiction?.name ?? ''}</td>
              <td>{u.load.lead}</td><td>{u.load.responsible}</td><td>{u.load.participant}</td><td>{u.load.total}</td>
              <td>{u.load.overloaded ? <strong className="flag">{t('yes')}</strong> : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { OVERLOAD_QUERY } from '../api';
import { useState } from 'react';
import { useT } from '../i18n';
import { KIND_COLORS } from '../i18n';
import { toCsv } from '../lib/csv';
import { download } from '../lib/download';
import { exportName } from '../lib/unit-csv';
import type { Measure } from '../lib/url-state';
import { useQuery } from '../useQuery';
import { useYear, yearVariable } from '../lib/year';
import { Status } from './Status';

interface Load {
  unit: { id: string; name: string; kind: string }; lead: number; responsible: number; participant: number; total: number;
  weighted: number; value: number; peers: number; peerMean: number; peerStdDev: number; zScore: number | null; overloaded: boolean; minPeers: number;
}

const MIN_PEERS_DEFAULT = 3;
/** The longest bar's share of its cell: the rest holds its value. */
const BAR_SPAN = 85;

/** Units of one jurisdiction ranked by load: a bar chart with the peer mean marked, and the table behind it. */
export function OverloadView(props: {
  jurisdictions: Array<{ id: string; name: string }>; jurisdiction: string; measure: Measure;
  onChange: (p: { jurisdiction?: string; measure?: Measure }) => void; onSelect: (id: string) => void;
}) {
  const { t, tf, kind } = useT();
  const j = props.jurisdiction || props.jurisdictions[0]?.id || '';
  const year = useYear();
  // Collectives (各县市区) stand for many units: their own ranking, never among departments.
  const [collectives, setCollectives] = useState(false);
  const q = useQuery<{ overloadedUnits: Load[] }>(OVERLOAD_QUERY, j ? { j, by: props.measure, kind: collectives ? 'COLLECTIVE' : null, y: yearVariable(year) } : null);
  const rows = q.data?.overloadedUnits ?? [];
  // Bars scaled to the peers shown (a collective's 42 no longer sets the departments' scale).
  const max = Math.max(1, ...rows.map((r) => r.value));
  const minPeers = rows[0]?.minPeers ?? MIN_PEERS_DEFAULT;
  const jName = props.jurisdictions.find((x) => x.id === j)?.name ?? j;

  const exportCsv = () => download(exportName([t('overload'), jName, collectives ? t('rankCollectives') : null, new Date().toISOString().slice(0, 10)], 'csv'), toCsv(rows, [
    { header: t('unit'), value: (r) => r.unit.name }, { header: t('kind'), value: (r) => kind(r.unit.kind) }, { header: t('lead'), value: (r) => r.lead },
    { header: t('responsible'), value: (r) => r.responsible }, { header: t('participant'), value: (r) => r.participant }, { header: t('total'), value: (r) => r.total },
    { header: t('WEIGHTED'), value: (r) => r.weighted }, { header: t('peers'), value: (r) => r.peers }, { header: t('peerMean'), value: (r) => r.peerMean },
    { header: t('zScore'), value: (r) => r.zScore ?? '' }, { header: t('overloaded'), value: (r) => (r.overloaded ? t('yes') : '') },
  ]));

  return (
    <section className="overload" aria-label={t('overload')}>
      <div className="toolbar">
        <label>{t('jurisdiction')}{' '}
          <select value={j} onChange={(e) => props.onChange({ jurisdiction: e.target.value })}>
            {props.jurisdictions.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
          </select>
        </label>
        <label>{t('measure')}{' '}
          <select value={props.measure} onChange={(e) => props.onChange({ measure: e.target.value as Measure })}>
            {(['WEIGHTED', 'LEAD', 'TOTAL'] as const).map((m) => <option key={m} value={m}>{t(m)}</option>)}
          </select>
        </label>
        <label>{t('rankOf')}{' '}
          <select value={collectives ? 'c' : 'u'} onChange={(e) => setCollectives(e.target.value === 'c')} data-testid="overload-peers">
            <option value="u">{t('rankDepartments')}</option>
            <option value="c">{t('rankCollectives')}</option>
          </select>
        </label>
        <button type="button" onClick={exportCsv} disabled={rows.length === 0}>{t('exportCsv')}</button>
      </div>
      <p className="peer-legend" data-testid="peer-legend">{tf('peerLegend', { n: minPeers })}</p>
      <Status loading={q.loading} error={q.error} retry={q.retry} empty={!q.loading && !q.error && rows.length === 0} />
      {rows.length > 0 && (
        <table className="bars" data-testid="overload-table">
          <thead>
            <tr><th>{t('unit')}</th><th>{t(props.measure)}</th><th>{t('lead')}</th><th>{t('responsible')}</th><th>{t('participant')}</th><th>{t('peerMean')}</th><th>{t('zScore')}</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.unit.id} className={r.overloaded ? 'over' : ''}>
                <td><button type="button" className="link" onClick={() => props.onSelect(r.unit.id)}>{r.unit.name}</button> <small>{kind(r.unit.kind)}</small></td>
                <td className="bar-cell">
                  <span className="bar" style={{ width: `${(BAR_SPAN * r.value) / max}%`, background: KIND_COLORS[r.unit.kind.toLowerCase()] }} />
                  <span className="mean" style={{ left: `${(BAR_SPAN * r.peerMean) / max}%` }} title={`${t('peerMean')} ${r.peerMean}`} />
                  <span className="value">{r.value}</span>
                </td>
                <td>{r.lead}</td><td>{r.responsible}</td><td>{r.participant}</td><td>{r.peerMean}</td>
                <td>{r.zScore ?? <abbr title={tf('zNone', { n: r.minPeers })}>—</abbr>}{r.overloaded && <strong className="flag"> {t('overloaded')}</strong>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

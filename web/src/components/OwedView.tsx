import { OWED_UNITS_QUERY } from '../api';
import { useT } from '../i18n';
import { useYear, yearVariable } from '../lib/year';
import { useQuery } from '../useQuery';
import { Status } from './Status';
import '../years.css';

/** The light fills of the Excel ledger and the sheets: dark text stays readable on them. */
const FILLS: Record<string, string> = { OVERDUE: '#f4b6b6', AT_RISK: '#ffe699', ON_TRACK: '#c6efce', NO_DEADLINE: '#e7e6e6' };

interface OwedRow {
  unit: { id: string; name: string }; open: number; overdue: number; atRisk: number; onTrack: number; noDeadline: number;
  oldestOverdue: string | null; docxUrl: string; pdfUrl: string;
}

/** 督办: what each unit of a jurisdiction owes, red and yellow counted, most overdue first, each with its 督办单. */
export function OwedView(props: { jurisdictions: Array<{ id: string; name: string }>; jurisdiction: string; onJurisdiction: (j: string) => void; onSelect: (id: string) => void }) {
  const { t, light } = useT();
  const j = props.jurisdiction || props.jurisdictions[0]?.id || '';
  const y = yearVariable(useYear());
  const q = useQuery<{ owedUnits: OwedRow[] }>(OWED_UNITS_QUERY, j ? { j, y } : null);
  const yq = y ? `&year=${y}` : '';
  const rows = q.data?.owedUnits ?? [];
  const count = (n: number, l: string) => (n > 0 ? <span className="owed-count" style={{ background: FILLS[l] }}>{n}</span> : <span className="muted">0</span>);
  return (
    <section className="owed" aria-label={t('owedView')} data-testid="owed-view">
      <div className="toolbar">
        <label>{t('jurisdiction')}
          <select value={j} onChange={(e) => props.onJurisdiction(e.target.value)}>
            {props.jurisdictions.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
          </select>
        </label>
        {j && rows.length > 0 && <>
          <a className="button" href={`/export/duban.pdf?jurisdiction=${j}${yq}`} download data-testid="owed-all-pdf">{t('dubanAllPdf')}</a>
          <a className="button-link" href={`/export/duban.docx?jurisdiction=${j}${yq}`} download>{t('dubanAllDocx')}</a>
        </>}
      </div>
      <p className="note">{t('owedNote')}</p>
      <Status loading={q.loading} error={q.error} retry={q.retry} />
      {q.data && (rows.length === 0 ? <p className="note">{t('owedNone')}</p> : (
        <table className="data owed-table" data-testid="owed-table">
          <thead><tr>
            <th>{t('unit')}</th><th>{t('owedOpen')}</th><th>{light('OVERDUE')}</th><th>{light('AT_RISK')}</th><th>{light('ON_TRACK')}</th><th>{light('NO_DEADLINE')}</th>
            <th>{t('oldestOverdue')}</th><th>{t('dubanSheetShort')}</th>
          </tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.unit.id}>
                <td><button type="button" className="link" onClick={() => props.onSelect(r.unit.id)}>{r.unit.name}</button></td>
                <td>{r.open}</td>
                <td>{count(r.overdue, 'OVERDUE')}</td><td>{count(r.atRisk, 'AT_RISK')}</td><td>{count(r.onTrack, 'ON_TRACK')}</td><td>{count(r.noDeadline, 'NO_DEADLINE')}</td>
                <td>{r.oldestOverdue ?? '—'}</td>
                <td><a href={r.pdfUrl} download>PDF</a> · <a href={r.docxUrl} download>Word</a></td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}

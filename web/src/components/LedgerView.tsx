import { useMemo, useState } from 'react';
import { LEDGER_QUERY } from '../api';
import { useT } from '../i18n';
import { ledgerExportUrl, ledgerVariables, sortRows, type LedgerFilters, type SortKey } from '../lib/ledger';
import type { StatusFilter } from '../lib/url-state';
import { useQuery } from '../useQuery';
import { useYear } from '../lib/year';
import { PastDueNote, StatusLight } from './StatusLight';
import { LightBadge } from './TaskProgress';
import { Status } from './Status';
import { UnitFilterChip, useUnitName } from './UnitFilterChip';

interface Row {
  n: number; jurisdiction: string; documentId: string; documentTitle: string; taskId: string; ref: string; title: string; unitId: string; unitName: string;
  role: string; leaders: string[]; deadlineText: string | null; deadlineDate: string | null; status: string; quote: string;
  light: { light: string; zh: string; en: string }; progressState: string | null; progressDate: string | null; progressText: string | null;
}

const STATUSES: StatusFilter[] = ['PAST_DUE', 'DUE_SOON', 'LATER', 'ONGOING', 'NONE'];

/** The 台账: one row per task and unit, sortable, filtered as the export is; 导出台账 exports exactly these rows. */
export function LedgerView(props: {
  documents: Array<{ id: string; title: string }>; jurisdictions: Array<{ id: string; name: string }>;
  filters: Omit<LedgerFilters, 'lang'>; onChange: (p: { jurisdiction?: string; document?: string; role?: string; status?: StatusFilter; unit?: string }) => void;
  onSelect: (id: string) => void; onTask: (id: string) => void;
}) {
  const { t, tf, lang, state } = useT();
  const unit = useUnitName(props.filters.unit);
  const filters: LedgerFilters = { ...props.filters, lang, year: useYear() };
  const q = useQuery<{ ledger: Row[] }>(LEDGER_QUERY, ledgerVariables(filters));
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'n', desc: false });
  const rows = useMemo(() => sortRows(q.data?.ledger ?? [], sort.key, sort.desc), [q.data, sort]);
  const header = (key: SortKey, label: string) => (
    <th aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort" onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : false }))}>
        {label}{sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
  const role = (r: string) => t(r.toLowerCase() as 'lead' | 'responsible' | 'participant');

  return (
    <section className="ledger" aria-label={t('ledger')}>
      <div className="toolbar">
        <label>{t('jurisdiction')}{' '}
          <select value={props.filters.jurisdiction} onChange={(e) => props.onChange({ jurisdiction: e.target.value })} data-testid="ledger-jurisdiction">
            <option value="">{t('all')}</option>
            {props.jurisdictions.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
          </select>
        </label>
        <label>{t('document')}{' '}
          <select value={props.filters.document} onChange={(e) => props.onChange({ document: e.target.value })}>
            <option value="">{t('all')}</option>
            {props.documents.map((d) => <option key={d.id} value={d.id}>{d.title}</option>)}
          </select>
        </label>
        <label>{t('role')}{' '}
          <select value={props.filters.role} onChange={(e) => props.onChange({ role: e.target.value })} data-testid="ledger-role">
            <option value="">{t('all')}</option>
            <option value="lead">{t('lead')}</option><option value="responsible">{t('responsible')}</option><option value="participant">{t('participant')}</option>
          </select>
        </label>
        <label>{t('status')}{' '}
          <select value={props.filters.status} onChange={(e) => props.onChange({ status: e.target.value as StatusFilter })} data-testid="ledger-status">
            <option value="">{t('all')}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{s && <StatusName s={s} />}</option>)}
          </select>
        </label>
        {props.filters.unit && (
          <UnitFilterChip id={props.filters.unit} {...unit} onClear={() => props.onChange({ unit: '' })} onOpen={props.onSelect} />
        )}
        <span data-testid="ledger-count">{rows.length}{t('rows')}</span>
        <a className="button" href={ledgerExportUrl(filters)} download data-testid="export-ledger">{t('exportLedger')}</a>
      </div>
      <PastDueNote />
      <Status loading={q.loading} error={q.error} retry={q.retry} empty={!q.loading && !q.error && rows.length === 0}
        emptyText={props.filters.unit ? tf('emptyForUnit', { unit: unit.name, where: unit.where }) : undefined} />
      {rows.length > 0 && (
        <table className="ledger-table" data-testid="ledger-table">
          <thead>
            <tr>
              {header('n', lang === 'zh' ? '序号' : 'No.')}{header('documentTitle', t('document'))}{header('ref', t('refCol'))}
              <th>{t('taskCol')}</th>{header('unitName', t('unit'))}{header('role', t('role'))}<th>{t('leaders')}</th>
              <th>{t('deadline')}</th>{header('deadlineDate', t('dueDate'))}{header('status', t('status'))}<th>{t('note')}</th><th>{t('lightLabel')}</th><th>{t('progress')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.taskId}|${r.unitId}`} data-status={r.status} data-light={r.light.light}>
                <td>{r.n}</td><td>{r.documentTitle}</td><td>{r.ref}</td>
                <td><button type="button" className="link" onClick={() => props.onTask(r.taskId)}>{r.title}</button></td>
                <td><button type="button" className="link" onClick={() => props.onSelect(r.unitId)}>{r.unitName}</button> <small className="where">{r.jurisdiction}</small></td>
                <td className="nowrap">{role(r.role)}</td><td>{r.leaders.join('、')}</td><td>{r.deadlineText ?? ''}</td><td className="nowrap">{r.deadlineDate ?? ''}</td>
                <td className="nowrap"><StatusLight status={r.status} /></td><td className="quote">{r.quote}</td>
                <td className="nowrap"><LightBadge compact light={r.light.light} reason={lang === 'zh' ? r.light.zh : r.light.en} /></td>
                <td>{r.progressState ? `${r.progressDate} ${state(r.progressState)}：${r.progressText}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function StatusName({ s }: { s: string }) {
  const { status } = useT();
  return <>{status(s)}</>;
}

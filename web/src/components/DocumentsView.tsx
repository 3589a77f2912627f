import { useState } from 'react';
import { gql } from '../api';
import { useT } from '../i18n';
import { atLeast, useSession } from '../session';
import { useQuery } from '../useQuery';
import { PendingProgress } from './PendingProgress';
import { inPlanYear, useYear } from '../lib/year';
import { Status } from './Status';

interface LoadedDocument {
  id: string; file: string; title: string; kind: 'PLAN' | 'REPORT' | 'PROGRESS'; issuer: string | null; date: string | null;
  jurisdiction: { id: string; name: string } | null; sha256: string; format: string; uploadedAs: string | null;
  tasks: number; units: number; warnings: string[]; loadedBy: string | null; loadedAt: string | null; originalUrl: string | null;
  year: number | null; yearFrom: number | null; yearTo: number | null; previousInSeries: string | null;
}

const DOCUMENTS = `{ loadedDocuments { id file title kind issuer date jurisdiction { id name } sha256 format uploadedAs tasks units warnings loadedBy loadedAt originalUrl year yearFrom yearTo previousInSeries } }`;
const AUDIT = `query($limit: Int) { auditLog(limit: $limit) { total entries { at who action target before after note } } }`;
const CORRECTIONS = `{ corrections(includeUndone: false) { id kind by at document taskRef unit into before after orphaned } }`;

/** 文件管理: every loaded document with how it came in; delete and download; the corrections; the audit log for admins. */
export function DocumentsView(props: { onOpenDocument: (id: string) => void; onChanged: () => void; onCompare?: (from: string, to: string) => void }) {
  const { t, tf, lang } = useT();
  const year = useYear();
  const session = useSession();
  const [gen, setGen] = useState(0);
  const q = useQuery<{ loadedDocuments: LoadedDocument[] }>(DOCUMENTS, { gen, user: session.user?.name ?? null });
  const [message, setMessage] = useState('');
  const canEdit = atLeast(session.user, 'editor');

  const remove = async (d: LoadedDocument) => {
    if (!window.confirm(tf('confirmDelete', { title: d.title }))) return;
    try {
      const r = await gql<{ deleteDocument: { title: string; tasks: number } }>('mutation($id: ID!) { deleteDocument(id: $id) { title tasks } }', { id: d.id });
      setMessage(tf('deleted', { title: r.deleteDocument.title, tasks: r.deleteDocument.tasks }));
      setGen((n) => n + 1);
      props.onChanged();
    } catch (err) {
      setMessage(`${t('error')}${(err as Error).message}`);
    }
  };

  return (
    <section className="documents-view" data-testid="documents-view">
      <h2>{t('documentsView')}</h2>
      {!canEdit && <p className="note">{t('loginToEdit')}</p>}
      {message && <p role="status" className="note" data-testid="documents-message">{message}</p>}
      <Status loading={q.loading} error={q.error} retry={q.retry} />
      {q.data && (
        <table className="data documents" data-testid="documents-table">
          <thead><tr>
            <th>{t('docTitle')}</th><th>{t('docIssuer')}</th><th>{t('jurisdiction')}</th><th>{t('planYear')}</th><th>{t('docDate')}</th><th>{t('docKind')}</th><th>{t('docFormat')}</th>
            <th>{t('docCounts')}</th><th>{t('docWarnings')}</th><th>{t('docLoadedBy')}</th><th>sha256</th><th>{t('docActions')}</th>
          </tr></thead>
          <tbody>
            {q.data.loadedDocuments.filter((d) => inPlanYear(d, year)).map((d) => (
              <tr key={d.id} data-testid={`doc-row-${d.id}`}>
                <td><button type="button" className="link" onClick={() => props.onOpenDocument(d.id)}>{d.title}</button><div className="muted">{d.uploadedAs ?? d.file}</div></td>
                <td>{d.issuer ?? '—'}</td>
                <td>{d.jurisdiction?.name ?? '未知辖区'}</td>
                <td data-testid={`doc-year-${d.id}`}>{d.yearFrom === null ? '—' : d.yearFrom === d.yearTo ? d.yearFrom : `${d.yearFrom}—${d.yearTo}`}</td>
                <td>{d.date ?? '—'}</td>
                <td>{d.kind === 'PLAN' ? t('kindPlan') : d.kind === 'PROGRESS' ? t('kindProgress') : t('kindReport')}</td>
                <td>{d.format}</td>
                <td>{d.tasks} / {d.units}</td>
                <td>{d.warnings.length > 0 ? <details><summary>{d.warnings.length}</summary><ul>{d.warnings.map((w) => <li key={w}>{w}</li>)}</ul></details> : '—'}</td>
                <td>{d.loadedBy ? <>{d.loadedBy}<div className="muted">{d.loadedAt ? new Date(d.loadedAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en') : ''}</div></> : <span className="muted">{t('loadedOutside')}</span>}</td>
                <td><code title={d.sha256}>{d.sha256.slice(0, 12)}…</code></td>
                <td className="actions">
                  {d.previousInSeries && props.onCompare && <button type="button" onClick={() => props.onCompare!(d.previousInSeries!, d.id)} data-testid={`compare-${d.id}`}>{t('compareWithPrevious')}</button>}
                  {!d.previousInSeries && props.onCompare && <button type="button" className="link" onClick={() => props.onCompare!('', d.id)}>{t('compareView')}</button>}
                  {d.originalUrl && <a href={d.originalUrl} download>{t('download')}</a>}
                  {canEdit && <button type="button" onClick={() => remove(d)} data-testid={`delete-${d.id}`}>{t('delete')}</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && <PendingProgress onChanged={props.onChanged} />}
      <CorrectionList gen={gen} canEdit={canEdit} onChanged={() => { setGen((n) => n + 1); props.onChanged(); }} />
      {atLeast(session.user, 'admin') && <AuditSection gen={gen} />}
    </section>
  );
}

function CorrectionList(props: { gen: number; canEdit: boolean; onChanged: () => void }) {
  const { t } = useT();
  const [error, setError] = useState('');
  const undo = async (id: string) => {
    try {
      await gql('mutation($id: ID!) { undoCorrection(id: $id) { id } }', { id });
      setError('');
      props.onChanged();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const q = useQuery<{ corrections: Array<{ id: string; kind: string; by: string; at: string; document: string | null; taskRef: string | null; unit: string | null; into: string | null; before: string | null; after: string | null; orphaned: boolean }> }>(CORRECTIONS, { gen: props.gen });
  if (!q.data || q.data.corrections.length === 0) return null;
  return (
    <>
    {error && <p className="error" role="alert">{error}</p>}
    <table className="data" data-testid="corrections-table">
      <caption>{t('corrections')}</caption>
      <thead><tr><th>{t('auditAt')}</th><th>{t('auditWho')}</th><th>{t('auditAction')}</th><th>{t('auditTarget')}</th><th>{t('auditBefore')}</th><th>{t('auditAfter')}</th><th /></tr></thead>
      <tbody>
        {q.data.corrections.map((c) => (
          <tr key={c.id} className={c.orphaned ? 'orphaned' : undefined}>
            <td>{c.at.slice(0, 16).replace('T', ' ')}</td><td>{c.by}</td><td>{c.kind}</td>
            <td>{c.document ? `${c.document} ${c.taskRef ?? ''}` : `${c.unit ?? ''} → ${c.into ?? ''}`}{c.unit && c.document ? ` · ${c.unit}` : ''}</td>
            <td>{c.before ?? ''}</td><td>{c.after ?? ''}</td>
            <td>{c.orphaned ? t('orphaned') : ''}{props.canEdit && <button type="button" className="link" onClick={() => undo(c.id)} data-testid={`undo-${c.id}`}>{t('undo')}</button>}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </>
  );
}

function AuditSection(props: { gen: number }) {
  const { t } = useT();
  const q = useQuery<{ auditLog: { total: number; entries: Array<{ at: string; who: string; action: string; target: string; before: string | null; after: string | null }> } }>(AUDIT, { limit: 100, gen: props.gen });
  return (
    <section data-testid="audit-section">
      <h3>{t('auditLog')} {q.data && <small>({q.data.auditLog.total})</small>} <a href="/api/audit.csv" download>{t('auditCsv')}</a></h3>
      <Status loading={q.loading} error={q.error} retry={q.retry} />
      {q.data && (
        <table className="data audit">
          <thead><tr><th>{t('auditAt')}</th><th>{t('auditWho')}</th><th>{t('auditAction')}</th><th>{t('auditTarget')}</th><th>{t('auditBefore')}</th><th>{t('auditAfter')}</th></tr></thead>
          <tbody>
            {q.data.auditLog.entries.map((e, i) => (
              <tr key={`${e.at}-${i}`}><td>{e.at.slice(0, 19).replace('T', ' ')}</td><td>{e.who}</td><td>{e.action}</td><td>{e.target}</td><td className="json">{e.before ?? ''}</td><td className="json">{e.after ?? ''}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

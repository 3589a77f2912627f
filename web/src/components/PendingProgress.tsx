import { useState } from 'react';
import { gql } from '../api';
import { useT } from '../i18n';
import { atLeast, useSession } from '../session';
import { useQuery } from '../useQuery';

interface PendingLink {
  id: string; documentId: string; documentTitle: string; row: number; ref: string; title: string; report: string; start: number; end: number;
  state: string | null; stateQuote: { quote: string } | null; date: string | null; confidence: number; terms: string[]; titleCover: number;
  refMatched: boolean; reason: string; task: { id: string; ref: string; title: string } | null;
}

const PENDING = `query($task: ID) { pendingProgressLinks(task: $task) { id documentId documentTitle row ref title report start end state
  stateQuote { quote } date confidence terms titleCover refMatched reason task { id ref title } } }`;
const STATES = ['IN_PROGRESS', 'DONE', 'BEHIND', 'NOT_STARTED'] as const;

/**
 * 待确认进展: rows of progress reports linked to a task below the threshold (or ambiguously, or
 * with no state or date), for an editor to confirm or reject; nothing counts until then. In a
 * task's panel (`task`: that task's) and on the documents page (all of them).
 */
export function PendingProgress(props: { task?: string; onOpenText?: (doc: string, start: number, end: number) => void; onChanged?: () => void }) {
  const { t, state } = useT();
  const session = useSession();
  const editor = atLeast(session.user, 'editor');
  const [gen, setGen] = useState(0);
  const q = useQuery<{ pendingProgressLinks: PendingLink[] }>(PENDING, editor ? { task: props.task ?? null, gen } : null);
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  if (!editor) return null;
  const links = q.data?.pendingProgressLinks ?? [];
  // In a task's panel the list shows only when there is something to decide.
  if (props.task && links.length === 0) return null;

  const decide = async (l: PendingLink, confirm: boolean) => {
    setMessage('');
    try {
      if (confirm) await gql('mutation($id: ID!, $state: ProgressState) { confirmProgressLink(id: $id, state: $state) { id } }', { id: l.id, state: l.state ? null : picked[l.id] ?? null });
      else await gql('mutation($id: ID!) { rejectProgressLink(id: $id) { id } }', { id: l.id });
      setGen((n) => n + 1);
      props.onChanged?.();
    } catch (err) {
      setMessage(`${t('error')}${(err as Error).message}`);
    }
  };

  return (
    <section className="pending-progress" data-testid="pending-progress">
      <h3>{t('pendingProgress')}（{links.length}）</h3>
      <p className="meta">{t('pendingProgressHint')}</p>
      {message && <p role="status" className="note">{message}</p>}
      {q.error && <p role="alert" className="note">{q.error}</p>}
      {links.length === 0 && !q.loading ? <p className="meta">{t('noPendingProgress')}</p> : (
        <ul className="pending-links">
          {links.map((l) => (
            <li key={l.id} data-testid="pending-link">
              <p>
                <span className="meta">{t('reportRow')}:</span> {l.ref} <strong>{l.title}</strong>
                {' · '}<span className="meta">{l.documentTitle}{l.date ? `（${l.date}）` : ''}</span>
                {props.onOpenText && <> {' '}<button type="button" className="link" onClick={() => props.onOpenText!(l.documentId, l.start, l.end)}>{t('viewInText')}</button></>}
              </p>
              <blockquote className="progress-quote">{l.report}</blockquote>
              {!props.task && l.task && <p><span className="meta">{t('reportsOn')}:</span> {l.task.ref} {l.task.title}</p>}
              <p className="meta">
                {t('pendingReason')}: {t(`reason${l.reason}` as 'reasonLOW_CONFIDENCE')} · {t('linkConfidence')} {Math.round(l.confidence * 100)}%
                {' · '}{t('titleRestated')} {Math.round(l.titleCover * 100)}%{l.refMatched ? ` · ${t('refRestated')}` : ''}
                {l.terms.length > 0 && <> · {t('sharedTerms')}: {l.terms.join('、')}</>}
              </p>
              <p className="meta">{t('progressState')}: {l.state ? <>{state(l.state)}{l.stateQuote && <>（“{l.stateQuote.quote}”）</>}</> : t('noStateRead')}</p>
              <div className="actions">
                {!l.state && (
                  <select aria-label={t('chooseState')} value={picked[l.id] ?? ''} onChange={(e) => setPicked({ ...picked, [l.id]: e.target.value })}>
                    <option value="">{t('chooseState')}</option>
                    {STATES.map((s) => <option key={s} value={s}>{state(s)}</option>)}
                  </select>
                )}
                <button type="button" disabled={!l.state && !picked[l.id]} onClick={() => decide(l, true)}>{t('confirmLink')}</button>
                <button type="button" onClick={() => decide(l, false)}>{t('rejectLink')}</button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

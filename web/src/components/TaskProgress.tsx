import { useState, type FormEvent } from 'react';
import { useT } from '../i18n';
import { LIGHT_COLORS } from '../i18n-progress';
import { atLeast, csrfHeaders, useSession } from '../session';
import { useQuery } from '../useQuery';
import { PendingProgress } from './PendingProgress';

interface Record_ {
  id: string; date: string; state: string; text: string; source: string; by: string; createdAt: string; unitName: string | null; reworded: boolean;
  attachments: Array<{ n: number; name: string; bytes: number; url: string }>;
  document: {
    documentId: string; documentTitle: string; start: number; end: number; stateQuote: { quote: string; start: number; end: number } | null;
    confidence: number; terms: string[]; titleCover: number; refMatched: boolean; sameRow: boolean;
  } | null;
}
interface Data {
  task: { id: string; light: { light: string; zh: string; en: string }; assignments: Array<{ unit: { id: string; name: string } }>; progress: Record_[] } | null;
}

const QUERY = `query($id: ID!) { task(id: $id) { id light { light zh en } assignments { unit { id name } }
  progress(limit: 50) { id date state text source by createdAt unitName reworded attachments { n name bytes url }
    document { documentId documentTitle start end stateQuote { quote start end } confidence terms titleCover refMatched sameRow } } } }`;
const STATES = ['IN_PROGRESS', 'DONE', 'BEHIND', 'NOT_STARTED'] as const;

/** A light and why (the colour alone is not enough: it says its name and reason too). */
export function LightBadge({ light, reason, compact }: { light: string; reason: string; compact?: boolean }) {
  const { light: label } = useT();
  return (
    <span className="status-light light-badge" data-light={light} title={reason}>
      <span className="light" style={{ background: LIGHT_COLORS[light] }} aria-hidden="true" />
      {label(light)}{!compact && <span className="light-reason">：{reason}</span>}
    </span>
  );
}

/** A task's light, its progress history (latest first) and, for editors, a form to record progress with a file. */
export function TaskProgress(props: { id: string; onChanged?: () => void; onOpenText?: (doc: string, start: number, end: number) => void }) {
  const { t, state, lang } = useT();
  const session = useSession();
  const [gen, setGen] = useState(0);
  const q = useQuery<Data>(QUERY, { id: props.id, gen });
  const today = new Date().toISOString().slice(0, 10);
  const [date, setDate] = useState(today);
  const [st, setSt] = useState<string>('IN_PROGRESS');
  const [text, setText] = useState('');
  const [unit, setUnit] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const task = q.data?.task;
  if (!task) return null;
  const units = [...new Map(task.assignments.map((a) => [a.unit.id, a.unit.name])).entries()];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMessage('');
    const form = new FormData();
    form.append('task', task.id);
    form.append('date', date);
    form.append('state', st);
    form.append('text', text);
    if (unit) form.append('unit', unit);
    if (file) form.append('file', file, file.name);
    try {
      const res = await fetch('/api/progress', { method: 'POST', headers: csrfHeaders(), body: form });
      const body = (await res.json().catch(() => ({}))) as { error?: { message: string } };
      if (!res.ok) throw new Error(body.error?.message ?? `HTTP ${res.status}`);
      setText('');
      setFile(null);
      (e.target as HTMLFormElement).reset();
      setMessage(t('progressSaved'));
      setGen((n) => n + 1);
      props.onChanged?.();
    } catch (err) {
      setMessage(`${t('error')}${(err as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="task-progress" data-testid="task-progress">
      <p className="meta">{t('lightLabel')}: <LightBadge light={task.light.light} reason={lang === 'zh' ? task.light.zh : task.light.en} /></p>
      <h3>{t('progress')}（{task.progress.length}）</h3>
      {task.progress.length === 0 ? <p className="meta">{t('noProgress')}</p> : (
        <ol className="progress-history">
          {task.progress.map((p) => (
            <li key={p.id} data-state={p.state}>
              <p><strong>{p.date}</strong> <span className="progress-state" data-state={p.state}>{state(p.state)}</span>
                {p.unitName && <> · {p.unitName}</>}
                {p.source === 'editor' && <> · <span className="meta">{t('recordedBy')} {p.by}</span></>}
                {p.document && p.by && <> · <span className="meta">{t('confirmedBy')} {p.by}</span></>}
                {p.reworded && <span className="meta">{t('reworded')}</span>}</p>
              <p className="progress-text">{p.text}</p>
              {p.document && <DocumentSource d={p.document} onOpenText={props.onOpenText} />}
              {p.attachments.length > 0 && (
                <p className="meta">{t('attachments')}: {p.attachments.map((a) => <a key={a.n} href={a.url} download={a.name}>{a.name}</a>)}</p>
              )}
            </li>
          ))}
        </ol>
      )}
      <PendingProgress task={task.id} onOpenText={props.onOpenText} onChanged={() => { setGen((n) => n + 1); props.onChanged?.(); }} />
      {atLeast(session.user, 'editor') && (
        <form className="progress-form" onSubmit={submit} data-testid="progress-form">
          <h4>{t('addProgress')}</h4>
          <label>{t('progressDate')} <input type="date" value={date} max={today} required onChange={(e) => setDate(e.target.value)} /></label>
          <label>{t('progressState')} <select value={st} onChange={(e) => setSt(e.target.value)}>
            {STATES.map((s) => <option key={s} value={s}>{state(s)}</option>)}
          </select></label>
          {units.length > 0 && (
            <label>{t('progressUnit')} <select value={unit} onChange={(e) => setUnit(e.target.value)}>
              <option value="">{t('wholeTask')}</option>
              {units.map(([id, name]) => <option key={id} value={id}>{name}</option>)}
            </select></label>
          )}
          <label className="wide">{t('progressText')} <textarea value={text} required maxLength={2000} rows={3} onChange={(e) => setText(e.target.value)} /></label>
          <label className="wide">{t('progressFile')} <input type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} /></label>
          <button type="submit" disabled={busy || !text.trim()}>{t('submitProgress')}</button>
          {message && <span role="status" className="meta">{message}</span>}
        </form>
      )}
    </section>
  );
}

/** A record read from a progress report: the report, 查看原文 (the row highlighted), the clause its state came from, and why this task. */
function DocumentSource({ d, onOpenText }: { d: NonNullable<Record_['document']>; onOpenText?: (doc: string, start: number, end: number) => void }) {
  const { t } = useT();
  return (
    <div className="progress-source" data-testid="progress-source">
      <p className="meta">
        {t('fromDocument')}: {d.documentTitle}
        {onOpenText && <> {' '}<button type="button" className="link" onClick={() => onOpenText(d.documentId, d.start, d.end)}>{t('viewInText')}</button></>}
      </p>
      {d.stateQuote && (
        <p className="meta">{t('stateFrom')}: “{onOpenText
          ? <button type="button" className="link" onClick={() => onOpenText(d.documentId, d.stateQuote!.start, d.stateQuote!.end)}>{d.stateQuote.quote}</button>
          : d.stateQuote.quote}”</p>
      )}
      {!d.sameRow && (
        <p className="meta">{t('linkEvidence')}: {t('linkConfidence')} {Math.round(d.confidence * 100)}% · {t('titleRestated')} {Math.round(d.titleCover * 100)}%
          {d.refMatched ? ` · ${t('refRestated')}` : ''}{d.terms.length > 0 && <> · {t('sharedTerms')}: {d.terms.join('、')}</>}</p>
      )}
    </div>
  );
}

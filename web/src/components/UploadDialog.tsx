import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../i18n';
import { ACCEPTED, reasonOf, TOKEN_KEY, UPLOAD_ERRORS, type UploadOutcome } from '../lib/upload';
import { SESSION_TOKEN, uploadFile } from '../lib/upload-request';
import { ReviewDraft } from './ReviewDraft';
import { atLeast, sessionUser, useSession } from '../session';

interface Item {
  key: number;
  file: File;
  state: 'waiting' | 'sending' | 'reading' | 'done';
  sent: number;
  outcome?: UploadOutcome;
}

/** Same as the server's per-file limit: refuse at once rather than send 10 MB for nothing. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Codes whose server message says something the translated sentence does not. */
const WITH_REASON = new Set(['UNREADABLE', 'NO_TASKS', 'LOAD_FAILED', 'HTTP', 'BAD_FIELD', 'BAD_MULTIPART']);

const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

/**
 * 上传方案: a button that opens a dialog (file chooser, token, one progress bar and one summary
 * per file), and drag-and-drop of files anywhere on the page. Files go one request each, in turn.
 */
export function UploadDialog(props: { onUploaded: () => void; onOpenDocument: (id: string) => void }) {
  const { t, tf, lang } = useT();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<Item[]>([]);
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? '');
  const [draft, setDraft] = useState('');
  const [tokenError, setTokenError] = useState('');
  const [dragging, setDragging] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const tokenInput = useRef<HTMLInputElement>(null);
  const pending = useRef<Item[]>([]);
  const busy = useRef(false);
  const nextKey = useRef(1);
  const onUploaded = useRef(props.onUploaded);
  onUploaded.current = props.onUploaded;

  const update = (key: number, patch: Partial<Item>) => setItems((list) => list.map((it) => (it.key === key ? { ...it, ...patch } : it)));

  /** Upload what is waiting, one file at a time; a refused token stops the queue until a new one is given. */
  const pump = useCallback(async (tok: string) => {
    if (busy.current || !tok) return;
    busy.current = true;
    let loaded = false;
    while (pending.current.length > 0) {
      const it = pending.current[0]!;
      update(it.key, { state: 'sending', sent: 0 });
      const outcome = await uploadFile(it.file, tok, (sent) => update(it.key, { sent, state: sent >= 1 ? 'reading' : 'sending' }));
      if (!outcome.ok && outcome.code === 'UNAUTHENTICATED') {
        // This file was not the problem: it waits for the right token with the rest.
        update(it.key, { state: 'waiting', sent: 0 });
        sessionStorage.removeItem(TOKEN_KEY);
        setToken('');
        setTokenError(UPLOAD_ERRORS.UNAUTHENTICATED![lang]);
        break;
      }
      pending.current.shift();
      update(it.key, { state: 'done', sent: 1, outcome });
      if (outcome.ok) loaded = true;
    }
    busy.current = false;
    if (loaded) onUploaded.current();
  }, [lang]);

  const addFiles = useCallback((files: File[]) => {
    if (files.length === 0) return;
    const added: Item[] = files.map((file) => {
      const item: Item = { key: nextKey.current++, file, state: 'waiting', sent: 0 };
      if (file.size > MAX_FILE_BYTES) {
        return { ...item, state: 'done', outcome: { ok: false, code: 'FILE_TOO_LARGE', message: `${file.name} is over the 10 MB limit for one file` } };
      }
      return item;
    });
    setItems((list) => [...list.filter((it) => it.state !== 'done'), ...added]);
    pending.current.push(...added.filter((it) => it.state === 'waiting'));
    setOpen(true);
    // A logged-in editor uploads with the session; anyone else with the API token.
    void pump(atLeast(sessionUser(), 'editor') ? SESSION_TOKEN : sessionStorage.getItem(TOKEN_KEY) ?? '');
  }, [pump]);

  // The dialog is modal (focus stays in it, Esc closes it); focus goes back to the button after.
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      if (!token && !atLeast(sessionUser(), 'editor')) tokenInput.current?.focus();
    } else if (!open && d.open) d.close();
  }, [open, token]);

  const close = () => {
    setOpen(false);
    setItems((list) => list.filter((it) => it.state !== 'done'));
    trigger.current?.focus();
  };

  // Files dropped anywhere on the page.
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault(); // allows the drop
      e.dataTransfer!.dropEffect = 'copy';
    };
    const leave = () => {
      // Whatever it carries: an overlay must never outstay the drag.
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      addFiles([...(e.dataTransfer?.files ?? [])]);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [addFiles]);

  const saveToken = (e: React.FormEvent) => {
    e.preventDefault();
    const tok = draft.trim();
    if (!tok) return;
    sessionStorage.setItem(TOKEN_KEY, tok);
    setToken(tok);
    setDraft('');
    setTokenError('');
    void pump(tok);
  };

  const forgetToken = () => {
    sessionStorage.removeItem(TOKEN_KEY);
    setToken('');
    setTimeout(() => tokenInput.current?.focus());
  };

  const errorText = (file: string, o: UploadOutcome & { ok: false }) => {
    const known = UPLOAD_ERRORS[o.code];
    const said = known ? known[lang] : UPLOAD_ERRORS.HTTP![lang];
    // No task found: say where the words were that were not understood, in the page's language.
    const c = o.coverage;
    if (o.code === 'NO_TASKS' && c) return `${said} ${c.kind === 'no-words' || c.line === null ? t('noResponsibilityWords') : tf('noTasksAt', { line: c.line, quote: c.quote })}`;
    // The server's reason in the page's language: its Chinese one in the Chinese interface.
    const reason = lang === 'zh' && o.zh ? o.zh : o.message;
    return WITH_REASON.has(o.code) || !known ? `${said} ${t('reason')}${reasonOf(file, reason)}` : said;
  };

  const waiting = items.some((it) => it.state === 'waiting');

  return (
    <>
      <button type="button" className="upload-button" ref={trigger} onClick={() => setOpen(true)} data-testid="upload-open">{t('uploadButton')}</button>
      {dragging && !open && <div className="drop-overlay" aria-hidden="true">{t('dropHere')}</div>}
      <dialog ref={dialog} className={`upload-dialog${dragging ? ' dragging' : ''}`} aria-labelledby="upload-title" onClose={close} data-testid="upload-dialog">
        <header>
          <h2 id="upload-title">{t('upload')}</h2>
          <button type="button" onClick={close} aria-label={t('close')}>×</button>
        </header>
        <p className="hint">{t('uploadIntro')}</p>

        {atLeast(session.user, 'editor') ? (
          <p className="token-set" data-testid="upload-as">{session.user!.name} ✓</p>
        ) : token ? (
          <p className="token-set">
            {t('token')} ✓ <button type="button" className="link" onClick={forgetToken}>{t('forgetToken')}</button>
          </p>
        ) : (
          <form className="token-form" onSubmit={saveToken}>
            <label htmlFor="ingest-token">{t('token')}</label>
            <input id="ingest-token" ref={tokenInput} type="password" autoComplete="off" value={draft} onChange={(e) => setDraft(e.target.value)}
              aria-describedby="ingest-token-hint" aria-invalid={tokenError ? true : undefined} data-testid="upload-token" />
            <button type="submit" data-testid="upload-token-save">{waiting ? t('startUpload') : '✓'}</button>
            <small id="ingest-token-hint">{tokenError ? <span className="error" role="alert">{tokenError}</span> : waiting ? t('tokenNeeded') : t('tokenHint')}</small>
          </form>
        )}

        <div className="chooser">
          <button type="button" onClick={() => input.current?.click()} data-testid="upload-choose">{t('chooseFiles')}</button>
          <input ref={input} type="file" multiple accept={ACCEPTED} hidden onChange={(e) => {
            addFiles([...(e.target.files ?? [])]);
            e.target.value = ''; // the same file may be chosen again
          }} />
          <span className="hint">{t('dropHint')}</span>
        </div>

        <ul className="upload-list" aria-live="polite" data-testid="upload-list">
          {items.map((it) => (
            <li key={it.key} className={`upload-item ${it.outcome ? (it.outcome.ok ? 'ok' : 'failed') : it.state}`} data-file={it.file.name}>
              <div className="upload-row">
                <strong className="name">{it.file.name}</strong>
                <span className="state">{it.outcome ? (it.outcome.ok ? t(it.outcome.status) : t('failed')) : t(it.state === 'done' ? 'failed' : it.state)}</span>
              </div>
              {!it.outcome && <progress max={1} value={it.state === 'reading' ? undefined : it.sent} aria-label={`${it.file.name} ${t('uploadProgress')}`} data-testid="upload-progress" />}
              {it.outcome?.ok === true && it.outcome.status === 'REVIEW' && it.outcome.draftId && (
                <ReviewDraft id={it.outcome.draftId}
                  onImported={(r) => { update(it.key, { outcome: { ok: true, title: (it.outcome as { title: string }).title, ...r, status: r.status as 'ADDED' } }); onUploaded.current(); }}
                  onDiscarded={() => update(it.key, { outcome: { ok: false, code: 'DISCARDED', message: t('discarded') } })} />
              )}
              {it.outcome?.ok === true && it.outcome.status !== 'REVIEW' && (
                <div className="summary" data-testid="upload-summary">
                  <span>{it.outcome.tasks}{t('taskCount')} · {it.outcome.units}{t('units')} · {it.outcome.warnings.length}{t('warningCount')}</span>
                  {' '}
                  <a href={`?document=${encodeURIComponent(it.outcome.documentId)}`} onClick={(e) => {
                    e.preventDefault();
                    props.onOpenDocument((it.outcome as { documentId: string }).documentId);
                    close();
                  }}>{t('showInNetwork')}</a>
                  {it.outcome.warnings.length > 0 && <ul className="warnings">{it.outcome.warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>}
                </div>
              )}
              {it.outcome?.ok === false && <p className="error" data-testid="upload-error" data-code={it.outcome.code}>{errorText(it.file.name, it.outcome)}</p>}
            </li>
          ))}
        </ul>
      </dialog>
    </>
  );
}

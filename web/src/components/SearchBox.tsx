import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { SEARCH_QUERY } from '../api';
import { useT } from '../i18n';
import { useQuery } from '../useQuery';
import { useYear, yearVariable } from '../lib/year';
import { Status } from './Status';

const PAGE = 12;

/** Units, tasks and places by any spelling; pick one to open it. Places and units first: they are what a name usually means. */
export function SearchBox(props: { onUnit: (id: string) => void; onTask: (doc: string, id: string) => void; onRegion: (id: string) => void }) {
  const { t, tf, kind } = useT();
  const [text, setText] = useState('');
  const [debounced, setDebounced] = useState('');
  const year = useYear();
  useEffect(() => {
    const h = setTimeout(() => setDebounced(text.trim()), 250);
    return () => clearTimeout(h);
  }, [text]);
  // A page of each kind; 更多 asks for the next page too (PAGE more each time).
  const [limit, setLimit] = useState(PAGE);
  useEffect(() => setLimit(PAGE), [debounced]);
  const q = useQuery<{ search: any }>(SEARCH_QUERY, debounced ? { text: debounced, limit, y: yearVariable(year) } : null);
  const r = q.data?.search;
  const pick = (f: () => void) => {
    f();
    setText('');
    setDebounced('');
  };
  const box = useRef<HTMLDivElement>(null);
  // Down and up move through the results, Escape closes them and returns to the field.
  const onKey = (e: KeyboardEvent) => {
    const buttons = [...(box.current?.querySelectorAll<HTMLButtonElement>('.results button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (buttons.length === 0) return;
      e.preventDefault();
      const next = e.key === 'ArrowDown' ? Math.min(buttons.length - 1, at + 1) : at - 1;
      if (next < 0) box.current?.querySelector('input')?.focus();
      else buttons[next]!.focus();
    } else if (e.key === 'Escape') {
      setText('');
      setDebounced('');
      box.current?.querySelector('input')?.focus();
    }
  };
  const count = r ? r.units.length + r.tasks.length + r.regions.length : 0;
  const shown = (n: number, of: number) => (n < of ? tf('shownOf', { n, of }) : '');
  return (
    <div className="search" role="search" ref={box} onKeyDown={onKey}>
      <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('searchShort')} aria-label={t('search')} data-testid="search"
        aria-controls={debounced ? 'search-results' : undefined} />
      <p className="sr-only" role="status">{debounced && r ? tf('resultsN', { n: count }) : ''}</p>
      {debounced && (
        <div className="results" data-testid="search-results" id="search-results">
          <Status loading={q.loading} error={q.error} empty={!!r && r.units.length + r.tasks.length + r.regions.length === 0} />
          {r && r.regions.length > 0 && (<><h4>{t('regions')} <span className="shown">{shown(r.regions.length, r.total.regions)}</span></h4><ul>{r.regions.map((x: any) => (
            <li key={x.id}><button type="button" onClick={() => pick(() => props.onRegion(x.id))}>{x.name}</button></li>))}</ul></>)}
          {r && r.units.length > 0 && (<><h4>{t('unit')} <span className="shown">{shown(r.units.length, r.total.units)}</span></h4><ul>{r.units.map((u: any) => (
            <li key={u.id}><button type="button" onClick={() => pick(() => props.onUnit(u.id))}>{u.name} <small>{u.jurisdiction?.name} · {kind(u.kind)}</small></button></li>))}</ul></>)}
          {r && r.tasks.length > 0 && (<><h4>{t('tasks')} <span className="shown">{shown(r.tasks.length, r.total.tasks)}</span></h4><ul>{r.tasks.map((x: any) => (
            <li key={x.id}><button type="button" onClick={() => pick(() => props.onTask(x.document.id, x.id))}>{x.title} <small>{x.document.title} {x.ref}</small></button></li>))}</ul></>)}
          {r && (r.total.units > r.units.length || r.total.tasks > r.tasks.length || r.total.regions > r.regions.length) && (
            <button type="button" className="more" data-testid="search-more" onClick={() => setLimit((n) => Math.min(500, n + PAGE))}>{t('searchMore')}</button>
          )}
        </div>
      )}
    </div>
  );
}

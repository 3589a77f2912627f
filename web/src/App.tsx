import { useCallback, useEffect, useMemo, useState } from 'react';
import { NETWORK_QUERY } from './api';
import { CooperationView } from './components/CooperationView';
import { DocumentReader } from './components/DocumentReader';
import { NetworkView } from './components/NetworkView';
import { OverloadView } from './components/OverloadView';
import { SearchBox } from './components/SearchBox';
import { LedgerView } from './components/LedgerView';
import { Status } from './components/Status';
import { TaskPanel } from './components/TaskPanel';
import { TimelineView } from './components/TimelineView';
import { UnitPanel } from './components/UnitPanel';
import { UploadDialog } from './components/UploadDialog';
import { KIND_COLORS, LangContext, useT } from './i18n';
import type { UnitData } from './lib/graph';
import { parseState, serializeState, type ViewState } from './lib/url-state';
import { useQuery } from './useQuery';

const KINDS = Object.keys(KIND_COLORS);

function useUrlState(): [ViewState, (patch: Partial<ViewState>) => void] {
  const [state, setState] = useState(() => parseState(window.location.search));
  useEffect(() => {
    const onPop = () => setState(parseState(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const update = useCallback((patch: Partial<ViewState>) => {
    setState((s) => {
      const next = { ...s, ...patch };
      window.history.pushState(null, '', `${window.location.pathname}${serializeState(next)}`);
      return next;
    });
  }, []);
  return [state, update];
}

export function App() {
  const [s, set] = useUrlState();
  useEffect(() => {
    document.documentElement.lang = s.lang === 'zh' ? 'zh-CN' : 'en';
  }, [s.lang]);
  return (
    <LangContext.Provider value={s.lang}>
      <Shell s={s} set={set} />
    </LangContext.Provider>
  );
}

function Shell({ s, set }: { s: ViewState; set: (p: Partial<ViewState>) => void }) {
  const { t, kind } = useT();
  const q = useQuery<{ documents: Array<{ id: string; title: string; jurisdiction: { id: string; name: string } | null }>; units: UnitData[] }>(NETWORK_QUERY, {});
  const documents = q.data?.documents ?? [];
  const jurisdictions = useMemo(() => {
    const m = new Map<string, string>();
    for (const d of documents) if (d.jurisdiction) m.set(d.jurisdiction.id, d.jurisdiction.name);
    return [...m].map(([id, name]) => ({ id, name }));
  }, [documents]);
  const filters = useMemo(() => ({ document: s.document, jurisdiction: s.jurisdiction, role: s.role, kinds: s.kinds, showTasks: s.showTasks }),
    [s.document, s.jurisdiction, s.role, s.kinds, s.showTasks]);
  const selectUnit = (id: string) => set({ unit: id, doc: '', hl: null, task: '' });
  const selectTask = (id: string) => set({ task: id, doc: '', hl: null });

  return (
    <div className="app">
      <header className="top">
        <div className="brand"><h1>{t('title')}</h1><p>{t('subtitle')}</p></div>
        <SearchBox onUnit={selectUnit} onTask={(_doc, id) => selectTask(id)} onRegion={(id) => set({ view: 'cooperation', region: id })} />
        <nav className="tabs" aria-label="views">
          {(['network', 'overload', 'cooperation', 'timeline', 'ledger'] as const).map((v) => (
            <button key={v} type="button" aria-pressed={s.view === v} onClick={() => set({ view: v })} data-testid={`tab-${v}`}>{t(v)}</button>
          ))}
        </nav>
        <UploadDialog onUploaded={q.retry} onOpenDocument={(id) => set({ view: 'network', document: id, unit: '', doc: '', hl: null })} />
        <button type="button" className="lang" onClick={() => set({ lang: s.lang === 'zh' ? 'en' : 'zh' })}>{t('language')}</button>
      </header>

      <main className="body">
        {s.view === 'network' && (
          <aside className="side" aria-label={t('filters')}>
            <h2>{t('filters')}</h2>
            <label>{t('document')}
              <select value={s.document} onChange={(e) => set({ document: e.target.value })}>
                <option value="">{t('all')}</option>
                {documents.map((d) => <option key={d.id} value={d.id}>{d.title}</option>)}
              </select>
            </label>
            <label>{t('jurisdiction')}
              <select value={s.jurisdiction} onChange={(e) => set({ jurisdiction: e.target.value })}>
                <option value="">{t('all')}</option>
                {jurisdictions.map((j) => <option key={j.id} value={j.id}>{j.name}</option>)}
              </select>
            </label>
            <label>{t('role')}
              <select value={s.role} onChange={(e) => set({ role: e.target.value as ViewState['role'] })}>
                <option value="">{t('all')}</option>
                <option value="lead">{t('lead')}</option><option value="responsible">{t('responsible')}</option><option value="participant">{t('participant')}</option>
              </select>
            </label>
            <fieldset>
              <legend>{t('kind')}</legend>
              {KINDS.map((k) => (
                <label key={k} className="check">
                  <input type="checkbox" checked={s.kinds.includes(k)} onChange={(e) => set({ kinds: e.target.checked ? [...s.kinds, k] : s.kinds.filter((x) => x !== k) })} />
                  <span className="swatch" style={{ background: KIND_COLORS[k] }} />{kind(k)}
                </label>
              ))}
            </fieldset>
            <label className="check"><input type="checkbox" checked={s.showTasks} onChange={(e) => set({ showTasks: e.target.checked })} />{t('showTasks')}</label>
            <h2>{t('legend')}</h2>
            <ul className="legend">
              <li><span className="line shared" />{t('sharedTasks')}</li>
              <li><span className="line member" />{t('memberEdge')}</li>
              <li><span className="line lead" />{t('lead')}</li>
              <li><span className="line responsible" />{t('responsible')}</li>
              <li><span className="line participant" />{t('participant')}</li>
            </ul>
          </aside>
        )}

        <div className="main">
          <Status loading={q.loading} error={q.error} retry={q.retry} />
          {q.data && s.view === 'network' && <NetworkView units={q.data.units} filters={filters} selected={s.unit} onSelect={selectUnit} />}
          {q.data && s.view === 'overload' && (
            <OverloadView jurisdictions={jurisdictions} jurisdiction={s.jurisdiction} measure={s.measure} onChange={(p) => set(p)} onSelect={selectUnit} />
          )}
          {q.data && s.view === 'cooperation' && (
            <CooperationView regions={jurisdictions} region={s.region} onRegion={(region) => set({ region })} onSelect={selectUnit} />
          )}
          {q.data && s.view === 'timeline' && (
            <TimelineView jurisdictions={jurisdictions} jurisdiction={s.jurisdiction} by={s.by} from={s.from} to={s.to} unit={s.unit} role={s.role}
              onChange={(p) => set(p)} onSelect={selectUnit} onTask={selectTask} />
          )}
          {q.data && s.view === 'ledger' && (
            <LedgerView documents={documents} jurisdictions={jurisdictions}
              filters={{ jurisdiction: s.jurisdiction, document: s.document, unit: s.unit, role: s.role, status: s.status }}
              onChange={(p) => set(p as Partial<ViewState>)} onSelect={selectUnit} onTask={selectTask} />
          )}
        </div>

        {s.doc ? (
          <DocumentReader id={s.doc} hl={s.hl} onClose={() => set({ doc: '', hl: null })} />
        ) : s.task ? (
          <TaskPanel id={s.task} onClose={() => set({ task: '' })} onSelect={selectUnit} onTask={selectTask} onOpenText={(doc, start, end) => set({ doc, hl: [start, end] })} />
        ) : s.unit ? (
          <UnitPanel id={s.unit} onClose={() => set({ unit: '' })} onSelect={selectUnit} onOpenText={(doc, start, end) => set({ doc, hl: [start, end] })} onTask={selectTask} />
        ) : null}
      </main>
    </div>
  );
}

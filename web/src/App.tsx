import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { DOCUMENT_JURISDICTION_QUERY, DOCUMENTS_QUERY, gql, JURISDICTION_GRAPH_QUERY, SHELL_QUERY, TIES_PER_UNIT, UNITS_QUERY } from './api';
import { AccountMenu } from './components/AccountMenu';
import { CooperationView } from './components/CooperationView';
import { DocumentReader } from './components/DocumentReader';
import { DocumentsView } from './components/DocumentsView';
import { NetworkView } from './components/NetworkView';
import { OverloadView } from './components/OverloadView';
import { ProvinceNetworkView } from './components/ProvinceNetworkView';
import { RegionNetworkView } from './components/RegionNetworkView';
import { SearchBox } from './components/SearchBox';
import { LedgerView } from './components/LedgerView';
import { Status } from './components/Status';
import { TaskPanel } from './components/TaskPanel';
import { TimelineView } from './components/TimelineView';
import { UnitPanel } from './components/UnitPanel';
import { OVERLOAD_COLOR } from './cytoscape-style';
import { UploadDialog } from './components/UploadDialog';
import { CompareView } from './components/CompareView';
import { GraphNotes } from './components/GraphNotes';
import { OwedView } from './components/OwedView';
import { YearFilter } from './components/YearFilter';
import { inPlanYear, useYear, YearContext, yearVariable } from './lib/year';
import { KIND_COLORS, LangContext, useT } from './i18n';
import type { Filters, UnitData } from './lib/graph';
import { foldsProvinces, isProvinceCode, PROVINCE_FROM, unitsOfGraph, type JurisdictionGraphData, type JurisdictionNetworkData } from './lib/jurisdiction-graph';
import { parseState, serializeState, type View, type ViewState } from './lib/url-state';
import { useQuery } from './useQuery';

const KINDS = Object.keys(KIND_COLORS);

interface ShellData { stats: { units: number; documents: number }; jurisdictionNetwork: JurisdictionNetworkData }
type DocumentItem = { id: string; title: string; jurisdiction: { id: string; name: string } | null; yearFrom: number | null; yearTo: number | null };
/** The views, in tab order; a new view adds its entry here. */
const VIEW_TABS: ReadonlyArray<{ view: View; label: 'network' | 'overloadTab' | 'cooperation' | 'regions_view' | 'timeline' | 'ledger' | 'documentsTab' | 'compareView' | 'owedTab' }> = [
  { view: 'network', label: 'network' }, { view: 'overload', label: 'overloadTab' }, { view: 'cooperation', label: 'cooperation' },
  { view: 'regions', label: 'regions_view' }, { view: 'timeline', label: 'timeline' }, { view: 'ledger', label: 'ledger' }, { view: 'duban', label: 'owedTab' },
  { view: 'documents', label: 'documentsTab' }, { view: 'compare', label: 'compareView' },
];

/** The 对比 tab is shown only while the comparison is open: it is reached from 文件管理 ("与上一版对比")
 *  or a URL, and a permanent tab for it would take the search field's room at 1280 px. */
const tabsFor = (view: View) => VIEW_TABS.filter((tab) => tab.view !== 'compare' || view === 'compare');

/** Tabs as WAI-ARIA describes them: one tab stop, arrows (and Home/End) move and open. */
function ViewTabs(props: { view: View; onView: (v: View) => void }) {
  const { t } = useT();
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const tabs = tabsFor(props.view);
  const onKey = (e: KeyboardEvent, i: number) => {
    const n = tabs.length;
    const to = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i + n - 1) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    refs.current[to]?.focus();
    props.onView(tabs[to]!.view);
  };
  return (
    <div className="tabs" role="tablist" aria-label={t('views')}>
      {tabs.map(({ view, label }, i) => (
        <button
          key={view} ref={(b) => { refs.current[i] = b; }} type="button" role="tab" id={`tab-${view}`} aria-selected={props.view === view}
          aria-controls="view-panel" tabIndex={props.view === view ? 0 : -1} onKeyDown={(e) => onKey(e, i)} onClick={() => props.onView(view)} data-testid={`tab-${view}`}
        >{t(label)}</button>
      ))}
    </div>
  );
}

/** What an unpinned change of view closes: the reader, the task panel and the unit's panel (the unit stays as a filter). */
const CLOSE_PANELS: Partial<ViewState> = { doc: '', hl: null, task: '', unitPanel: false };

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
      <YearContext.Provider value={s.year}>
        <Shell s={s} set={set} />
      </YearContext.Provider>
    </LangContext.Provider>
  );
}

/**
 * The unit network of one jurisdiction (or of a small store): its units and their assignments, of
 * the chosen document and role only. A province's city without those filters is drawn from the
 * counts kept on write (its units and the tasks each pair shares), not from every assignment:
 * 130 KB rather than 8.7 MB at 10,000 plans.
 */
function UnitNetwork(props: { jurisdiction: string; largeStore: boolean; filters: Filters; scope: { jurisdiction: string; document: string }; selected: string; onSelect: (id: string) => void; list: boolean; onList: (list: boolean) => void }) {
  const { jurisdiction, largeStore, ...view } = props;
  const f = props.filters;
  const counted = largeStore && !!jurisdiction && !f.document && !f.role && !f.showTasks;
  const y = yearVariable(useYear());
  const q = useQuery<{ units: UnitData[] }>(UNITS_QUERY, counted ? null : { j: jurisdiction || null, d: f.document || null, role: f.role ? f.role.toUpperCase() : null, y });
  const g = useQuery<{ jurisdictionGraph: JurisdictionGraphData }>(JURISDICTION_GRAPH_QUERY, counted ? { j: jurisdiction, limit: 500, y, ties: TIES_PER_UNIT } : null);
  const units = useMemo(() => (counted ? (g.data ? unitsOfGraph(g.data.jurisdictionGraph) : null) : q.data?.units ?? null), [counted, g.data, q.data]);
  const at = counted ? g : q;
  return (
    <>
      <Status loading={at.loading} error={at.error} retry={at.retry} />
      {counted && g.data && <GraphNotes g={g.data.jurisdictionGraph} />}
      {units && <NetworkView units={units} shared={counted ? g.data?.jurisdictionGraph.shared : undefined} {...view} />}
    </>
  );
}

function Shell({ s, set }: { s: ViewState; set: (p: Partial<ViewState>) => void }) {
  const { t, kind } = useT();
  // Nationally the server folds the network a node per province but for those opened (a city opened changes nothing).
  const openProvinces = useMemo(() => s.open.filter(isProvinceCode), [s.open]);
  const q = useQuery<ShellData>(SHELL_QUERY, { y: yearVariable(s.year), open: openProvinces });
  // Bumped after an upload, so that the unit network fetches again.
  const [loaded, setLoaded] = useState(0);
  const largeStore = !!q.data && q.data.stats.units > PROVINCE_FROM && q.data.jurisdictionNetwork.jurisdictions.length > 1;
  // A province's thousands of documents are listed only for the jurisdiction chosen: no one picks from 10,000.
  const docs = useQuery<{ documents: DocumentItem[] }>(DOCUMENTS_QUERY,
    !q.data ? null : largeStore ? (s.jurisdiction ? { j: s.jurisdiction } : null) : { j: null });
  // The 文件 choices are the year filter's documents, as the network shows them (and the one chosen, if of another year).
  const documents = useMemo(() => (q.data && (!largeStore || s.jurisdiction) ? (docs.data?.documents ?? []).filter((d) => inPlanYear(d, s.year) || d.id === s.document) : []),
    [q.data, largeStore, s.jurisdiction, docs.data, s.year, s.document]);
  // The jurisdictions that issued documents, busiest first.
  const jurisdictions = useMemo(() => (q.data?.jurisdictionNetwork.jurisdictions ?? [])
    .filter((j) => j.documents > 0).map((j) => ({ id: j.region.id, name: j.region.name })), [q.data]);
  const filters = useMemo(() => ({ document: s.document, jurisdiction: s.jurisdiction, role: s.role, kinds: s.kinds, showTasks: s.showTasks, overloaded: s.overloaded }),
    [s.document, s.jurisdiction, s.role, s.kinds, s.showTasks, s.overloaded]);
  // A chosen document narrows the network to its jurisdiction's units (the filter then keeps the document's).
  const networkJurisdiction = s.jurisdiction || documents.find((d) => d.id === s.document)?.jurisdiction?.id || '';
  const province = largeStore && !networkJurisdiction;
  // Each pick moves the focus to the unit's panel, even when it is the unit already open.
  const [picks, setPicks] = useState(0);
  const selectUnit = (id: string) => {
    set({ unit: id, doc: '', hl: null, task: '', unitPanel: true });
    setPicks((n) => n + 1);
  };
  const selectTask = (id: string) => set({ task: id, doc: '', hl: null });
  const pin = { pinned: s.pin, onPin: () => set({ pin: !s.pin }) };
  // A document's units, in its jurisdiction's network (a province's network lists no documents until one is chosen).
  const openDocument = (id: string) => {
    const show = (jurisdiction: string) => set({ view: 'network', document: id, jurisdiction, unit: '', doc: '', hl: null });
    gql<{ document: { jurisdiction: { id: string } | null } | null }>(DOCUMENT_JURISDICTION_QUERY, { id }).then(
      (d) => show(d.document?.jurisdiction?.id ?? ''), () => show(''));
  };

  return (
    <div className="app">
      <header className="top">
        <div className="brand"><h1>{t('title')}</h1><p>{t('subtitle')}</p></div>
        <SearchBox onUnit={selectUnit} onTask={(_doc, id) => selectTask(id)} onRegion={(id) => set({ view: 'cooperation', region: id })} />
        <YearFilter year={s.year} onYear={(year) => set({ year })} />
        <ViewTabs view={s.view} onView={(view) => set(s.pin ? { view } : { view, ...CLOSE_PANELS })} />
        <UploadDialog onUploaded={() => { q.retry(); docs.retry(); setLoaded((n) => n + 1); }} onOpenDocument={openDocument} />
        <button type="button" className="lang" onClick={() => set({ lang: s.lang === 'zh' ? 'en' : 'zh' })}>{t('language')}</button>
        <AccountMenu />
      </header>

      <main className="body">
        {s.view === 'network' && (
          <aside className="side" aria-label={t('filters')}>
            <h2>{t('filters')}</h2>
            <label>{t('document')}
              <select value={s.document} onChange={(e) => set({ document: e.target.value })} disabled={largeStore && !s.jurisdiction}>
                <option value="">{largeStore && !s.jurisdiction ? t('jurisdictionFirst') : t('all')}</option>
                {documents.map((d) => <option key={d.id} value={d.id}>{d.title}</option>)}
              </select>
            </label>
            <label>{t('jurisdiction')}
              <select value={s.jurisdiction} onChange={(e) => set({ jurisdiction: e.target.value })}>
                <option value="">{t('all')}</option>
                {jurisdictions.map((j) => <option key={j.id} value={j.id}>{j.name}</option>)}
              </select>
            </label>
            {province && <p className="note" data-testid="province-note">{t(q.data && foldsProvinces(q.data.jurisdictionNetwork) ? 'nationalNote' : 'provinceNote')}</p>}
            {!province && <label>{t('role')}
              <select value={s.role} onChange={(e) => set({ role: e.target.value as ViewState['role'] })}>
                <option value="">{t('all')}</option>
                <option value="lead">{t('lead')}</option><option value="responsible">{t('responsible')}</option><option value="participant">{t('participant')}</option>
              </select>
            </label>}
            <fieldset>
              <legend>{t('kind')}</legend>
              {KINDS.map((k) => (
                <label key={k} className="check">
                  <input type="checkbox" checked={s.kinds.includes(k)} onChange={(e) => set({ kinds: e.target.checked ? [...s.kinds, k] : s.kinds.filter((x) => x !== k) })} />
                  <span className="swatch" style={{ background: KIND_COLORS[k] }} />{kind(k)}
                </label>
              ))}
            </fieldset>
            <label className="check"><input type="checkbox" checked={s.overloaded} onChange={(e) => set({ overloaded: e.target.checked })} data-testid="only-overloaded" />{t('onlyOverloaded')}</label>
            {!province && <label className="check"><input type="checkbox" checked={s.showTasks} onChange={(e) => set({ showTasks: e.target.checked })} />{t('showTasks')}</label>}
            <h2>{t('legend')}</h2>
            <ul className="legend">
              {province && <li><span className="dot jurisdiction" />{t('jurisdictionSize')}</li>}
              <li><span className="ring" style={{ borderColor: OVERLOAD_COLOR }} />{t('overloadRing')}</li>
              <li><span className="sizes"><i /><i /><i /></span>{t('nodeSize')}</li>
              <li><span className="line shared" />{t('sharedTasks')}</li>
              <li><span className="line member" />{t('memberEdge')}</li>
              {!province && (<>
                <li><span className="line lead" />{t('lead')}</li>
                <li><span className="line responsible" />{t('responsible')}</li>
                <li><span className="line participant" />{t('participant')}</li>
              </>)}
            </ul>
            <p className="note">{t('labelNote')}</p>
          </aside>
        )}
        {s.view === 'regions' && (
          <aside className="side" aria-label={t('legend')}>
            <h2>{t('legend')}</h2>
            <ul className="legend">
              <li><span className="dot province" />{t('nested')}</li>
              <li><span className="dot area" />{t('areaShape')}</li>
              <li><span className="line shared" />{t('linkWidth')}</li>
              {largeStore && <li>{t('foldLegend')}</li>}
            </ul>
          </aside>
        )}

        <div className="main" id="view-panel" role="tabpanel" aria-labelledby={`tab-${s.view}`}>
          <Status loading={q.loading} error={q.error ?? docs.error} retry={q.error ? q.retry : docs.retry} />
          {q.data && s.view === 'network' && (province ? (
            <ProvinceNetworkView key={s.year} net={q.data.jurisdictionNetwork} open={s.open} onOpen={(open) => set({ open })} onJurisdiction={(jurisdiction) => set({ jurisdiction })}
              kinds={s.kinds} overloaded={s.overloaded} selected={s.unit} onSelect={selectUnit} list={s.list} onList={(list) => set({ list })} />
          ) : (
            <UnitNetwork key={loaded} jurisdiction={networkJurisdiction} largeStore={largeStore} filters={filters} selected={s.unit} onSelect={selectUnit} list={s.list} onList={(list) => set({ list })}
              scope={{ jurisdiction: jurisdictions.find((j) => j.id === networkJurisdiction)?.name ?? '', document: documents.find((d) => d.id === s.document)?.title ?? '' }} />
          ))}
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
          {s.view === 'documents' && (
            <DocumentsView onOpenDocument={(id) => set({ doc: id, hl: null })} onCompare={(cmpFrom, cmpTo) => set({ view: 'compare', cmpFrom, cmpTo })} onChanged={() => { q.retry(); docs.retry(); setLoaded((n) => n + 1); }} />
          )}
          {q.data && s.view === 'duban' && (
            <OwedView jurisdictions={jurisdictions} jurisdiction={s.jurisdiction} onJurisdiction={(jurisdiction) => set({ jurisdiction })} onSelect={selectUnit} />
          )}
          {s.view === 'compare' && (
            <CompareView from={s.cmpFrom} to={s.cmpTo} onChange={(p) => set(p)} onTask={selectTask} onSelect={selectUnit} />
          )}
          {q.data && s.view === 'regions' && (
            <RegionNetworkView minTasks={s.minTasks} link={s.link} list={s.list} onChange={(p) => set(p)} province={largeStore} open={s.open} top={s.top} onRegion={(region) => set({ view: 'cooperation', region })} onSelect={selectUnit} />
          )}
        </div>

        {s.doc ? (
          <DocumentReader id={s.doc} hl={s.hl} pin={pin} onClose={() => set({ doc: '', hl: null })} />
        ) : s.task ? (
          <TaskPanel id={s.task} pin={pin} onClose={() => set({ task: '' })} onSelect={selectUnit} onTask={selectTask} onOpenText={(doc, start, end) => set({ doc, hl: [start, end] })} />
        ) : s.unit && s.unitPanel ? (
          <UnitPanel id={s.unit} focusKey={picks} pin={pin} onClose={() => set({ unit: '' })} onSelect={selectUnit} onOpenText={(doc, start, end) => set({ doc, hl: [start, end] })} onTask={selectTask} />
        ) : null}
      </main>
    </div>
  );
}

import type cytoscape from 'cytoscape';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { gql, JURISDICTION_GRAPH_QUERY, TIES_PER_UNIT } from '../api';
import { useYear, yearVariable } from '../lib/year';
import { layoutFor, OVERLOAD_COLOR } from '../cytoscape-style';
import { useT } from '../i18n';
import { buildJurisdictionGraph, jurisdictionNodeId, unitsOfGraph, type JurisdictionGraphData, type JurisdictionNetworkData } from '../lib/jurisdiction-graph';
import type { NetworkHandle } from '../network/mount';
import { GraphNotes } from './GraphNotes';
import { NetworkCanvas } from './NetworkCanvas';
import { colonOf } from '../lib/png-export';
import { describeNode, exportDate, savePng } from './NetworkView';
import { OpenedChips } from './OpenedChips';
import { Status } from './Status';
import { UnitTable } from './UnitTable';

/** Units drawn per opened jurisdiction, the busiest first; the rest are counted, not drawn. */
const OPEN_LIMIT = 200;

type Fetched = { data: JurisdictionGraphData } | { error: string };

/** Each opened jurisdiction's units, fetched once when it is opened (and again on retry). */
function useOpenedGraphs(open: readonly string[]) {
  // The view is drawn anew for another year (App keys it by the year): one year per mount.
  const year = useYear();
  const [fetched, setFetched] = useState<ReadonlyMap<string, Fetched>>(new Map());
  const asked = useRef(new Set<string>());
  const fetchOne = useCallback((j: string) => {
    asked.current.add(j);
    gql<{ jurisdictionGraph: JurisdictionGraphData }>(JURISDICTION_GRAPH_QUERY, { j, limit: OPEN_LIMIT, y: yearVariable(year), ties: TIES_PER_UNIT }).then(
      (d) => setFetched((m) => new Map(m).set(j, { data: d.jurisdictionGraph })),
      (e: Error) => setFetched((m) => new Map(m).set(j, { error: e.message })),
    );
  }, [year]);
  useEffect(() => {
    for (const j of open) if (!asked.current.has(j)) fetchOne(j);
  }, [open, fetchOne]);
  const retry = useCallback((j: string) => {
    setFetched((m) => {
      const next = new Map(m);
      next.delete(j);
      return next;
    });
    fetchOne(j);
  }, [fetchOne]);
  return { fetched, retry };
}

/**
 * The network at a province's scale: a node per jurisdiction, opened into its units on click.
 * Only the jurisdictions (from counts kept on write) and the units of opened ones are fetched.
 */
export function ProvinceNetworkView(props: {
  net: JurisdictionNetworkData; open: string[]; onOpen: (open: string[]) => void; onJurisdiction: (id: string) => void;
  kinds: string[]; overloaded: boolean; selected: string; onSelect: (id: string) => void; list: boolean; onList: (list: boolean) => void;
}) {
  const { t, tf, kind, lang } = useT();
  // Nationally, the server draws a node per province until it is opened (a province code in `open`).
  const provinces = useMemo(() => new Set(props.net.provinces ?? []), [props.net]);
  const folded = useMemo(() => new Set(props.net.folded ?? []), [props.net]);
  // Opened into units: the jurisdictions in `open` that are not provinces of a national network.
  const unitOpen = useMemo(() => props.open.filter((j) => !provinces.has(j)), [props.open, provinces]);
  const { fetched, retry } = useOpenedGraphs(unitOpen);
  const names = useMemo(() => new Map(props.net.jurisdictions.map((j) => [j.region.id, j.region.name])), [props.net]);
  // Opened and fetched, in the order opened; a jurisdiction stays a node until its units are here.
  const opened = useMemo(() => {
    const m = new Map<string, JurisdictionGraphData>();
    for (const j of unitOpen) {
      const f = fetched.get(j);
      if (f && 'data' in f) m.set(j, f.data);
    }
    return m;
  }, [unitOpen, fetched]);
  const filters = useMemo(() => ({ kinds: props.kinds, overloaded: props.overloaded }), [props.kinds, props.overloaded]);
  const graph = useMemo(() => buildJurisdictionGraph(props.net, opened, filters), [props.net, opened, filters]);
  const nodes = useMemo(() => graph.nodes as cytoscape.ElementDefinition[], [graph]);
  const edges = useMemo(() => graph.edges as cytoscape.ElementDefinition[], [graph]);
  const layout = useMemo(() => layoutFor(graph.nodes.length, graph.edges.length), [graph]);
  const handle = useRef<NetworkHandle | null>(null);
  const pending = unitOpen.filter((j) => !fetched.has(j));
  const failed = unitOpen.flatMap((j) => {
    const f = fetched.get(j);
    return f && 'error' in f ? [{ j, error: f.error }] : [];
  });

  const toggle = (j: string) => {
    if (!props.open.includes(j)) return props.onOpen([...props.open, j]);
    // A province folded back folds the jurisdictions opened in it too.
    const inside = new Set(provinces.has(j) ? props.net.jurisdictions.filter((x) => x.region.within?.some((w) => w.id === j)).map((x) => x.region.id) : []);
    props.onOpen(props.open.filter((x) => x !== j && !inside.has(x)));
  };
  const onNode = (id: string) => {
    const j = props.net.jurisdictions.find((x) => jurisdictionNodeId(x.region.id) === id);
    // An opened province's own government (its code is the province's): its network, as the list's link gives it.
    if (j && provinces.has(j.region.id) && !folded.has(j.region.id)) props.onJurisdiction(j.region.id);
    else if (j) toggle(j.region.id);
    else props.onSelect(id);
  };
  const describe = (e: cytoscape.SingularElementArgument) => {
    const d = e.data();
    if (e.isEdge()) return d.type === 'jlink' ? `${e.source().data('name')}–${e.target().data('name')} · ${tf(d.summed ? 'tiesN' : 'tasksN', { n: d.weight })}` : tf('tasksN', { n: d.weight ?? 1 });
    if (d.type === 'jurisdiction') return tf(folded.has(d.id.slice(2)) ? 'aboutProvince' : 'aboutJurisdiction', { name: d.name, tasks: d.tasks, units: d.units, documents: d.documents });
    return describeNode(d, t, kind);
  };
  const summary = `${provinces.size ? `${tf('provincesN', { n: provinces.size })} · ` : ''}${tf('jurisdictionsN', { n: props.net.count ?? props.net.jurisdictions.length })}${opened.size ? ` · ${tf('openedUnits', { n: graph.unitCount })}` : ''}`;
  // The opened jurisdictions' units as the unit table lists them.
  const unitRows = useMemo(() => [...opened.values()].flatMap(unitsOfGraph), [opened]);

  return (
    <section className="network" aria-label={t('network')}>
      <div className="toolbar">
        <span data-testid="jurisdiction-count" role="status">{summary}</span>
        <OpenedChips open={props.open} names={names} onClose={toggle} onOnly={props.onJurisdiction} />
        <button type="button" aria-pressed={props.list} onClick={() => props.onList(!props.list)} data-testid="toggle-list">{t('asList')}</button>
        <button type="button" disabled={props.list} data-testid="export-png" onClick={() => void savePng(handle.current, {
          title: `${t('network')} · ${summary}`,
          filters: [`${t('pngFilters')}${colonOf(lang)}${[props.overloaded && t('onlyOverloaded'), props.kinds.length > 0 && props.kinds.map(kind).join('、')].filter(Boolean).join(' · ') || t('pngNoFilter')}`],
          date: exportDate(t, lang),
          legend: [
            { kind: 'dot', color: '#4a6f99', label: t('jurisdictionSize') },
            { kind: 'ring', color: OVERLOAD_COLOR, label: t('overloadRing') },
            { kind: 'line', color: '#8797a8', width: 4, label: t('sharedTasks') },
          ],
        }, [t('network'), ...props.open.map((j) => names.get(j) ?? j)])}>{t('exportPng')}</button>
      </div>
      {pending.length > 0 && <p className="status" role="status">{tf('opening', { name: pending.map((j) => names.get(j) ?? j).join('、') })}</p>}
      {failed.map(({ j, error }) => <Status key={j} error={error} retry={() => retry(j)} />)}
      {[...opened.values()].map((g) => <GraphNotes key={g.jurisdiction?.id} g={g} />)}
      {props.list ? (
        <div className="table-wrap">
          <table className="data" data-testid="jurisdiction-table">
            <caption>{t('jurisdictionTable')}</caption>
            <thead><tr>
              <th scope="col">{t('jurisdiction')}</th><th scope="col">{t('unitsCol')}</th><th scope="col">{t('documentsCol')}</th><th scope="col">{t('count')}</th>
              <th scope="col"><span className="sr-only">{t('expand')}</span></th>
            </tr></thead>
            <tbody>
              {props.net.jurisdictions.map((j) => (
                <tr key={j.region.id}>
                  <th scope="row"><button type="button" className="link" onClick={() => props.onJurisdiction(j.region.id)}>{j.region.name}</button></th>
                  <td>{j.units}</td><td>{j.documents}</td><td>{j.tasks}</td>
                  <td><button type="button" className="link" aria-pressed={props.open.includes(j.region.id)} onClick={() => toggle(j.region.id)}>
                    {props.open.includes(j.region.id) ? t('collapse') : t('expand')}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
          {unitRows.length > 0 && <UnitTable units={unitRows} onSelect={props.onSelect} />}
        </div>
      ) : (
        <NetworkCanvas
          nodes={nodes} edges={edges} layout={layout} testId="network" selected={props.selected}
          labels={{
            selector: 'node[type="unit"], node[type="jurisdiction"]', obstacles: 'node[type="group"]',
            // Every jurisdiction is named before any unit.
            priority: (n) => (n.data('type') === 'jurisdiction' ? 1e9 + Number(n.data('tasks')) : (n.data('overloaded') ? 1000 : 0) + Number(n.data('load') ?? 0)),
          }}
          focusable='node[type="unit"], node[type="jurisdiction"]' describe={describe} onNode={onNode}
          label={`${t('provinceNetworkLabel')}：${summary}`} help={t('graphHelp')}
          onHandle={(h) => (handle.current = h)}
        />
      )}
    </section>
  );
}

import type cytoscape from 'cytoscape';
import { useMemo, useRef } from 'react';
import { layoutFor } from '../cytoscape-style';
import { useT } from '../i18n';
import { download } from '../lib/download';
import { buildGraph, type Filters, type UnitData } from '../lib/graph';
import type { NetworkHandle } from '../network/mount';
import { NetworkCanvas } from './NetworkCanvas';
import { UnitTable } from './UnitTable';

type T = ReturnType<typeof useT>;

/** A unit node as the tooltip and the screen reader say it (other nodes by their label). */
export function describeNode(d: { type: string; label: string; name?: string; kind?: string; load?: number; overloaded?: boolean }, t: T['t'], kind: T['kind']): string {
  if (d.type !== 'unit') return d.label;
  return `${d.name} · ${kind(d.kind ?? '')} · ${t('load')} ${d.load}${d.overloaded ? ` · ${t('overloaded')}` : ''}`;
}

/** The whole graph as a PNG, twice the screen's resolution. */
export function savePng(h: NetworkHandle | null): void {
  const png = h?.cy.png({ full: true, scale: 2, bg: '#ffffff', output: 'blob' }) as Blob | undefined;
  if (png) download('network.png', png, 'image/png');
}

export function NetworkView(props: {
  units: UnitData[]; filters: Filters; selected: string;
  /** Pairs of units sharing tasks, counted by the API (then units come without their assignments). */
  shared?: ReadonlyArray<{ a: string; b: string; tasks: number }>; onSelect: (id: string) => void; list: boolean; onList: (list: boolean) => void;
}) {
  const { t, tf, kind } = useT();
  const graph = useMemo(() => buildGraph(props.units, props.filters, props.shared), [props.units, props.filters, props.shared]);
  const handle = useRef<NetworkHandle | null>(null);
  const shown = useMemo(() => {
    const ids = new Set(graph.nodes.filter((n) => n.data.type === 'unit').map((n) => n.data.id));
    return props.units.filter((u) => ids.has(u.id)).sort((a, b) => b.load.total - a.load.total || a.name.localeCompare(b.name, 'zh'));
  }, [graph, props.units]);
  const overloaded = shown.filter((u) => u.load.overloaded).length;
  const nodes = useMemo(() => graph.nodes as cytoscape.ElementDefinition[], [graph]);
  const edges = useMemo(() => graph.edges as cytoscape.ElementDefinition[], [graph]);
  const layout = useMemo(() => layoutFor(graph.nodes.length, graph.edges.length), [graph]);

  const describe = (e: cytoscape.SingularElementArgument) => {
    if (e.isEdge()) return tf('tasksN', { n: e.data('weight') ?? 1 });
    return describeNode(e.data(), t, kind);
  };
  const exportPng = () => savePng(handle.current);

  return (
    <section className="network" aria-label={t('network')}>
      <div className="toolbar">
        <span data-testid="unit-count">{graph.unitCount}{t('units')}</span>
        <span className="sr-only" role="status">{tf('shownUnits', { n: graph.unitCount, o: overloaded })}</span>
        <button type="button" aria-pressed={props.list} onClick={() => props.onList(!props.list)} data-testid="toggle-list">{t('asList')}</button>
        <button type="button" onClick={exportPng} disabled={props.list}>{t('exportPng')}</button>
      </div>
      {props.list ? (
        <UnitTable units={shown} onSelect={props.onSelect} />
      ) : (
        <NetworkCanvas
          nodes={nodes} edges={edges} layout={layout} testId="network" selected={props.selected}
          labels={{ selector: 'node[type="unit"]', priority: (n) => (n.data('overloaded') ? 1000 : 0) + Number(n.data('load') ?? 0), obstacles: 'node[type="group"]' }}
          focusable='node[type="unit"]' describe={describe} onNode={props.onSelect}
          label={`${t('networkLabel')}：${tf('shownUnits', { n: graph.unitCount, o: overloaded })}`} help={t('graphHelp')}
          onHandle={(h) => (handle.current = h)}
        />
      )}
    </section>
  );
}

import type cytoscape from 'cytoscape';
import { useMemo, useRef } from 'react';
import { layoutFor, OVERLOAD_COLOR } from '../cytoscape-style';
import { KIND_COLORS, useT } from '../i18n';
import { download } from '../lib/download';
import { colonOf, composePng, pngName, type PngCaption } from '../lib/png-export';
import { buildGraph, type Filters, type UnitData } from '../lib/graph';
import type { NetworkHandle } from '../network/mount';
import { NetworkCanvas } from './NetworkCanvas';
import { UnitTable } from './UnitTable';

type T = ReturnType<typeof useT>;

/** A unit node as the tooltip and the screen reader say it (other nodes by their label). */
export function describeNode(d: { type: string; label: string; name?: string; kind?: string; load?: number; overloaded?: boolean }, t: T['t'], kind: T['kind']): string {
  if (d.type === 'task') return d.name ?? d.label;
  if (d.type !== 'unit') return d.label;
  return `${d.name} · ${kind(d.kind ?? '')} · ${t('load')} ${d.load}${d.overloaded ? ` · ${t('overloaded')}` : ''}`;
}

/**
 * The whole graph as a PNG, twice the screen's resolution, with its title, filters, date and
 * legend drawn around it (lib/png-export.ts), named after what it shows.
 */
export async function savePng(h: NetworkHandle | null, caption: PngCaption, name: string[]): Promise<void> {
  const png = h?.cy.png({ full: true, scale: 2, bg: '#ffffff', output: 'blob' }) as Blob | undefined;
  if (!png) return;
  download(pngName([...name, today()]), await composePng(png, caption, 2), 'image/png');
}

const today = () => new Date().toISOString().slice(0, 10);

/** The export's date line, in the page's language: 导出日期：2026-12-05. */
export const exportDate = (t: T['t'], lang: T['lang']) => `${t('pngDate')}${colonOf(lang)}${today()}`;

export function NetworkView(props: {
  units: UnitData[]; filters: Filters; selected: string;
  /** The names of the jurisdiction and document filtered on, for the PNG's header (the filters hold ids). */
  scope?: { jurisdiction: string; document: string };
  /** Pairs of units sharing tasks, counted by the API (then units come without their assignments). */
  shared?: ReadonlyArray<{ a: string; b: string; tasks: number }>; onSelect: (id: string) => void; list: boolean; onList: (list: boolean) => void;
}) {
  const { t, tf, kind, lang } = useT();
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
  const exportPng = () => {
    const f = props.filters;
    const colon = colonOf(lang);
    const selected = props.units.find((u) => u.id === props.selected);
    const filters = [
      props.scope?.document && `${t('document')}${colon}${props.scope.document}`,
      f.role && `${t('role')}${colon}${t(f.role)}`,
      f.kinds.length > 0 && `${t('pngKinds')}${colon}${f.kinds.map(kind).join('、')}`,
      f.overloaded && t('onlyOverloaded'),
      f.showTasks && t('showTasks'),
      // The highlight is in the picture too: say whose it is.
      selected && `${t('pngSelected')}${colon}${selected.name}（${selected.jurisdiction?.name ?? ''}）`,
    ].filter((x): x is string => !!x);
    const kinds = [...new Set(shown.map((u) => u.kind.toLowerCase()))].filter((k) => KIND_COLORS[k]);
    const where = props.scope?.jurisdiction || t('all');
    void savePng(handle.current, {
      title: `${t('network')} · ${where} · ${tf('shownUnits', { n: graph.unitCount, o: overloaded })}`,
      filters: [`${t('pngFilters')}${colon}${filters.length ? filters.join(' · ') : t('pngNoFilter')}`],
      date: exportDate(t, lang),
      legend: [
        ...kinds.map((k) => ({ kind: 'dot' as const, color: KIND_COLORS[k]!, label: kind(k) })),
        { kind: 'ring', color: OVERLOAD_COLOR, label: t('overloadRing') },
        { kind: 'line', color: '#9aa7b4', width: 4, label: t('sharedTasks') },
        { kind: 'line', color: '#95a5a6', width: 1.5, dashed: true, label: t('memberEdge') },
        ...(f.showTasks ? [
          { kind: 'line' as const, color: '#c0392b', width: 2.5, label: t('lead') },
          { kind: 'line' as const, color: '#2f6fb5', width: 1.5, label: t('responsible') },
          { kind: 'line' as const, color: '#7f8c8d', width: 1.5, dashed: true, label: t('participant') },
        ] : []),
      ],
    }, [t('network'), where, selected?.name ?? '']);
  };

  return (
    <section className="network" aria-label={t('network')}>
      <div className="toolbar">
        <span data-testid="unit-count">{graph.unitCount}{t('units')}</span>
        <span className="sr-only" role="status">{tf('shownUnits', { n: graph.unitCount, o: overloaded })}</span>
        <button type="button" aria-pressed={props.list} onClick={() => props.onList(!props.list)} data-testid="toggle-list">{t('asList')}</button>
        <button type="button" onClick={exportPng} disabled={props.list} data-testid="export-png">{t('exportPng')}</button>
      </div>
      {props.list ? (
        <UnitTable units={shown} onSelect={props.onSelect} />
      ) : (
        <NetworkCanvas
          nodes={nodes} edges={edges} layout={layout} testId="network" selected={props.selected}
          labels={{
            // Task nodes (显示任务节点) are named too, by their ref, ranked by how many units carry them.
            selector: 'node[type="unit"], node[type="task"]', obstacles: 'node[type="group"]',
            priority: (n) => (n.data('type') === 'task' ? n.degree(false) : (n.data('overloaded') ? 1000 : 0) + Number(n.data('load') ?? 0)),
          }}
          focusable='node[type="unit"]' describe={describe} onNode={props.onSelect}
          label={`${t('networkLabel')}：${tf('shownUnits', { n: graph.unitCount, o: overloaded })}`} help={t('graphHelp')}
          onHandle={(h) => (handle.current = h)}
        />
      )}
    </section>
  );
}

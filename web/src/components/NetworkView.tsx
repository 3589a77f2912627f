import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useEffect, useMemo, useRef } from 'react';
import { GRAPH_STYLE, layoutFor } from '../cytoscape-style';
import { useT } from '../i18n';
import { download } from '../lib/download';
import { buildGraph, seededPosition, type Filters, type UnitData } from '../lib/graph';

cytoscape.use(fcose);

declare global {
  interface Window { __cy?: cytoscape.Core; __networkReadyMs?: number }
}

export function NetworkView(props: { units: UnitData[]; filters: Filters; selected: string; onSelect: (id: string) => void }) {
  const { t } = useT();
  const box = useRef<HTMLDivElement>(null);
  const cy = useRef<cytoscape.Core | null>(null);
  const graph = useMemo(() => buildGraph(props.units, props.filters), [props.units, props.filters]);
  const onSelect = useRef(props.onSelect);
  onSelect.current = props.onSelect;

  useEffect(() => {
    if (!box.current) return;
    const core = cytoscape({
      container: box.current,
      elements: [
        ...graph.nodes.map((n) => ({ ...n, position: seededPosition(n.data.id) })),
        ...graph.edges,
      ],
      style: GRAPH_STYLE,
      layout: layoutFor(graph.nodes.length),
      hideEdgesOnViewport: graph.edges.length > 5000,
      wheelSensitivity: 0.3,
      minZoom: 0.05,
      maxZoom: 4,
    });
    core.on('tap', 'node[type="unit"]', (e) => onSelect.current(e.target.id()));
    // The (non-animated) layout ran inside the constructor: the next frame shows a usable graph.
    // Milliseconds from navigation to then, for bench:web.
    requestAnimationFrame(() => (window.__networkReadyMs = performance.now()));
    cy.current = core;
    window.__cy = core; // for the end-to-end tests and the console
    return () => {
      core.destroy();
      cy.current = null;
    };
  }, [graph]);

  // Highlight the selected unit and its neighbourhood.
  useEffect(() => {
    const core = cy.current;
    if (!core) return;
    core.elements().removeClass('faded').unselect();
    if (!props.selected) return;
    const node = core.getElementById(props.selected);
    if (node.empty()) return;
    node.select();
    const hood = node.closedNeighborhood().union(node.ancestors());
    core.elements().not(hood).not('node[type="group"]').addClass('faded');
  }, [props.selected, graph]);

  const exportPng = () => {
    const png = cy.current?.png({ full: true, scale: 2, bg: '#ffffff', output: 'blob' }) as Blob | undefined;
    if (png) download('network.png', png, 'image/png');
  };

  return (
    <section className="network" aria-label={t('network')}>
      <div className="toolbar">
        <span data-testid="unit-count">{graph.unitCount}{t('units')}</span>
        <button type="button" onClick={exportPng}>{t('exportPng')}</button>
      </div>
      <div ref={box} className="cy" data-testid="network" data-units={graph.unitCount} />
    </section>
  );
}

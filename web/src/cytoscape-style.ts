import type cytoscape from 'cytoscape';
import { KIND_COLORS } from './i18n';

/** One style for the app and the benchmark page: kinds by colour, size by load, roles by line. */
export const GRAPH_STYLE: cytoscape.StylesheetJson = [
  { selector: 'node[type="unit"]', style: {
    'background-color': '#888',
    width: 'data(size)', height: 'data(size)', label: 'data(label)', 'font-size': 9, 'text-valign': 'bottom',
    'text-margin-y': 2, color: '#222', 'text-outline-color': '#fff', 'text-outline-width': 1.5, 'min-zoomed-font-size': 7,
  } },
  // Plain selectors and mapData, not JS functions: they are what keeps 5,000 nodes fast.
  ...Object.entries(KIND_COLORS).map(([kind, color]) => ({ selector: `node[kind="${kind}"]`, style: { 'background-color': color } })),
  { selector: 'node[kind="collective"]', style: { shape: 'round-diamond' } },
  { selector: 'node[type="task"]', style: { shape: 'rectangle', width: 8, height: 8, 'background-color': '#bbb', label: '', 'border-width': 0 } },
  { selector: 'node[type="group"]', style: {
    'background-color': '#f4f6f8', 'background-opacity': 0.6, 'border-color': '#cfd6dd', 'border-width': 1, label: 'data(label)',
    'font-size': 22, 'font-weight': 'bold', 'text-valign': 'top', 'text-halign': 'center', color: '#556', shape: 'round-rectangle',
  } },
  { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#111' } },
  { selector: 'edge[type="shared"]', style: { width: 'mapData(weight, 1, 8, 0.8, 8)', 'line-color': '#9aa7b4', opacity: 0.35, 'curve-style': 'haystack' } },
  { selector: 'edge[type="member"]', style: { width: 1, 'line-color': '#95a5a6', 'line-style': 'dashed', opacity: 0.6 } },
  { selector: 'edge[type="lead"]', style: { width: 2.5, 'line-color': '#c0392b', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#c0392b', 'curve-style': 'bezier' } },
  { selector: 'edge[type="responsible"]', style: { width: 1.5, 'line-color': '#2f6fb5', 'curve-style': 'bezier' } },
  { selector: 'edge[type="participant"]', style: { width: 1, 'line-color': '#7f8c8d', 'line-style': 'dotted', 'curve-style': 'bezier' } },
  { selector: '.faded', style: { opacity: 0.08 } },
];

/** Above this many units, jurisdictions are not drawn as boxes (compound nodes cost too much to lay out). */
import { GROUP_LIMIT } from './lib/graph';

export { GROUP_LIMIT };

/**
 * Stable between reloads either way: small graphs are refined by fcose from positions seeded by
 * their ids; large ones get fcose's spectral layout alone ('draft'), made deterministic by greedy
 * rather than random sampling — refining thousands of scattered nodes would take a minute.
 */
export function layoutFor(nodes: number): cytoscape.LayoutOptions {
  const large = nodes > GROUP_LIMIT;
  return {
    name: 'fcose', quality: large ? 'draft' : 'default', randomize: large, samplingType: false, animate: false,
    nodeRepulsion: 6000, idealEdgeLength: 80, nestingFactor: 0.2, gravity: 0.3, numIter: 2500, tile: true, packComponents: true,
  } as unknown as cytoscape.LayoutOptions;
}

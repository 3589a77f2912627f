import type cytoscape from 'cytoscape';
import { KIND_COLORS } from './i18n';

/** One style for the app and the benchmark page: kinds by colour, size by load, roles by line. */
export const GRAPH_STYLE: cytoscape.StylesheetJson = [
  { selector: 'node[type="unit"]', style: {
    'background-color': (n: cytoscape.NodeSingular) => KIND_COLORS[n.data('kind') as string] ?? '#888',
    width: 'data(size)', height: 'data(size)', label: 'data(label)', 'font-size': 9, 'text-valign': 'bottom',
    'text-margin-y': 2, color: '#222', 'text-outline-color': '#fff', 'text-outline-width': 1.5, 'min-zoomed-font-size': 7,
  } },
  { selector: 'node[kind="collective"]', style: { shape: 'round-diamond' } },
  { selector: 'node[type="task"]', style: { shape: 'rectangle', width: 8, height: 8, 'background-color': '#bbb', label: '', 'border-width': 0 } },
  { selector: 'node[type="group"]', style: {
    'background-color': '#f4f6f8', 'background-opacity': 0.6, 'border-color': '#cfd6dd', 'border-width': 1, label: 'data(label)',
    'font-size': 22, 'font-weight': 'bold', 'text-valign': 'top', 'text-halign': 'center', color: '#556', shape: 'round-rectangle',
  } },
  { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#111' } },
  { selector: 'edge[type="shared"]', style: { width: (e: cytoscape.EdgeSingular) => Math.min(8, 0.6 + Number(e.data('weight'))), 'line-color': '#9aa7b4', opacity: 0.35, 'curve-style': 'haystack' } },
  { selector: 'edge[type="member"]', style: { width: 1, 'line-color': '#95a5a6', 'line-style': 'dashed', opacity: 0.6 } },
  { selector: 'edge[type="lead"]', style: { width: 2.5, 'line-color': '#c0392b', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#c0392b', 'curve-style': 'bezier' } },
  { selector: 'edge[type="responsible"]', style: { width: 1.5, 'line-color': '#2f6fb5', 'curve-style': 'bezier' } },
  { selector: 'edge[type="participant"]', style: { width: 1, 'line-color': '#7f8c8d', 'line-style': 'dotted', 'curve-style': 'bezier' } },
  { selector: '.faded', style: { opacity: 0.08 } },
];

export const LAYOUT = {
  name: 'fcose', quality: 'default', randomize: false, animate: false, nodeRepulsion: 6000, idealEdgeLength: 80,
  nestingFactor: 0.2, gravity: 0.3, numIter: 2000, tile: true, packComponents: true,
} as unknown as cytoscape.LayoutOptions;

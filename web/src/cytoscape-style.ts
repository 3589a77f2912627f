import type cytoscape from 'cytoscape';
import { KIND_COLORS } from './i18n';
import { COMPOUND_PADDING } from './network/layout-style';

/** The CJK font the page uses, so labels measure and draw as the label placement expects. */
export const LABEL_FONT_FAMILY = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
/** Overloaded units: a ring around the node (size stays load). Also the legend's swatch. */
export const OVERLOAD_COLOR = '#b3001b';

/**
 * One style for the app and the benchmark page: kinds by colour, size by load, roles by line.
 * Unit labels are off until the label placement (network/labels.ts) picks the node: it sets
 * the class `labelled`, the side and a font size that is the same on screen at any zoom.
 */
export const GRAPH_STYLE: cytoscape.StylesheetJson = [
  { selector: 'node[type="unit"]', style: {
    'background-color': '#888',
    width: 'data(size)', height: 'data(size)', label: '', 'font-family': LABEL_FONT_FAMILY, 'font-size': 12,
    color: '#1d2733', 'text-outline-color': '#fff', 'text-outline-width': 2, 'text-outline-opacity': 0.9, 'min-zoomed-font-size': 0,
  } },
  // Plain selectors and mapData, not JS functions: they are what keeps 5,000 nodes fast.
  ...Object.entries(KIND_COLORS).map(([kind, color]) => ({ selector: `node[kind="${kind}"]`, style: { 'background-color': color } })),
  { selector: 'node[kind="collective"]', style: { shape: 'round-diamond' } },
  { selector: 'node[?overloaded]', style: { 'outline-width': 4, 'outline-color': OVERLOAD_COLOR, 'outline-offset': 2, 'outline-opacity': 1 } },
  // Task nodes (显示任务节点): small grey squares, named by their ref in a muted colour, set apart from the units' names.
  { selector: 'node[type="task"]', style: {
    shape: 'round-rectangle', width: 10, height: 10, 'background-color': '#8a96a3', label: '', 'border-width': 1, 'border-color': '#fff',
    'font-family': LABEL_FONT_FAMILY, 'font-size': 12, color: '#4a5563', 'text-outline-color': '#fff', 'text-outline-width': 2, 'text-outline-opacity': 0.9, 'min-zoomed-font-size': 0,
  } },
  { selector: 'node[type="group"]', style: {
    'background-color': '#f4f6f8', 'background-opacity': 0.6, 'border-color': '#cfd6dd', 'border-width': 1, label: 'data(label)',
    'font-family': LABEL_FONT_FAMILY, 'font-size': 22, 'font-weight': 'bold', 'text-valign': 'top', 'text-halign': 'center', color: '#445566',
    shape: 'round-rectangle', 'min-zoomed-font-size': 6, padding: `${COMPOUND_PADDING}px`, 'compound-sizing-wrt-labels': 'exclude',
  } },
  // Regions: sized by the tasks that tie them; a region with regions drawn inside it is a box.
  { selector: 'node[type="region"]', style: {
    width: 'data(size)', height: 'data(size)', 'background-color': '#5b7fa6', label: '', 'font-family': LABEL_FONT_FAMILY, 'font-size': 12,
    color: '#1d2733', 'text-outline-color': '#fff', 'text-outline-width': 2, 'min-zoomed-font-size': 0,
  } },
  { selector: 'node[type="region"][level="area"]', style: { shape: 'round-hexagon', 'background-color': '#c8691c' } },
  { selector: 'node[type="region"][level="province"]', style: { 'background-color': '#2f6fb5' } },
  { selector: 'node[type="region"][level="county"]', style: { 'background-color': '#2e8b57' } },
  { selector: 'node[type="region"]:parent', style: {
    'background-color': '#f1f4f8', 'background-opacity': 0.7, 'border-color': '#b8c4d0', 'border-width': 1, shape: 'round-rectangle',
    label: 'data(name)', 'text-valign': 'top', 'text-halign': 'center', 'font-weight': 'bold', 'font-size': 16, color: '#445566', 'min-zoomed-font-size': 6,
    padding: `${COMPOUND_PADDING}px`, 'compound-sizing-wrt-labels': 'exclude',
  } },
  // Jurisdictions on the province-scale network: sized by the tasks of their plans, opened on click.
  { selector: 'node[type="jurisdiction"]', style: {
    width: 'data(size)', height: 'data(size)', 'background-color': '#4a6f99', 'border-width': 2, 'border-color': '#fff', label: '',
    'font-family': LABEL_FONT_FAMILY, 'font-size': 12, color: '#1d2733', 'text-outline-color': '#fff', 'text-outline-width': 2, 'min-zoomed-font-size': 0,
  } },
  { selector: 'node[type="jurisdiction"][level="province"]', style: { 'background-color': '#2f4f7a' } },
  { selector: 'edge[type="jlink"]', style: { width: 'data(width)', 'line-color': '#8797a8', opacity: 0.45, 'curve-style': 'haystack' } },
  // Labelled nodes (and their labels) are drawn above the others.
  { selector: 'node.labelled', style: { label: 'data(label)', 'z-index': 5 } },
  { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#111' } },
  { selector: 'node.kbd-focus', style: { 'border-width': 3, 'border-color': '#111', 'border-style': 'double', 'underlay-color': '#1f3a5f', 'underlay-opacity': 0.25, 'underlay-padding': 6 } },
  { selector: 'edge[type="shared"]', style: { width: 'mapData(weight, 1, 8, 0.8, 8)', 'line-color': '#9aa7b4', opacity: 0.35, 'curve-style': 'haystack' } },
  { selector: 'edge[type="member"]', style: { width: 1, 'line-color': '#95a5a6', 'line-style': 'dashed', opacity: 0.6 } },
  { selector: 'edge[type="lead"]', style: { width: 2.5, 'line-color': '#c0392b', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#c0392b', 'curve-style': 'bezier' } },
  { selector: 'edge[type="responsible"]', style: { width: 1.5, 'line-color': '#2f6fb5', 'curve-style': 'bezier' } },
  { selector: 'edge[type="participant"]', style: { width: 1, 'line-color': '#7f8c8d', 'line-style': 'dotted', 'curve-style': 'bezier' } },
  { selector: 'edge[type="link"]', style: {
    width: 'data(width)', 'line-color': '#7d8fa3', opacity: 0.55, 'curve-style': 'straight',
  } },
  { selector: 'edge[type="link"]:selected, edge[type="link"].kbd-focus', style: { 'line-color': '#c8691c', opacity: 1, 'z-index': 10 } },
  { selector: 'edge[type="link"]:active', style: { 'overlay-opacity': 0.15 } },
  { selector: '.faded', style: { opacity: 0.08 } },
];

/** Above this many units, jurisdictions are not drawn as boxes (compound nodes cost too much to lay out). */
import { GROUP_LIMIT } from './lib/graph';

export { GROUP_LIMIT };

/** From this many nodes on, Cytoscape's WebGL renderer draws the graph (when the browser has WebGL 2). */
export const WEBGL_FROM = 1000;

/**
 * Stable between reloads either way: small graphs are refined by fcose from positions seeded by
 * their ids; large ones get fcose's spectral layout alone ('draft'), made deterministic by greedy
 * rather than random sampling — refining thousands of scattered nodes would take a minute.
 */
export function layoutFor(nodes: number, edges = 0): cytoscape.LayoutOptions {
  const large = nodes > GROUP_LIMIT;
  // A city of a province's store: nearly every unit shares tasks with every other, and the edges
  // would pull them into one heap; more repulsion and longer edges keep them apart.
  const dense = edges > 8 * nodes;
  return {
    name: 'fcose', quality: large ? 'draft' : 'default', randomize: large, samplingType: false, animate: false, fit: false,
    nodeRepulsion: dense ? 90000 : 20000, idealEdgeLength: dense ? 150 : 90, edgeElasticity: 0.1, nestingFactor: 0.2, gravity: 0.25, gravityCompound: 0.3, numIter: 2500, tile: true,
  } as unknown as cytoscape.LayoutOptions;
}

/** The region network: few nodes, long edges so their labels have room. */
export function regionLayout(): cytoscape.LayoutOptions {
  return {
    name: 'fcose', quality: 'default', randomize: false, samplingType: false, animate: false, fit: false,
    nodeRepulsion: 20000, idealEdgeLength: 130, edgeElasticity: 0.2, nestingFactor: 0.3, gravity: 0.2, numIter: 2500, tile: true, packComponents: true,
  } as unknown as cytoscape.LayoutOptions;
}

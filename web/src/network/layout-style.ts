import type cytoscape from 'cytoscape';

/** What the layout needs of the style, for the headless copy in the worker: node sizes and box padding (as in GRAPH_STYLE). */
export const COMPOUND_PADDING = 28;
export const LAYOUT_STYLE: cytoscape.StylesheetJson = [
  { selector: 'node[size]', style: { width: 'data(size)', height: 'data(size)' } },
  { selector: ':parent', style: { padding: `${COMPOUND_PADDING}px` } },
];

import type cytoscape from 'cytoscape';
import { useEffect, useId, useRef, useState } from 'react';
import { attachKeyboard } from '../network/keyboard';
import type { LabelOptions } from '../network/labels';
import { mountNetwork, type NetworkHandle } from '../network/mount';

declare global {
  interface Window { __cy?: cytoscape.Core; __networkReadyMs?: number; __networkRenderer?: string }
}

export interface CanvasProps {
  nodes: cytoscape.ElementDefinition[];
  edges: cytoscape.ElementDefinition[];
  layout: cytoscape.LayoutOptions;
  labels: LabelOptions;
  /** Nodes the arrow keys move between. */
  focusable: string;
  /** What the tooltip and the screen reader say about an element. */
  describe: (ele: cytoscape.SingularElementArgument) => string;
  onNode: (id: string) => void;
  onEdge?: (id: string) => void;
  /** The selected node or edge: ringed, its neighbourhood kept, the rest faded. */
  selected: string;
  label: string;
  help: string;
  testId: string;
  onHandle?: (h: NetworkHandle | null) => void;
}

/** A Cytoscape graph with placed labels, a tooltip, keyboard navigation and announcements. */
export function NetworkCanvas(props: CanvasProps) {
  const box = useRef<HTMLDivElement>(null);
  const handle = useRef<NetworkHandle | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const [tip, setTip] = useState<{ text: string; x: number; y: number } | null>(null);
  const [said, setSaid] = useState('');
  const [ready, setReady] = useState(false);
  const helpId = useId();

  useEffect(() => {
    if (!box.current) return;
    setReady(false);
    const h = mountNetwork(box.current, {
      nodes: props.nodes, edges: props.edges, layout: props.layout,
      labels: { ...props.labels, pinned: () => [latest.current.selected, ...(props.labels.pinned?.() ?? [])].filter(Boolean) },
    });
    const { cy } = h;
    handle.current = h;
    window.__cy = cy; // for the end-to-end tests and the console
    window.__networkRenderer = h.renderer;
    latest.current.onHandle?.(h);
    cy.on('tap', 'node', (e) => {
      if (e.target.is(latest.current.focusable)) latest.current.onNode(e.target.id());
    });
    cy.on('tap', 'edge', (e) => latest.current.onEdge?.(e.target.id()));
    const show = (e: cytoscape.EventObject) => {
      const p = e.target.isNode() ? e.target.renderedPosition() : e.target.renderedMidpoint();
      setTip({ text: latest.current.describe(e.target), x: p.x, y: p.y });
    };
    cy.on('mouseover', 'node, edge', show);
    cy.on('mouseout', 'node, edge', () => setTip(null));
    cy.on('viewport', () => setTip(null));
    const detachKeys = attachKeyboard(cy, box.current, {
      selector: props.focusable,
      // Start where the eye starts: the selected node, or the most prominent one.
      first: () => {
        const sel = cy.getElementById(latest.current.selected);
        if (sel.nonempty() && sel.isNode()) return sel as unknown as cytoscape.NodeSingular;
        const all = cy.nodes(props.focusable).filter((n) => n.visible()).toArray() as cytoscape.NodeSingular[];
        return all.sort((a, b) => props.labels.priority(b) - props.labels.priority(a))[0];
      },
      onActivate: (n) => latest.current.onNode(n.id()),
      onFocus: (n) => {
        if (!n) {
          setTip(null);
          return;
        }
        const text = latest.current.describe(n);
        const p = n.renderedPosition();
        setTip({ text, x: p.x, y: p.y });
        setSaid(text);
        h.labels.update();
      },
    });
    void h.ready.then(() => {
      if (cy.destroyed()) return;
      window.__networkReadyMs = performance.now(); // for bench:web
      setReady(true);
    });
    return () => {
      detachKeys();
      h.destroy();
      handle.current = null;
      latest.current.onHandle?.(null);
      setTip(null);
    };
    // The graph is rebuilt only when its elements change; the callbacks are read through `latest`.
  }, [props.nodes, props.edges]);

  // The selection: its neighbourhood stays, the rest fades.
  useEffect(() => {
    const h = handle.current;
    if (!h) return;
    const cy = h.cy;
    const apply = () => {
      if (cy.destroyed()) return;
      cy.elements().removeClass('faded').unselect();
      const ele = props.selected ? cy.getElementById(props.selected) : cy.collection();
      if (ele.nonempty()) {
        ele.select();
        const ends = (ele as cytoscape.EdgeCollection).connectedNodes();
        const hood: cytoscape.Collection = ele.isNode()
          ? (ele as cytoscape.NodeCollection).closedNeighborhood().union((ele as cytoscape.NodeCollection).ancestors())
          : ends.union(ele).union(ends.ancestors());
        cy.elements().not(hood).not(':parent').addClass('faded');
      }
      h.labels.update();
    };
    void h.ready.then(apply);
  }, [props.selected, props.nodes, props.edges]);

  return (
    <div className="cy-wrap">
      <div
        ref={box} className="cy" data-testid={props.testId} data-ready={ready ? '1' : '0'} tabIndex={0} role="group"
        aria-roledescription="graph" aria-label={props.label} aria-describedby={helpId}
        onBlur={() => setTip(null)}
      />
      <p id={helpId} className="cy-help">{props.help}</p>
      {tip && <div className="cy-tip" role="tooltip" style={{ left: tip.x, top: tip.y }}>{tip.text}</div>}
      <p className="sr-only" role="status" aria-live="polite">{said}</p>
    </div>
  );
}

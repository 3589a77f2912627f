/**
 * The graph without a mouse: arrow keys move to the nearest node in that direction, Enter opens
 * it, + and − zoom, 0 fits the graph, Escape lets go. The focused node is ringed and scrolled
 * into view; the caller announces it.
 */
import type cytoscape from 'cytoscape';
import { nextInDirection } from '../lib/direction';

const DIRS: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };

export function attachKeyboard(cy: cytoscape.Core, container: HTMLElement, opts: {
  selector: string; first: () => cytoscape.NodeSingular | undefined; onActivate: (n: cytoscape.NodeSingular) => void; onFocus: (n: cytoscape.NodeSingular | null) => void;
}): () => void {
  let focused: cytoscape.NodeSingular | null = null;
  const focus = (n: cytoscape.NodeSingular | null) => {
    focused?.removeClass('kbd-focus');
    focused = n;
    if (n) {
      n.addClass('kbd-focus');
      const p = n.renderedPosition();
      if (p.x < 40 || p.y < 40 || p.x > cy.width() - 40 || p.y > cy.height() - 40) cy.center(n);
    }
    opts.onFocus(n);
  };
  const zoomBy = (f: number) => cy.zoom({ level: cy.zoom() * f, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  const onKey = (e: KeyboardEvent) => {
    const dir = DIRS[e.key];
    if (dir) {
      e.preventDefault();
      if (!focused || focused.removed()) {
        focus(opts.first() ?? null);
        return;
      }
      const here = focused.position();
      const nodes = cy.nodes(opts.selector).filter((n) => n.visible() && n.id() !== focused!.id())
        .map((n) => ({ id: n.id(), ...(n as cytoscape.NodeSingular).position() }));
      const next = nextInDirection(here, dir, nodes);
      if (next) focus(cy.getElementById(next) as cytoscape.NodeSingular);
    } else if ((e.key === 'Enter' || e.key === ' ') && focused) {
      e.preventDefault();
      opts.onActivate(focused);
    } else if (e.key === '+' || e.key === '=') {
      e.preventDefault();
      zoomBy(1.25);
    } else if (e.key === '-' || e.key === '_') {
      e.preventDefault();
      zoomBy(0.8);
    } else if (e.key === '0') {
      e.preventDefault();
      cy.fit(undefined, 24);
    } else if (e.key === 'Escape' && focused) {
      focus(null);
    }
  };
  container.addEventListener('keydown', onKey);
  return () => {
    container.removeEventListener('keydown', onKey);
    if (!cy.destroyed()) focused?.removeClass('kbd-focus');
  };
}

import type cytoscape from 'cytoscape';
import { useEffect, useMemo, useRef } from 'react';
import { LINK_QUERY, REGION_NETWORK_QUERY } from '../api';
import { regionLayout } from '../cytoscape-style';
import { useT } from '../i18n';
import { buildRegionGraph, linkKey, type RegionNetworkData } from '../lib/region-graph';
import { useQuery } from '../useQuery';
import { useYear, yearVariable } from '../lib/year';
import { LinkEvidence, type Link } from './LinkEvidence';
import { NetworkCanvas } from './NetworkCanvas';
import { OpenedChips } from './OpenedChips';
import { Status } from './Status';

const MIN_CHOICES = [1, 2, 3, 5, 10];
/** At a province's scale: how many of the strongest links to draw (0: all). */
const TOP_CHOICES = [50, 100, 200, 500, 0];

type Change = { minTasks?: number; link?: string; list?: boolean; open?: string[]; top?: number };

/**
 * Regions as nodes (a county inside its city, a city inside its province), lines as wide as the
 * tasks that tie two regions; a line opens its evidence tasks and their leads. At a province's
 * scale (province) counties are folded into their cities, a city opens on click, and only the
 * strongest links are fetched.
 */
export function RegionNetworkView(props: {
  minTasks: number; link: string; list: boolean; onChange: (p: Change) => void;
  onRegion: (id: string) => void; onSelect: (id: string) => void; province: boolean; open: string[]; top: number;
}) {
  const { t, tf, level } = useT();
  const scale = props.province ? { fold: true, open: props.open, top: props.top || null } : {};
  const q = useQuery<{ regionNetwork: RegionNetworkData }>(REGION_NETWORK_QUERY, { min: props.minTasks, ...scale, y: yearVariable(useYear()) });
  const net = q.data?.regionNetwork;
  // Names of every region seen, for the opened cities' chips (an opened city may have no line of its own).
  const seen = useRef(new Map<string, string>());
  for (const n of net?.nodes ?? []) seen.current.set(n.region.id, n.region.name);
  const fold = (id: string) => props.onChange({ open: props.open.filter((x) => x !== id), link: '' });
  const graph = useMemo(() => (net ? buildRegionGraph(net) : null), [net]);
  const nodes = useMemo(() => (graph?.nodes ?? []) as cytoscape.ElementDefinition[], [graph]);
  // A link between a region and one drawn inside it is not drawn (the nesting shows it; Cytoscape would draw a loop); the list has it.
  const edges = useMemo(() => (graph?.edges.filter((e) => !e.data.nested) ?? []) as cytoscape.ElementDefinition[], [graph]);
  const names = useMemo(() => new Map(net?.nodes.map((n) => [n.region.id, n.region.name]) ?? []), [net]);
  const [a, b] = props.link ? props.link.split('~') : ['', ''];

  const describe = (e: cytoscape.SingularElementArgument) => {
    if (e.isEdge()) return `${e.data('label')} · ${tf('tasksN', { n: e.data('weight') })}`;
    const folded = Number(e.data('folded'));
    return `${e.data('name')} · ${level(e.data('level'))} · ${tf('tasksN', { n: e.data('tasks') })}${folded ? ` · ${tf('foldedN', { n: folded })}` : ''}`;
  };
  // A city standing for its counties opens; any other region goes to its cooperation links.
  const onNode = (id: string) => {
    if (props.province && Number(net?.nodes.find((n) => n.region.id === id)?.folded ?? 0) > 0) props.onChange({ open: [...props.open, id], link: '' });
    else props.onRegion(id);
  };

  return (
    <section className="regions" aria-label={t('regions_view')}>
      <div className="toolbar">
        <label>{t('minTasks')}{' '}
          <select value={props.minTasks} onChange={(e) => props.onChange({ minTasks: Number(e.target.value), link: '' })} data-testid="min-tasks">
            {MIN_CHOICES.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        {props.province && (
          <label>{t('topLinks')}{' '}
            <select value={props.top} onChange={(e) => props.onChange({ top: Number(e.target.value), link: '' })} data-testid="top-links">
              {TOP_CHOICES.map((n) => <option key={n} value={n}>{n || t('all')}</option>)}
            </select>
          </label>
        )}
        {net && <span role="status" data-testid="region-count">{tf('shownRegions', { n: net.nodes.length, l: net.links.length })}{net.moreLinks ? ` · ${tf('moreLinks', { n: net.moreLinks })}` : ''}</span>}
        <OpenedChips open={props.open.filter(() => props.province)} names={seen.current} onClose={fold} />
        <button type="button" aria-pressed={props.list} onClick={() => props.onChange({ list: !props.list })} data-testid="toggle-list">{t('asList')}</button>
        <span className="hint">{t('regionHelp')}</span>
      </div>
      <Status loading={q.loading} error={q.error} retry={q.retry} empty={!!net && net.nodes.length === 0} />
      <div className="split">
        {net && net.nodes.length > 0 && (props.list ? (
          <div className="table-wrap">
            <table className="data" data-testid="link-table">
              <caption>{t('regionLinks')}</caption>
              <thead><tr><th scope="col">{t('links')}</th><th scope="col">{t('count')}</th><th scope="col"><span className="sr-only">{t('openEvidence')}</span></th></tr></thead>
              <tbody>
                {net.links.map((l) => {
                  const key = linkKey(l.from.id, l.to.id);
                  return (
                    <tr key={key}>
                      <th scope="row">{l.from.name}–{l.to.name}</th><td>{l.count}</td>
                      <td><button type="button" className="link" aria-pressed={props.link === key} onClick={() => props.onChange({ link: key })}>{t('openEvidence')}</button></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <table className="data">
              <caption>{t('regionNodes')}</caption>
              <thead><tr><th scope="col">{t('region')}</th><th scope="col">{t('level')}</th><th scope="col">{t('inside')}</th><th scope="col">{t('count')}</th></tr></thead>
              <tbody>
                {net.nodes.map((n) => (
                  <tr key={n.region.id}>
                    <th scope="row"><button type="button" className="link" onClick={() => props.onRegion(n.region.id)}>{n.region.name}</button></th>
                    <td>{level(n.region.level)}</td><td>{n.parent ? names.get(n.parent.id) : ''}</td><td>{n.tasks}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <NetworkCanvas
            nodes={nodes} edges={edges} layout={regionLayout()} testId="region-network" selected={props.link ? `l:${props.link}` : ''}
            labels={{ selector: 'node[type="region"]', priority: (n) => Number(n.data('tasks') ?? 0), obstacles: 'node[type="region"]', solidBodies: Infinity }}
            focusable='node[type="region"]' describe={describe}
            onNode={onNode} onEdge={(id) => props.onChange({ link: id.replace(/^l:/, '') })}
            label={`${t('regionNetworkLabel')}：${net ? tf('shownRegions', { n: net.nodes.length, l: net.links.length }) : ''}`} help={t('graphHelp')}
          />
        ))}
        {props.link && <EvidencePanel a={a!} b={b!} scale={scale} names={names} onClose={() => props.onChange({ link: '' })} onSelect={props.onSelect} />}
      </div>
    </section>
  );
}

/** The cooperation panel for one link: the same evidence the 区域协作 view shows. */
function EvidencePanel(props: { a: string; b: string; scale: { fold?: boolean; open?: string[] }; names: Map<string, string>; onClose: () => void; onSelect: (id: string) => void }) {
  const { t, tf } = useT();
  // With counties folded, a city's link holds its counties' tasks too: asked for the same way.
  const scope = { fold: props.scale.fold ?? false, open: props.scale.open ?? null, y: yearVariable(useYear()) };
  const q = useQuery<{ cooperationLinks: Link[] }>(LINK_QUERY, { region: props.a, partner: props.b, ...scope });
  const link = q.data?.cooperationLinks[0];
  const title = `${props.names.get(props.a) ?? props.a}–${props.names.get(props.b) ?? props.b}`;
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen-reader users land on what they opened.
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, [props.a, props.b]);
  return (
    <aside className="link-panel" aria-label={title} data-testid="link-panel">
      <header>
        <h3 tabIndex={-1} ref={heading}>{title}{link && ` · ${tf('tasksN', { n: link.count })}`}</h3>
        <button type="button" onClick={props.onClose} aria-label={t('close')}>×</button>
      </header>
      <Status loading={q.loading} error={q.error} retry={q.retry} empty={!q.loading && !q.error && !link} />
      {link && <LinkEvidence link={link} scope={scope} onSelect={props.onSelect} />}
    </aside>
  );
}

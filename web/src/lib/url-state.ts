/**
 * The view's state lives in the URL, so a supervisor can share exactly what they see.
 * parse() tolerates anything a user may paste; serialize() writes only non-default values.
 */
export type View = 'network' | 'overload' | 'cooperation' | 'timeline' | 'ledger' | 'regions' | 'documents' | 'compare' | 'duban';
export type Lang = 'zh' | 'en';
export type RoleFilter = '' | 'lead' | 'responsible' | 'participant';
export type Measure = 'LEAD' | 'TOTAL' | 'WEIGHTED';
export type StatusFilter = '' | 'PAST_DUE' | 'DUE_SOON' | 'LATER' | 'ONGOING' | 'NONE';
export type PeriodBy = 'MONTH' | 'QUARTER';

export interface ViewState {
  view: View;
  lang: Lang;
  /** Selected unit (its panel is open). */
  unit: string;
  /** Document open in the reader, and the raw offsets to highlight. */
  doc: string;
  hl: [number, number] | null;
  /** Filters. */
  document: string;
  jurisdiction: string;
  /**
   * At a province's scale, the cities opened: on the network into their units, on the region
   * network into their counties (division codes; one list, as both views open a city).
   */
  open: string[];
  role: RoleFilter;
  kinds: string[];
  showTasks: boolean;
  /** Only the overloaded units (the API's `overloaded`). */
  overloaded: boolean;
  /** The graph as a table (its text alternative) instead of the drawing. */
  list: boolean;
  /** Overload and cooperation views. */
  measure: Measure;
  region: string;
  /** Region network: links with at least this many tasks, and the link whose evidence is open ("id~id"). */
  minTasks: number;
  link: string;
  /** Region network at a province's scale: the strongest links drawn (0: all). */
  top: number;
  /** Task panel (deadline, leaders, follow-ups). */
  task: string;
  /**
   * The side panel (unit, task, document) stays open when the view changes (`pin=1`); unpinned,
   * a change of view closes it. The unit stays chosen as the timeline's and ledger's filter,
   * named there in a chip, with its panel shut (`panel=0`) until it is picked again.
   */
  pin: boolean;
  unitPanel: boolean;
  /** Timeline and ledger views. */
  status: StatusFilter;
  by: PeriodBy;
  from: string;
  to: string;
  /** The plan year every view is filtered by (0: all years; lib/year.ts). */
  year: number;
  /** Compare view: the earlier and the later document (ids). */
  cmpFrom: string;
  cmpTo: string;
}

export const DEFAULT_STATE: ViewState = {
  view: 'network', lang: 'zh', unit: '', doc: '', hl: null, document: '', jurisdiction: '', open: [], role: '', kinds: [],
  showTasks: false, overloaded: false, list: false, measure: 'WEIGHTED', region: '430500', minTasks: 2, link: '', top: 100, task: '', pin: false, unitPanel: true, status: '', by: 'QUARTER', from: '', to: '', year: 0, cmpFrom: '', cmpTo: '',
};

const VIEWS: readonly View[] = ['network', 'overload', 'cooperation', 'timeline', 'ledger', 'regions', 'documents', 'compare', 'duban'];
const STATUSES: readonly StatusFilter[] = ['', 'PAST_DUE', 'DUE_SOON', 'LATER', 'ONGOING', 'NONE'];
const isoOr = (v: string | null) => (/^\d{4}-\d{2}-\d{2}$/.test(v ?? '') ? v! : '');
const ROLES: readonly RoleFilter[] = ['', 'lead', 'responsible', 'participant'];
const MEASURES: readonly Measure[] = ['LEAD', 'TOTAL', 'WEIGHTED'];
const oneOf = <T extends string>(v: string | null, allowed: readonly T[], fallback: T): T => (allowed.includes(v as T) ? (v as T) : fallback);

export function parseState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const hl = (p.get('hl') ?? '').split('-').map(Number);
  return {
    view: oneOf(p.get('view'), VIEWS, DEFAULT_STATE.view),
    lang: p.get('lang') === 'en' ? 'en' : 'zh',
    unit: p.get('unit') ?? '',
    doc: p.get('doc') ?? '',
    hl: hl.length === 2 && hl.every((n) => Number.isInteger(n) && n >= 0) && hl[0]! <= hl[1]! ? [hl[0]!, hl[1]!] : null,
    document: p.get('document') ?? '',
    jurisdiction: /^\d{6}$/.test(p.get('jurisdiction') ?? '') ? p.get('jurisdiction')! : '',
    open: [...new Set((p.get('open') ?? '').split(',').filter((j) => /^\d{6}$/.test(j)))],
    role: oneOf(p.get('role'), ROLES, ''),
    kinds: (p.get('kinds') ?? '').split(',').filter(Boolean),
    showTasks: p.get('tasks') === '1',
    overloaded: p.get('over') === '1',
    list: p.get('list') === '1',
    measure: oneOf(p.get('measure'), MEASURES, DEFAULT_STATE.measure),
    region: p.get('region') || DEFAULT_STATE.region,
    minTasks: /^[1-9]\d{0,2}$/.test(p.get('min') ?? '') ? Number(p.get('min')) : DEFAULT_STATE.minTasks,
    link: /^[^~]+~[^~]+$/.test(p.get('link') ?? '') ? p.get('link')! : '',
    top: /^(0|[1-9]\d{0,3})$/.test(p.get('top') ?? '') ? Number(p.get('top')) : DEFAULT_STATE.top,
    task: p.get('task') ?? '',
    pin: p.get('pin') === '1',
    unitPanel: p.get('panel') !== '0',
    status: oneOf(p.get('status'), STATUSES, ''),
    by: p.get('by') === 'MONTH' ? 'MONTH' : 'QUARTER',
    from: isoOr(p.get('from')),
    to: isoOr(p.get('to')),
    year: /^(19|20)\d{2}$/.test(p.get('year') ?? '') ? Number(p.get('year')) : 0,
    cmpFrom: p.get('cmp')?.split('~')[0] ?? '',
    cmpTo: p.get('cmp')?.split('~')[1] ?? '',
  };
}

export function serializeState(s: ViewState): string {
  const p = new URLSearchParams();
  const set = (k: string, v: string, d: string) => {
    if (v !== d) p.set(k, v);
  };
  set('view', s.view, DEFAULT_STATE.view);
  set('lang', s.lang, DEFAULT_STATE.lang);
  set('unit', s.unit, '');
  set('doc', s.doc, '');
  if (s.hl) p.set('hl', `${s.hl[0]}-${s.hl[1]}`);
  set('document', s.document, '');
  set('jurisdiction', s.jurisdiction, '');
  set('open', s.open.join(','), '');
  set('role', s.role, '');
  set('kinds', s.kinds.join(','), '');
  if (s.showTasks) p.set('tasks', '1');
  if (s.overloaded) p.set('over', '1');
  if (s.list) p.set('list', '1');
  set('measure', s.measure, DEFAULT_STATE.measure);
  set('region', s.region, DEFAULT_STATE.region);
  set('min', String(s.minTasks), String(DEFAULT_STATE.minTasks));
  set('link', s.link, '');
  set('top', String(s.top), String(DEFAULT_STATE.top));
  set('task', s.task, '');
  if (s.pin) p.set('pin', '1');
  if (!s.unitPanel && s.unit) p.set('panel', '0');
  set('status', s.status, '');
  set('by', s.by, DEFAULT_STATE.by);
  set('from', s.from, '');
  set('to', s.to, '');
  set('year', String(s.year), '0');
  if (s.cmpFrom || s.cmpTo) p.set('cmp', `${s.cmpFrom}~${s.cmpTo}`);
  const q = p.toString();
  return q ? `?${q}` : '';
}

import { createContext, useContext } from 'react';
import type { Lang } from './lib/url-state';

/** Chinese first; every string the interface shows has an English counterpart. */
const STRINGS = {
  title: { zh: '责任落实图谱', en: 'Responsibility graph' },
  subtitle: { zh: '行动方案的任务、牵头单位与责任单位', en: 'Tasks, leads and responsible units of action plans' },
  network: { zh: '单位网络', en: 'Network' },
  overload: { zh: '负荷排行', en: 'Load ranking' },
  cooperation: { zh: '区域协作', en: 'Cooperation' },
  search: { zh: '搜索单位、任务或地区（简体、繁體或简称）', en: 'Search units, tasks, places (any script)' },
  loading: { zh: '加载中…', en: 'Loading…' },
  empty: { zh: '没有结果', en: 'No results' },
  apiDown: { zh: '无法连接服务器，请确认服务已启动后重试。', en: 'Cannot reach the server. Check that it is running and try again.' },
  error: { zh: '出错了：', en: 'Error: ' },
  retry: { zh: '重试', en: 'Retry' },
  filters: { zh: '筛选', en: 'Filters' },
  document: { zh: '文件', en: 'Document' },
  jurisdiction: { zh: '辖区', en: 'Jurisdiction' },
  role: { zh: '角色', en: 'Role' },
  kind: { zh: '单位类型', en: 'Unit kind' },
  all: { zh: '全部', en: 'All' },
  lead: { zh: '牵头', en: 'Lead' },
  responsible: { zh: '责任', en: 'Responsible' },
  participant: { zh: '参与', en: 'Participant' },
  inferred: { zh: '（按排序推定）', en: ' (inferred from list order)' },
  showTasks: { zh: '显示任务节点', en: 'Show task nodes' },
  legend: { zh: '图例', en: 'Legend' },
  sharedTasks: { zh: '共同任务（线宽=数量）', en: 'Shared tasks (width = count)' },
  memberEdge: { zh: '集合单位—成员', en: 'Collective — member' },
  exportPng: { zh: '导出图片', en: 'Export PNG' },
  exportCsv: { zh: '导出表格', en: 'Export CSV' },
  units: { zh: '个单位', en: ' units' },
  tasks: { zh: '任务', en: 'Tasks' },
  regions: { zh: '地区', en: 'Regions' },
  close: { zh: '关闭', en: 'Close' },
  load: { zh: '负荷', en: 'Load' },
  leads: { zh: '牵头任务', en: 'Leads' },
  responsibleFor: { zh: '负责任务', en: 'Responsible for' },
  participatesIn: { zh: '参与任务', en: 'Participates in' },
  partners: { zh: '合作最多的单位', en: 'Most frequent partners' },
  members: { zh: '成员', en: 'Members' },
  memberOf: { zh: '所属集合', en: 'Member of' },
  viewInText: { zh: '查看原文', en: 'View in text' },
  measure: { zh: '衡量', en: 'Measure' },
  LEAD: { zh: '牵头数', en: 'Leads' },
  TOTAL: { zh: '任务总数', en: 'All tasks' },
  WEIGHTED: { zh: '加权（牵头×3＋责任×2＋参与）', en: 'Weighted (3·lead + 2·resp. + part.)' },
  peerMean: { zh: '同类均值', en: 'Peer mean' },
  zScore: { zh: 'Z 值', en: 'z-score' },
  peers: { zh: '同类单位数', en: 'Peers' },
  overloaded: { zh: '负荷过重', en: 'Overloaded' },
  unit: { zh: '单位', en: 'Unit' },
  region: { zh: '地区', en: 'Region' },
  links: { zh: '协作联系', en: 'Links' },
  evidence: { zh: '依据任务', en: 'Evidence tasks' },
  count: { zh: '任务数', en: 'Tasks' },
  carriedBy: { zh: '承担单位', en: 'Carried by' },
  language: { zh: 'English', en: '中文' },
  shortName: { zh: '图中简称', en: 'Short name in the graph' },
  resultsN: { zh: '找到 {n} 条结果，按↓逐条浏览', en: '{n} results; press ↓ to go through them' },
  regions_view: { zh: '区域网络', en: 'Region network' },
  views: { zh: '视图', en: 'Views' },
  onlyOverloaded: { zh: '只看超负荷', en: 'Only overloaded' },
  overloadRing: { zh: '超负荷单位（加权负荷高出同类 2 个标准差以上）', en: 'Overloaded (weighted load ≥ 2 SD above peers)' },
  nodeSize: { zh: '圆点大小＝任务数', en: 'Dot size = number of tasks' },
  labelNote: { zh: '名称按负荷优先显示，放大可见更多；悬停看全称', en: 'Names shown by load first; zoom in for more, hover for the full name' },
  asList: { zh: '列表', en: 'List' },
  asGraph: { zh: '图形', en: 'Graph' },
  graphHelp: { zh: '键盘：Tab 进入图形，方向键在节点间移动，回车打开，+/− 缩放，0 显示全图，Esc 取消', en: 'Keyboard: Tab into the graph, arrows move between nodes, Enter opens, +/− zoom, 0 fits, Esc lets go' },
  networkLabel: { zh: '单位网络图', en: 'Unit network graph' },
  regionNetworkLabel: { zh: '区域网络图', en: 'Region network graph' },
  shownUnits: { zh: '显示 {n} 个单位，其中 {o} 个超负荷', en: '{n} units shown, {o} overloaded' },
  unitTable: { zh: '单位列表（图形的文字版，按负荷排序）', en: 'Units (the graph as text, by load)' },
  fullName: { zh: '全称', en: 'Full name' },
  total: { zh: '合计', en: 'Total' },
  yes: { zh: '是', en: 'yes' },
  tasksN: { zh: '{n} 项任务', en: '{n} tasks' },
  minTasks: { zh: '至少任务数', en: 'At least tasks' },
  regionLinks: { zh: '区域联系（按任务数排序）', en: 'Region links (by tasks)' },
  regionNodes: { zh: '区域（按任务数排序）', en: 'Regions (by tasks)' },
  level: { zh: '级别', en: 'Level' },
  inside: { zh: '所在', en: 'Inside' },
  openEvidence: { zh: '查看依据', en: 'Show evidence' },
  regionHelp: { zh: '点击连线（或在列表中选择）查看依据任务及牵头单位', en: 'Click a line (or pick one in the list) for its evidence tasks and their leads' },
  shownRegions: { zh: '显示 {n} 个区域、{l} 条联系', en: '{n} regions and {l} links shown' },
  nested: { zh: '框内为下级区域（县在市内、市在省内）；上下级之间的联系见列表', en: 'Boxes hold their lower regions (county in city, city in province); links between them are in the list' },
  areaShape: { zh: '六边形：跨区域板块（粤港澳大湾区、长株潭……）', en: 'Hexagon: a named area or bloc (GBA, 长株潭 …)' },
  linkWidth: { zh: '连线宽度＝相关任务数', en: 'Line width = tasks that tie the two' },
  levels: {
    zh: { province: '省级', prefecture: '地级', county: '县级', area: '区域板块' },
    en: { province: 'Province', prefecture: 'Prefecture', county: 'County', area: 'Area' },
  },
  kinds: {
    zh: { department: '部门', party_organ: '党委机构', county_government: '县区政府', zone: '园区/开发区', vertical_agency: '垂直管理机构', enterprise: '企业', institution: '事业单位', federation: '群团组织', collective: '集合单位' },
    en: { department: 'Department', party_organ: 'Party organ', county_government: 'County government', zone: 'Zone / park', vertical_agency: 'Vertical agency', enterprise: 'Enterprise', institution: 'Institution', federation: 'Federation', collective: 'Collective' },
  },
} as const;

type Key = Exclude<keyof typeof STRINGS, 'kinds' | 'levels'>;

export const LangContext = createContext<Lang>('zh');

export function useT() {
  const lang = useContext(LangContext);
  const t = (k: Key) => STRINGS[k][lang];
  const kind = (k: string) => (STRINGS.kinds[lang] as Record<string, string>)[k.toLowerCase()] ?? k;
  const level = (k: string) => (STRINGS.levels[lang] as Record<string, string>)[k.toLowerCase()] ?? k;
  /** A string with {name} placeholders filled in. */
  const tf = (k: Key, vars: Record<string, string | number>) => t(k).replace(/\{(\w+)\}/g, (_, v: string) => String(vars[v] ?? ''));
  return { t, tf, kind, level, lang };
}

export const KIND_COLORS: Record<string, string> = {
  department: '#2f6fb5', party_organ: '#c0392b', county_government: '#2e8b57', zone: '#d68910', vertical_agency: '#7d3c98',
  enterprise: '#16a085', institution: '#5d6d7e', federation: '#e84393', collective: '#95a5a6',
};

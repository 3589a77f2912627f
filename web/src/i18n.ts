import { createContext, useContext } from 'react';
import type { Lang } from './lib/url-state';

/** Chinese first; every string the interface shows has an English counterpart. */
const STRINGS = {
  title: { zh: '责任落实图谱', en: 'Responsibility graph' },
  subtitle: { zh: '行动方案的任务、牵头单位与责任单位', en: 'Tasks, leads and responsible units of action plans' },
  network: { zh: '单位网络', en: 'Network' },
  overload: { zh: '负荷排行', en: 'Load ranking' },
  cooperation: { zh: '区域协作', en: 'Cooperation' },
  search: { zh: '搜索单位、任务或地区（简体、繁體或简称）', en: 'Search units, tasks or places (simplified, traditional, abbreviations)' },
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
  upload: { zh: '上传方案', en: 'Upload plans' },
  uploadIntro: { zh: '支持 Word（.docx/.doc）、Excel（.xlsx/.xls）、PDF、网页（.html）和文本（.txt）；每个文件不超过 10 MB，可一次选择多个文件。', en: 'Word (.docx/.doc), Excel (.xlsx/.xls), PDF, web pages (.html) and text (.txt); up to 10 MB per file, several at once.' },
  chooseFiles: { zh: '选择文件…', en: 'Choose files…' },
  dropHint: { zh: '也可以把文件拖放到页面任意位置。', en: 'Or drop files anywhere on the page.' },
  dropHere: { zh: '松开鼠标即可上传方案', en: 'Drop to upload the plans' },
  token: { zh: '导入令牌', en: 'Ingest token' },
  tokenHint: { zh: '服务器的 INGEST_TOKEN，只保存在本浏览器标签页的会话中。', en: "The server's INGEST_TOKEN; kept only for this browser tab's session." },
  tokenNeeded: { zh: '请先输入导入令牌，再开始上传。', en: 'Enter the ingest token to start the upload.' },
  startUpload: { zh: '开始上传', en: 'Start upload' },
  forgetToken: { zh: '更换令牌', en: 'Change token' },
  waiting: { zh: '等待上传', en: 'Waiting' },
  sending: { zh: '上传中', en: 'Uploading' },
  reading: { zh: '解析中…', en: 'Reading…' },
  ADDED: { zh: '已导入', en: 'Loaded' },
  REPLACED: { zh: '已更新（替换旧版本）', en: 'Replaced the earlier version' },
  failed: { zh: '未导入', en: 'Not loaded' },
  taskCount: { zh: '项任务', en: ' tasks' },
  warningCount: { zh: '条提示', en: ' warnings' },
  showInNetwork: { zh: '在网络中查看', en: 'Show in the network' },
  reason: { zh: '原因：', en: 'Reason: ' },
  uploadProgress: { zh: '上传进度', en: 'Upload progress' },
  timeline: { zh: '时间线', en: 'Timeline' },
  ledger: { zh: '台账', en: 'Ledger' },
  exportLedger: { zh: '导出台账', en: 'Export ledger' },
  status: { zh: '状态', en: 'Status' },
  deadline: { zh: '完成时限', en: 'Deadline' },
  dueDate: { zh: '截止日期', en: 'Due date' },
  leaders: { zh: '责任领导', en: 'Leaders' },
  note: { zh: '原文依据', en: 'Source note' },
  refCol: { zh: '任务编号', en: 'Task ref' },
  byMonth: { zh: '按月', en: 'By month' },
  byQuarter: { zh: '按季度', en: 'By quarter' },
  from: { zh: '起', en: 'From' },
  to: { zh: '止', en: 'To' },
  rows: { zh: '行', en: ' rows' },
  pastDueMeaning: {
    zh: '状态仅按文件所定的完成时限计算：“已过期”只表示所定日期已过，不代表任务未完成（系统没有进度数据）。',
    en: 'Status comes from the stated deadline alone: “Past due” only means the stated date has passed, not that the task is unfinished (there is no progress data).',
  },
  followUps: { zh: '跟进的方案任务', en: 'Plan tasks it follows up' },
  followedUpBy: { zh: '后续报告的跟进', en: 'Followed up by reports' },
  sharedTerms: { zh: '共同的专有名称', en: 'Shared distinctive terms' },
  score: { zh: '得分', en: 'Score' },
  openTask: { zh: '任务详情', en: 'Task details' },
  assignments: { zh: '责任分工', en: 'Assignments' },
  noDeadline: { zh: '未写明时限', en: 'No deadline stated' },
  statuses: {
    zh: { PAST_DUE: '已过期', DUE_SOON: '即将到期', LATER: '未到期', ONGOING: '长期/定期', NONE: '无时限' },
    en: { PAST_DUE: 'Past due', DUE_SOON: 'Due soon', LATER: 'Later', ONGOING: 'Ongoing', NONE: 'No deadline' },
  },
  kinds: {
    zh: { department: '部门', party_organ: '党委机构', county_government: '县区政府', zone: '园区/开发区', vertical_agency: '垂直管理机构', enterprise: '企业', institution: '事业单位', federation: '群团组织', collective: '集合单位' },
    en: { department: 'Department', party_organ: 'Party organ', county_government: 'County government', zone: 'Zone / park', vertical_agency: 'Vertical agency', enterprise: 'Enterprise', institution: 'Institution', federation: 'Federation', collective: 'Collective' },
  },
} as const;

type Key = Exclude<keyof typeof STRINGS, 'kinds' | 'statuses'>;

export const LangContext = createContext<Lang>('zh');

export function useT() {
  const lang = useContext(LangContext);
  const t = (k: Key) => STRINGS[k][lang];
  const kind = (k: string) => (STRINGS.kinds[lang] as Record<string, string>)[k.toLowerCase()] ?? k;
  const status = (s: string) => (STRINGS.statuses[lang] as Record<string, string>)[s] ?? s;
  return { t, kind, status, lang };
}

export const KIND_COLORS: Record<string, string> = {
  department: '#2f6fb5', party_organ: '#c0392b', county_government: '#2e8b57', zone: '#d68910', vertical_agency: '#7d3c98',
  enterprise: '#16a085', institution: '#5d6d7e', federation: '#e84393', collective: '#95a5a6',
};

/** Status lights: red, yellow, green, blue, grey (the same as the Excel ledger's fills). */
export const STATUS_COLORS: Record<string, string> = {
  PAST_DUE: '#e0605e', DUE_SOON: '#f0c419', LATER: '#3fa663', ONGOING: '#4f8fd6', NONE: '#b8bec6',
};

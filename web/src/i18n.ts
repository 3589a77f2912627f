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
  kinds: {
    zh: { department: '部门', party_organ: '党委机构', county_government: '县区政府', zone: '园区/开发区', vertical_agency: '垂直管理机构', enterprise: '企业', institution: '事业单位', federation: '群团组织', collective: '集合单位' },
    en: { department: 'Department', party_organ: 'Party organ', county_government: 'County government', zone: 'Zone / park', vertical_agency: 'Vertical agency', enterprise: 'Enterprise', institution: 'Institution', federation: 'Federation', collective: 'Collective' },
  },
} as const;

type Key = Exclude<keyof typeof STRINGS, 'kinds'>;

/** Upload refusals by the server's code (the server's own message, in English, gives the detail). */
export const UPLOAD_ERRORS: Record<string, { zh: string; en: string }> = {
  UNAUTHENTICATED: { zh: '导入令牌缺失或不正确，请重新输入后再试。', en: 'The ingest token is missing or wrong: enter it again and retry.' },
  FORBIDDEN: { zh: '服务器未开启上传（需要设置 INGEST_TOKEN）。', en: 'Uploading is disabled on this server (INGEST_TOKEN is not set).' },
  FILE_TOO_LARGE: { zh: '文件超过 10 MB 的上限。', en: 'The file is over the 10 MB limit.' },
  REQUEST_TOO_LARGE: { zh: '上传的内容超过上限。', en: 'The upload is over the size limit.' },
  TOO_MANY_FILES: { zh: '一次上传的文件过多。', en: 'Too many files in one upload.' },
  BAD_FILENAME: { zh: '文件名不能用作文档编号：请只用汉字、字母、数字和 _ . - ( )，扩展名为 .docx、.xlsx、.pdf、.html、.txt 等。', en: 'The file name cannot be a document id: use letters, digits and _ . - ( ), ending in .docx, .xlsx, .pdf, .html, .txt….' },
  DUPLICATE_DOCUMENT: { zh: '与另一个文件同名（扩展名不同），请改名后再上传。', en: 'Another file has the same name (with another extension): rename one.' },
  UNREADABLE: { zh: '无法读取该文件。', en: 'The file cannot be read.' },
  NO_TASKS: { zh: '文件中没有找到任务（没有带牵头单位或责任单位说明的条目）。', en: 'No tasks found (no item carries a lead or responsible-unit note).' },
  LOAD_FAILED: { zh: '写入数据库失败，没有写入任何内容。', en: 'Writing to the database failed; nothing was written.' },
  STORE_UNAVAILABLE: { zh: '数据库暂时不可用，请稍后重试。', en: 'The database is unavailable; try again later.' },
  NETWORK: { zh: '无法连接服务器，请确认服务已启动后重试。', en: 'Cannot reach the server. Check that it is running and try again.' },
  HTTP: { zh: '上传失败。', en: 'The upload failed.' },
};

export const LangContext = createContext<Lang>('zh');

export function useT() {
  const lang = useContext(LangContext);
  const t = (k: Key) => STRINGS[k][lang];
  const kind = (k: string) => (STRINGS.kinds[lang] as Record<string, string>)[k.toLowerCase()] ?? k;
  return { t, kind, lang };
}

export const KIND_COLORS: Record<string, string> = {
  department: '#2f6fb5', party_organ: '#c0392b', county_government: '#2e8b57', zone: '#d68910', vertical_agency: '#7d3c98',
  enterprise: '#16a085', institution: '#5d6d7e', federation: '#e84393', collective: '#95a5a6',
};

/** The strings of progress records and lights (spread into i18n.ts's table). */
export const PROGRESS_STRINGS = {
  progress: { zh: '进展情况', en: 'Progress' },
  noProgress: { zh: '尚无进展记录', en: 'No progress recorded yet' },
  addProgress: { zh: '填报进展', en: 'Record progress' },
  progressDate: { zh: '进展日期', en: 'As of' },
  progressState: { zh: '进展状态', en: 'State' },
  progressText: { zh: '完成情况', en: 'What was done' },
  progressFile: { zh: '佐证材料（可选，≤10 MB）', en: 'Evidence (optional, ≤10 MB)' },
  progressUnit: { zh: '填报单位（可选）', en: 'Reporting unit (optional)' },
  wholeTask: { zh: '整项任务', en: 'The task as a whole' },
  submitProgress: { zh: '提交', en: 'Submit' },
  progressSaved: { zh: '已保存', en: 'Saved' },
  recordedBy: { zh: '填报人', en: 'by' },
  attachments: { zh: '佐证材料', en: 'Evidence' },
  reworded: { zh: '（任务文字已变更）', en: ' (the task was reworded since)' },
  lightLabel: { zh: '灯号', en: 'Light' },
  dubanSheet: { zh: '督办单（Word）', en: 'Supervision sheet (Word)' },
  deadlinesIcs: { zh: '时限日历（.ics）', en: 'Deadlines calendar (.ics)' },
  kindProgress: { zh: '进展报告', en: 'Progress report' },
  fromDocument: { zh: '来自文件', en: 'From' },
  confirmedBy: { zh: '确认人', en: 'confirmed by' },
  stateFrom: { zh: '状态依据', en: 'State from' },
  linkEvidence: { zh: '匹配依据', en: 'Why this task' },
  linkConfidence: { zh: '匹配度', en: 'Confidence' },
  titleRestated: { zh: '任务标题复述', en: 'title restated' },
  refRestated: { zh: '编号一致', en: 'same ref' },
  pendingProgress: { zh: '待确认进展', en: 'Progress to confirm' },
  pendingProgressHint: {
    zh: '以下进展报告条目与任务的匹配度低于阈值或有歧义、或未写明状态，须编辑确认后才计入进展。',
    en: 'These report rows matched a task below the threshold, ambiguously, or without a stated state: they count as progress only once an editor confirms them.',
  },
  noPendingProgress: { zh: '没有待确认的进展', en: 'Nothing to confirm' },
  reportsOn: { zh: '对应任务', en: 'Task' },
  reportRow: { zh: '报告条目', en: 'Report row' },
  pendingReason: { zh: '原因', en: 'Why' },
  reasonLOW_CONFIDENCE: { zh: '匹配度低', en: 'low confidence' },
  reasonAMBIGUOUS: { zh: '另有相近任务', en: 'another task nearly as likely' },
  reasonNO_STATE: { zh: '未写明状态', en: 'no state stated' },
  reasonNO_DATE: { zh: '报告无日期', en: 'the report has no date' },
  confirmLink: { zh: '确认', en: 'Confirm' },
  rejectLink: { zh: '不是这项任务', en: 'Not this task' },
  chooseState: { zh: '选择状态', en: 'Choose a state' },
  noStateRead: { zh: '（未读出状态）', en: '(no state read)' },
} as const;

export const LIGHT_STRINGS = {
  zh: { DONE: '已完成', ON_TRACK: '正常推进', AT_RISK: '预警', OVERDUE: '逾期', NO_DEADLINE: '无时限' },
  en: { DONE: 'Done', ON_TRACK: 'On track', AT_RISK: 'At risk', OVERDUE: 'Overdue', NO_DEADLINE: 'No deadline' },
} as const;

export const STATE_STRINGS = {
  zh: { NOT_STARTED: '未启动', IN_PROGRESS: '推进中', DONE: '已完成', BEHIND: '滞后' },
  en: { NOT_STARTED: 'Not started', IN_PROGRESS: 'In progress', DONE: 'Done', BEHIND: 'Behind' },
} as const;

/** Light colours: green, green, yellow, red, grey (the ledger's fills). */
export const LIGHT_COLORS: Record<string, string> = {
  DONE: '#3fa663', ON_TRACK: '#3fa663', AT_RISK: '#f0c419', OVERDUE: '#e0605e', NO_DEADLINE: '#b8bec6',
};

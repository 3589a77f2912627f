/** Strings of the filter chips, pinned panels and the PNG export (issue 21, items 3 and 5). */
export const VIEW_STRINGS = {
  unitFilter: { zh: '单位筛选', en: 'Unit filter' },
  unitFilterOn: { zh: '只看 {unit}（{where}）的任务', en: 'Only the tasks of {unit} ({where})' },
  clearFilter: { zh: '清除筛选：{name}', en: 'Clear the filter: {name}' },
  showUnit: { zh: '打开 {name} 的详情', en: 'Open the details of {name}' },
  emptyForUnit: {
    zh: '{unit}（{where}）在此没有任务；清除单位筛选可看全部。',
    en: 'No tasks of {unit} ({where}) here; clear the unit filter to see them all.',
  },
  /** The field's placeholder, short enough to show whole at 1280 px; the aria-label keeps the full sentence. */
  searchShort: { zh: '搜索单位、任务、地区（简繁均可）', en: 'Search units, tasks, places' },
  /** Tab and upload-button labels, short in English so the header keeps one row with a readable search field at 1280 px;
   *  the views' headings and exports keep the full names. */
  overloadTab: { zh: '负荷排行', en: 'Load' },
  owedTab: { zh: '督办', en: 'Due' },
  documentsTab: { zh: '文件管理', en: 'Files' },
  uploadButton: { zh: '上传方案', en: 'Upload' },
  pin: { zh: '固定', en: 'Pin' },
  pinHelp: { zh: '固定后切换视图时此面板保持打开', en: 'A pinned panel stays open when the view changes' },
  pngFilters: { zh: '筛选条件', en: 'Filters' },
  pngNoFilter: { zh: '无（全部）', en: 'none (everything)' },
  pngDate: { zh: '导出日期', en: 'Exported' },
  pngKinds: { zh: '单位类型', en: 'Unit kinds' },
  pngSelected: { zh: '选中单位', en: 'Selected unit' },
} as const;

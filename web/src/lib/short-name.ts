/**
 * Short forms for labels: what a supervisor would write on a whiteboard. Inside a jurisdiction's
 * box the level prefix (市/省) says nothing, so 市发展和改革委员会 is drawn as 发改委 and
 * 城步苗族自治县人民政府 as 城步县. The full name stays on hover, in the list and in the panel.
 */
const CORE_SHORT: ReadonlyArray<readonly [string, string]> = [
  ['发展和改革委员会', '发改委'], ['发展改革委', '发改委'], ['工业和信息化局', '工信局'], ['经济和信息化委员会', '经信委'],
  ['科学技术局', '科技局'], ['科学技术厅', '科技厅'], ['人力资源和社会保障局', '人社局'], ['人力资源社会保障局', '人社局'],
  ['人力资源和社会保障厅', '人社厅'], ['人力资源社会保障厅', '人社厅'], ['卫生健康委员会', '卫健委'], ['卫生健康委', '卫健委'],
  ['卫生和计划生育委员会', '卫计委'], ['文化旅游广电体育局', '文旅广体局'], ['文化广电新闻出版旅游局', '文广新旅局'],
  ['文化和旅游局', '文旅局'], ['市场监督管理局', '市场监管局'], ['自然资源和规划局', '自然资源局'], ['自然资源规划局', '自然资源局'],
  ['住房和城乡建设局', '住建局'], ['住房和城乡建设厅', '住建厅'], ['住房城乡建设厅', '住建厅'], ['住房城乡建设局', '住建局'],
  ['政府金融工作办公室', '金融办'], ['医疗保障局', '医保局'], ['行政审批服务局', '审批局'], ['交通运输局', '交通局'], ['交通运输厅', '交通厅'],
  ['农业委员会', '农委'], ['质量技术监督局', '质监局'], ['工商行政管理局', '工商局'], ['食品药品监督管理局', '食药监局'],
  ['安全生产监督管理局', '安监局'], ['环境保护厅', '环保厅'], ['国有资产监督管理委员会', '国资委'], ['外事侨务办公室', '外侨办'],
  ['扶贫开发办公室', '扶贫办'], ['工商业联合会', '工商联'], ['贸易促进委员会', '贸促会'], ['通信管理办公室', '通管办'],
  ['住房公积金管理中心', '公积金中心'], ['出入境检验检疫局', '检验检疫局'],
];

/** At most this many characters on the canvas; the rest is on hover. */
export const MAX_LABEL_CHARS = 8;

export function shortName(name: string, aliases: readonly string[] = []): string {
  let s = name.trim();
  // The people's government of a county or city is the place itself.
  s = s.replace(/人民政府$/, '');
  // Autonomous counties and prefectures by their first two characters (城步苗族自治县 → 城步县, 湘西土家族苗族自治州 → 湘西州).
  s = s.replace(/^(.{2})\S*?族自治(县|州)$/u, '$1$2');
  // The level prefix: 市委组织部 → 委组织部 → 组织部 below; 省发改委 → 发改委.
  if (/^[省市县区](?!场|直)/.test(s) && s.length > 3) s = s.slice(1);
  s = s.replace(/^委(组织部|宣传部|统战部)$/, '$1');
  for (const [full, short] of CORE_SHORT) {
    if (s.endsWith(full)) {
      s = s.slice(0, s.length - full.length) + short;
      break;
    }
  }
  // An alias the documents use that is shorter still (武功山景区 over 武功山景区管委会 is the name already).
  for (const a of aliases) {
    const core = a.replace(/^[省市县区](?!场|直)/, '');
    if (core.length >= 2 && core.length < s.length && !/有关|各/.test(core)) s = core;
  }
  return s.length > MAX_LABEL_CHARS ? `${s.slice(0, MAX_LABEL_CHARS - 1)}…` : s;
}

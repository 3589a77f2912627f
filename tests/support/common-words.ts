/**
 * Common policy words and the places of the seeds, written by hand for the tests (independent of
 * the list the program uses): a follow-up whose terms are made of nothing else rests on common words.
 */
const COMMON = [
  '发展', '推进', '推动', '建设', '产业', '合作', '创新', '加快', '加强', '提升', '完善', '机制', '体系', '平台', '工作', '企业', '项目',
  '政策', '服务', '支持', '开展', '深化', '实施', '建立', '打造', '培育', '引进', '促进', '优化', '区域', '经济', '资源', '管理', '交流',
  '示范', '基地', '园区', '科技', '人才', '市场', '招商', '承接', '转移', '对接', '保障', '落实', '改革', '开放', '环境', '要素', '规划',
  '工程', '行动', '计划', '中心', '转化', '成果', '技术', '物流', '交通', '口岸', '通关', '升级', '制造', '强市', '品牌', '农产品',
  '粤港澳', '大湾区', '邵阳', '湖南', '湘南', '湘西', '长三角', '东盟', '港澳', '全市', '我市', '全省',
];

export function residualAfter(term: string): string {
  // A name in quotes or title marks is a name, digits and all (“135”工程升级版).
  const named = [...term.matchAll(/“([^”]+)”|《([^》]+)》/g)].map((m) => strip(m[1] ?? m[2]!).replace(/[的和与及]/g, '')).join('');
  if (named.length >= 2) return named;
  let r = term.replace(/[“”《》"']/g, '');
  r = strip(r);
  // What is left must be words, not particles or numbers.
  return r.replace(/[的和与及在等个了对为将把中内外各每其之并或于向从到由有是好\d.%]/g, '');
}

function strip(s: string): string {
  let r = s;
  for (const w of [...COMMON].sort((a, b) => b.length - a.length)) r = r.split(w).join('');
  return r;
}

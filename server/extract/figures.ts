/**
 * Figures a report states: 累计引进项目299个, 总投资823.6亿元, 同比增长19.2%,
 * 成立了5家政府性融资担保公司. Each is a number with its measure and the phrase it counts.
 */
export interface Figure {
  label: string;
  value: number;
  unit: string;
  quote: string;
  /** Offsets in the normalised text; the caller maps them to raw offsets. */
  start: number;
  end: number;
}

const MEASURE = '(?:亿元|万元|元|万亩|亩|万人|人|个|家|项|条|所|座|公里|平方公里|吨|万吨|户|%|倍)';
const FIGURE = new RegExp(`(\\d+(?:\\.\\d+)?)(${MEASURE})`, 'g');
const CLAUSE_BREAK = /[,。;:、!?()“”《》\n]/;
/** Words that end the counted noun when it follows the number: 11个园区入驻企业|达2720家. */
const NOUN_END = /[达为有是在中的]|\d/;
const LEAD_WORDS = /^(其中|特别是|已|共有|建成了|成立了)/;

export function findFigures(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const start = m.index!;
    const end = start + m[0].length;
    const next = text[end] ?? '';
    let label: string;
    let from = start;
    let to = end;
    if (/[\u4e00-\u9fff]/.test(next) && !/^(以上|左右|多)/.test(text.slice(end, end + 2)) && m[2] !== '%') {
      // Number first: 5家政府性融资担保公司, 6个市州.
      while (to < text.length && !CLAUSE_BREAK.test(text[to]!) && !NOUN_END.test(text[to]!) && to - end < 12) to++;
      label = text.slice(end, to);
    } else {
      // Label first: 全市累计引进项目299个, 总投资823.6亿元.
      while (from > 0 && !CLAUSE_BREAK.test(text[from - 1]!) && start - from < 30) from--;
      label = text.slice(from, start).replace(/(达到|达|为|共|有)$/, '').replace(LEAD_WORDS, '');
    }
    label = label.trim();
    if (label.length < 2) continue;
    out.push({ label, value: Number(m[1]), unit: m[2]!, quote: text.slice(from, to), start: from, end: to });
  }
  return out;
}

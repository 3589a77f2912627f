/**
 * A document's plan year and its series (issue 22 item 5).
 *
 * The plan year comes from the title (2024年…工作要点; a range 2023—2025年; “十四五” = 2021–2025),
 * else the document number (鞍立政发〔2023〕2号), else the date it was issued, in that order: the
 * title says which year the plan is for, a number or date only when it was issued (a 2024 plan
 * issued in December 2023 is numbered 〔2023〕). A range is kept as yearFrom–yearTo and `year` is
 * its first year; a single year has yearFrom = yearTo = year. A year inside a cited title
 * (贯彻落实《…规划(2012—2020年)》) is the cited document's, not this one's.
 *
 * A series is the documents of one issuer whose titles are the same apart from the year: the key is
 * the jurisdiction's code and the title in simplified characters with years, ranges, five-year
 * plan names, 年度 and spaces taken out (2023年…重点工作任务分工 and 2024年…重点工作任务分工 share it).
 */
import { toSimplified } from './simplify';

export type YearSource = 'title' | 'number' | 'date';

export interface PlanYear {
  year: number;
  yearFrom: number;
  yearTo: number;
  source: YearSource;
}

const DIGITS: Record<string, string> = { '〇': '0', '零': '0', 'Ｏ': '0', '○': '0', '一': '1', '二': '2', '三': '3', '四': '4', '五': '5', '六': '6', '七': '7', '八': '8', '九': '9' };
const CN_YEAR = /[〇零○Ｏ一二三四五六七八九]{4}(?=年)/g;
const FULL_WIDTH_DIGIT = /[０-９]/g;

/** Full-width digits and Chinese-numeral years (二〇二四年) as ASCII digits; simplified characters. */
function normaliseDigits(text: string): string {
  return toSimplified(text)
    .replace(FULL_WIDTH_DIGIT, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(CN_YEAR, (y) => [...y].map((c) => DIGITS[c] ?? c).join(''));
}

const YEAR = '((?:19|20)\\d{2})';
const DASH = '\\s*(?:[-—–~～至到]|——)\\s*';
const RANGE = new RegExp(`${YEAR}(?:年)?${DASH}${YEAR}年`);
const SINGLE = new RegExp(`${YEAR}\\s*年`);
/** 十四五 → 2021–2025: the third five-year plan began in 1966, each one five years after the last. */
const FIVE_YEAR_PLAN = /[“"]?(十[一二三四五六七八九]|[一二三四五六七八九])五[”"]?(?:时期|期间|规划|[\s\u4e00-\u9fff])/;
const NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function fiveYearPlan(text: string): [number, number] | null {
  const m = FIVE_YEAR_PLAN.exec(text);
  if (!m) return null;
  const name = m[1]!;
  const n = name.startsWith('十') ? 10 + (NUMERALS[name[1]!] ?? 0) : NUMERALS[name]!;
  if (n < 3) return null;
  const from = 1966 + (n - 3) * 5;
  return [from, from + 4];
}

/** The title with every cited title (《…》) blanked out, so that its years are not read as this document's. */
function outsideCitations(title: string): string {
  return title.replace(/《[^》]*》/g, (m) => ' '.repeat(m.length));
}

/** The plan year a title states, or null. A lone target year (到2025年) is a target, not the plan's year. */
export function yearOfTitle(title: string): Omit<PlanYear, 'source'> | null {
  const t = outsideCitations(normaliseDigits(title));
  const range = RANGE.exec(t);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    if (from <= to && to - from <= 20) return { year: from, yearFrom: from, yearTo: to };
  }
  for (const m of t.matchAll(new RegExp(SINGLE, 'g'))) {
    const before = t.slice(Math.max(0, m.index - 1), m.index);
    if (/[到至]/.test(before)) continue;
    const y = Number(m[1]);
    return { year: y, yearFrom: y, yearTo: y };
  }
  const plan = fiveYearPlan(t);
  return plan ? { year: plan[0], yearFrom: plan[0], yearTo: plan[1] } : null;
}

/** The plan year of a document: from its title, else its number (〔2024〕), else its date; null when none says. */
export function planYear(doc: { title: string; docNumber?: string | null; date?: string | null }): PlanYear | null {
  const fromTitle = yearOfTitle(doc.title);
  if (fromTitle) return { ...fromTitle, source: 'title' };
  const n = /[〔\[［(（]((?:19|20)\d{2})[〕\]］)）]/.exec(normaliseDigits(doc.docNumber ?? ''));
  if (n) return { year: Number(n[1]), yearFrom: Number(n[1]), yearTo: Number(n[1]), source: 'number' };
  const d = /^((?:19|20)\d{2})-\d{2}-\d{2}$/.exec(doc.date ?? '');
  if (d) return { year: Number(d[1]), yearFrom: Number(d[1]), yearTo: Number(d[1]), source: 'date' };
  return null;
}

/**
 * The title a series shares: simplified, digits normalised, years and ranges, five-year plan names,
 * 年度 and 年 after a removed year, brackets left empty, spaces and quote marks taken out.
 */
export function seriesTitle(title: string): string {
  return normaliseDigits(title)
    .replace(new RegExp(`${YEAR}(?:年)?${DASH}${YEAR}年(?:度)?`, 'g'), '')
    .replace(new RegExp(`${YEAR}\\s*年(?:度)?`, 'g'), '')
    .replace(/[“"]?(?:十[一二三四五六七八九]|[三四五六七八九])五[”"]?(?=时期|期间|规划|[\u4e00-\u9fff])/g, '')
    .replace(/[(（\[［]\s*[)）\]］]/g, '')
    .replace(/[\s“”"‘’'「」]/g, '')
    .replace(/（/g, '(').replace(/）/g, ')');
}

/** The series key: the issuing jurisdiction (its division code, else the issuer's name) and the series title. */
export function seriesKey(doc: { title: string; issuer?: string | null }, jurisdictionCode: string | null | undefined): string {
  const who = jurisdictionCode || toSimplified(doc.issuer ?? '').trim() || '?';
  return `${who}|${seriesTitle(doc.title)}`;
}

/** The properties a Document node keeps for them: -1 and '' when no year is known. */
export function documentYearProps(doc: { title: string; issuer?: string | null; docNumber?: string | null; date?: string | null }, jurisdictionCode: string | null | undefined) {
  const y = planYear(doc);
  return { year: y?.year ?? -1, yearFrom: y?.yearFrom ?? -1, yearTo: y?.yearTo ?? -1, yearSource: y?.source ?? '', series: seriesKey(doc, jurisdictionCode) };
}

/**
 * Deadlines as plans write them: in a label (完成时限:2024年底前), a table cell (2021.8), or inside
 * the task's own sentence (争取2020年开工建设,2025年建成通车).
 *
 * Input is already simplified and full-width digits/punctuation are already folded (normalise.ts).
 * Self-contained: no other module of the grammar is needed.
 *
 * Conventions (DESIGN.md, "Deadline"):
 * - `date` is the last day of the stated period: 2024年 → 2024-12-31, 6月 → -06-30, 3月上旬 → -03-10,
 *   中旬 → -20, 下旬/月底 → the month's last day, 第三季度 → -09-30, 上半年 → -06-30.
 * - A period with no year takes the plan's year; with no plan year it stays `unparsed` with a null
 *   date: a year is never invented.
 * - `N年度` (2020年度) is read as the year 2020, a period like any other; a bare `年度` is periodic.
 * - `YYYY年前` (2025年前) is read as "by the end of 2025", the way plans use it.
 */

export type DeadlineKind = 'date' | 'ongoing' | 'periodic' | 'unparsed';

export interface ParsedDeadline {
  date: string | null;
  kind: DeadlineKind;
}

export interface DeadlinePhrase {
  start: number;
  end: number;
  text: string;
}

export interface TextDeadline extends DeadlinePhrase {
  date: string;
  kind: 'date';
}

const CN_DIGITS: Record<string, number> = Object.fromEntries([...'〇○零一二两三四五六七八九'].map((c, i) => [c, [0, 0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9][i]!]));

/** 1–31 written in Arabic digits or Chinese numerals (十二, 二十, 三十一); digit by digit for years (二〇二四). */
function toNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (!s.includes('十')) return Number([...s].map((c) => CN_DIGITS[c] ?? NaN).join(''));
  const [tens, ones] = s.split('十');
  return (tens ? CN_DIGITS[tens]! : 1) * 10 + (ones ? CN_DIGITS[ones]! : 0);
}

function lastDayOfMonth(year: number, month: number): number {
  // Day 0 of the next month is this month's last day; UTC keeps it free of the machine's zone.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Phrase grammar. One sticky regex per phrase shape, tried in order at each position.

const CN = '〇○零一二两三四五六七八九十';
const YEAR = `((?:19|20)\\d{2}|二[〇○零][〇○零一二三四五六七八九]{2})`;
const MONTH = `(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])`;
const DAY = `(3[01]|[12]\\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])`;
const QUARTER = `第?([1-4一二三四])季度`;
const RELATIVE_YEAR = '(今年|明年|当年|本年|次年)';
/** What may follow the period itself and still belong to the deadline phrase. */
const SUFFIX = '(?:(?:以|之)?前)?(?:完成)?';

/** What a phrase says, before a year is settled. */
interface Core {
  /** An explicit year, or a year relative to the plan's (+0 今年, +1 明年). */
  year: number | null;
  relativeYear: number | null;
  /** The period's end within the year, as month and day (day 0 = the month's last day). */
  month: number;
  day: number;
  /** A second, later year in a range (2020—2025年). */
  rangeYear?: number;
}

type Shape = { re: RegExp; read: (m: RegExpExecArray) => Core | null; needsBoundary?: boolean };

const sticky = (src: string) => new RegExp(src, 'y');

function monthTail(month: number, tail: string | undefined, day: string | undefined): { month: number; day: number } {
  if (day) return { month, day: toNumber(day) };
  switch (tail) {
    case '上旬':
    case '初':
      return { month, day: 10 };
    case '中旬':
    case '中':
      return { month, day: 20 };
    default: // 下旬, 底, 末, 份, or the month alone
      return { month, day: 0 };
  }
}

function yearTail(tail: string | undefined): { month: number; day: number } {
  switch (tail) {
    case '上半年':
    case '年中':
    case '中':
      return { month: 6, day: 0 };
    default: // 底, 末, 年底, 年末, 内, 下半年, 度, or the year alone
      return { month: 12, day: 0 };
  }
}

const quarterEnd = (q: string): { month: number; day: number } => ({ month: toNumber(q) * 3, day: 0 });

const relative = (word: string) => (word === '明年' || word === '次年' ? 1 : 0);

const SHAPES: Shape[] = [
  // 2021.8 / 2021.8.15 / 2021-08-31 / 2021/8/31 (a table cell's way); not 5.5% or 2021.13.
  {
    re: sticky(`((?:19|20)\\d{2})[./-](1[0-2]|0?[1-9])(?:[./-](3[01]|[12]\\d|0?[1-9]))?(?![\\d.%])`),
    read: (m) => ({ year: Number(m[1]), relativeYear: null, month: Number(m[2]), day: m[3] ? Number(m[3]) : 0 }),
  },
  // 2020—2025年, 2023-2025年: a range ends with its last year.
  {
    re: sticky(`((?:19|20)\\d{2})(?:年)?\\s*[—–~\\-至到]+\\s*((?:19|20)\\d{2})年(?:底|末)?`),
    read: (m) => ({ year: Number(m[1]), relativeYear: null, month: 12, day: 0, rangeYear: Number(m[2]) }),
  },
  // 2025年6月底, 2009年5月10日, 2024年3月中旬, 2021年11月, 今年6月底
  {
    re: sticky(`(?:${YEAR}年|${RELATIVE_YEAR})${MONTH}月(?:${DAY}[日号]|(上旬|中旬|下旬|初|中|底|末|份))?`),
    read: (m) => {
      const t = monthTail(toNumber(m[3]!), m[5], m[4]);
      return { year: m[1] ? toNumber(m[1]) : null, relativeYear: m[2] ? relative(m[2]) : null, ...t };
    },
  },
  // 2024年第三季度(末), 今年三季度
  {
    re: sticky(`(?:${YEAR}年|${RELATIVE_YEAR})${QUARTER}末?`),
    read: (m) => ({ year: m[1] ? toNumber(m[1]) : null, relativeYear: m[2] ? relative(m[2]) : null, ...quarterEnd(m[3]!) }),
  },
  // 2024年上半年 / 下半年
  {
    re: sticky(`(?:${YEAR}年|${RELATIVE_YEAR})(上半年|下半年)`),
    read: (m) => ({ year: m[1] ? toNumber(m[1]) : null, relativeYear: m[2] ? relative(m[2]) : null, ...yearTail(m[3]) }),
  },
  // 2024年底, 2024年年底, 2024年末, 2020年度, 2024年内, 2024年; 今年底, 年底 of 明年
  {
    re: sticky(`${YEAR}年(年底|年末|年中|底|末|内|度)?`),
    read: (m) => ({ year: toNumber(m[1]!), relativeYear: null, ...yearTail(m[2]) }),
  },
  {
    re: sticky(`${RELATIVE_YEAR}(年底|年末|年中|底|末|内)`),
    read: (m) => ({ year: null, relativeYear: relative(m[1]!), ...yearTail(m[2]) }),
  },
  // Yearless: 6月底, 4月20日, 3月中旬, 11月; not after a digit (212月) or in 3个月.
  {
    re: sticky(`${MONTH}月(?:${DAY}[日号]|(上旬|中旬|下旬|初|中|底|末|份))?`),
    read: (m) => {
      // A Chinese-numeral month with nothing after it is too often another word (统一月报).
      if (!/\d/.test(m[1]!) && !m[2] && !m[3]) return null;
      return { year: null, relativeYear: 0, ...monthTail(toNumber(m[1]!), m[3], m[2]) };
    },
    needsBoundary: true,
  },
  // 第三季度, 三季度, 一季度末
  { re: sticky(`${QUARTER}末?`), read: (m) => ({ year: null, relativeYear: 0, ...quarterEnd(m[1]!) }), needsBoundary: true },
  // 上半年, 下半年, 年底, 年末, 年中, 年内 (not 三年内, which counts years from now)
  {
    re: sticky('(上半年|下半年|年底|年末|年中|年内)'),
    read: (m) => ({ year: null, relativeYear: 0, ...yearTail(m[1]) }),
    needsBoundary: true,
  },
  // 全年 only as a completion (全年完成), not as in 全年GDP.
  { re: sticky('全年(?=完成)'), read: () => ({ year: null, relativeYear: 0, month: 12, day: 0 }), needsBoundary: true },
];

/** A phrase must not continue a number (212月, 3.5季度) or a year already read (2024年底 is read whole). */
function boundaryOk(text: string, i: number): boolean {
  const prev = text[i - 1];
  if (prev === undefined) return true;
  // 1.4月底前 / 2.8月底前: a list number, then the date.
  if (prev === '.' && /\d/.test(text[i - 2] ?? '') && !/[\d.]/.test(text[i - 3] ?? '')) return true;
  return !/[\d.]/.test(prev) && !CN.includes(prev) && prev !== '第' && prev !== '年';
}

const SUFFIX_RE = sticky(SUFFIX);

interface Found extends DeadlinePhrase {
  core: Core;
}

/** Characters a phrase can start with: a digit, a numeral, or a period word's first character. */
const PHRASE_START = new Set([...'0123456789一二两三四五六七八九十第上下年全今明当本次'].map((c) => c.charCodeAt(0)));
const isDigit = (c: number) => c >= 48 && c <= 57;
/** Text with none of these states no date; most task sentences are skipped at once. */
const MAY_HOLD_DATE = /\d|年|月|季度|半年/;

function scan(text: string): Found[] {
  if (!MAY_HOLD_DATE.test(text)) return [];
  const out: Found[] = [];
  let i = 0;
  while (i < text.length) {
    let hit: Found | null = null;
    // A year starts with a digit or 二; others with a month, quarter or period word: skip the rest fast.
    if (PHRASE_START.has(text.charCodeAt(i)) && (i === 0 || !isDigit(text.charCodeAt(i - 1)))) {
      for (const shape of SHAPES) {
        if (shape.needsBoundary && !boundaryOk(text, i)) continue;
        shape.re.lastIndex = i;
        const m = shape.re.exec(text);
        if (!m) continue;
        const core = shape.read(m);
        if (!core) continue;
        let end = i + m[0].length;
        // A phrase that runs straight into more digits (2000万元 has no 年, but 2020年5 would) is no date.
        if (/\d/.test(text[end] ?? '')) continue;
        SUFFIX_RE.lastIndex = end;
        const s = SUFFIX_RE.exec(text);
        if (s) end += s[0].length;
        hit = { start: i, end, text: text.slice(i, end), core };
        break;
      }
    }
    if (hit) {
      out.push(hit);
      i = hit.end;
    } else i++;
  }
  return out;
}

/** The ISO date a phrase stands for, given the year to use when it states none. */
function resolve(core: Core, contextYear: number | null): string | null {
  let year = core.rangeYear ?? core.year;
  if (year === null) {
    if (contextYear === null) return null;
    year = contextYear + (core.relativeYear ?? 0);
  }
  const day = core.day === 0 ? lastDayOfMonth(year, core.month) : core.day;
  return iso(year, core.month, day);
}

// ---------------------------------------------------------------------------------------------
// Public API.

const ONGOING = /长期|持续|常态化|经常性|久久为功|常抓不懈|长效/;
/** Recurring: 每年, 每季度, 每月, 每半年, 按年度推进, a bare 年度 (not 2020年度). */
const PERIODIC = /每(?:年|季度?|月|半年|周|旬)|按(?:年度|季度|月)|逐年|(?<![\d〇○零一二三四五六七八九年])年度/;

/**
 * A deadline as written (a label's value, a table cell): its date (last day of the period) and kind.
 * A recurring marker makes it periodic even with a date (每年6月底前); otherwise a readable date
 * wins over an ongoing word (2024年底前完成,长期坚持 is due 2024-12-31).
 */
export function parseDeadline(text: string, planYear: number | null): ParsedDeadline {
  const s = text.replace(/\s+/g, '');
  if (!s) return { date: null, kind: 'unparsed' };
  if (PERIODIC.test(s)) return { date: null, kind: 'periodic' };

  // A whole cell that is only a year (2024), as tables write it.
  const bare = /^((?:19|20)\d{2})$/.exec(s);
  if (bare) return { date: `${bare[1]}-12-31`, kind: 'date' };
  // 全年 as a whole cell is the plan's year (inside a sentence only 全年完成 is).
  if (/^全年/.test(s)) return planYear === null ? { date: null, kind: 'unparsed' } : { date: `${planYear}-12-31`, kind: 'date' };

  const phrases = scan(s);
  if (phrases.length > 0) {
    let year: number | null = planYear;
    let latest: string | null = null;
    let unresolved = false;
    for (const p of phrases) {
      // A later yearless phrase belongs to the year just stated (2024年3月至6月 → 2024-06-30).
      const date = resolve(p.core, year);
      if (p.core.year !== null) year = p.core.rangeYear ?? p.core.year;
      if (date === null) unresolved = true;
      else if (latest === null || date > latest) latest = date;
    }
    if (latest !== null) return { date: latest, kind: 'date' };
    if (unresolved) return { date: null, kind: 'unparsed' };
  }
  if (ONGOING.test(s)) return { date: null, kind: 'ongoing' };
  return { date: null, kind: 'unparsed' };
}

/** Deadline phrases (dated periods) inside a sentence, in order, with offsets into `text`. */
export function findDeadlines(text: string): DeadlinePhrase[] {
  return scan(text).map(({ start, end, text: t }) => ({ start, end, text: t }));
}

/** A completion: 5月底前完成, 2025年建成通车, 2012年4月30日前封顶 — preferred over a later date that only says what goes on then. */
const COMPLETES_AFTER = /^(?:[,,]?(?:力争|争取|全面|基本|确保|实现)?)(?:完成|建成|完工|竣工|投用|投入使用|投入运行|交付|封顶|通车|办结|实现|达到|达标|出台|到位|落实)/;
/** A start, not a completion: 3月上旬开始, 2020年开工建设, 自2021年起. */
const STARTS_AFTER = /^(?:[,,]?(?:力争|争取|全面|正式|陆续|率先|基本)?)(?:开工|开始|启动|动工|开建|起(?!草)|试运行|试点)/;
/** Not a deadline of the task: a baseline (较2023年), the past (2019年至今, 2018年以来), a cited title. */
const NOT_DUE_BEFORE = /(?:较|比|同比|相比|对比|与|自从|早在|截至目前)$/;
const NOT_DUE_AFTER = /^(?:至今|以来|相比|同期|为基数|基础上|的基础)/;
/** A policy's own period of validity: 实施期限至2021年12月31日, 有效期至…, 自…起施行. */
const POLICY_PERIOD_BEFORE = /(?:实施期限|有效期|执行期|施行期|规划期|期限)[为是至到:]*(?:自|从)?[^,,。;;]{0,12}$/;
const POLICY_PERIOD_AFTER = /^[^,,。;;]{0,6}(?:施行|实施期|有效)/;
/** Recurring (每年6月底前) is no single date. */
const RECURRING_BEFORE = /(?:每年|每季度|每季|每月|每半年|逐年)$/;

function insideTitle(text: string, at: number): boolean {
  const open = text.lastIndexOf('《', at);
  return open >= 0 && text.lastIndexOf('》', at) < open;
}

/**
 * The task's deadline when its own text states it: the latest stated completion date, with its
 * quote and offsets into `text`. Start dates (开工, 开始) count only when the text states no
 * completion date; baselines, past years, cited titles (《…(2023—2025年)》) and a policy's own
 * period (实施期限至…) never count. Null when the text states no date.
 */
export function latestCompletion(text: string, planYear: number | null): TextDeadline | null {
  const completions: TextDeadline[] = [];
  const others: TextDeadline[] = [];
  const starts: TextDeadline[] = [];
  let sentenceYear: number | null = null;
  let lastEnd = 0;
  for (const p of scan(text)) {
    // A yearless phrase takes the year stated earlier in the same sentence, else the plan's.
    if (/[。;;!?\n]/.test(text.slice(lastEnd, p.start))) sentenceYear = null;
    lastEnd = p.end;
    const date = resolve(p.core, sentenceYear ?? planYear);
    if (p.core.year !== null) sentenceYear = p.core.rangeYear ?? p.core.year;
    if (date === null) continue;
    const before = text.slice(Math.max(0, p.start - 14), p.start);
    const after = text.slice(p.end, p.end + 10);
    if (insideTitle(text, p.start)) continue;
    if (NOT_DUE_BEFORE.test(before) || NOT_DUE_AFTER.test(after)) continue;
    if (POLICY_PERIOD_BEFORE.test(before) || POLICY_PERIOD_AFTER.test(after)) continue;
    if (RECURRING_BEFORE.test(before)) continue;
    const found: TextDeadline = { start: p.start, end: p.end, text: p.text, date, kind: 'date' };
    (STARTS_AFTER.test(after) ? starts : COMPLETES_AFTER.test(after) || /完成$/.test(p.text) ? completions : others).push(found);
  }
  const pool = completions.length > 0 ? completions : others.length > 0 ? others : starts;
  let best: TextDeadline | null = null;
  for (const d of pool) if (best === null || d.date > best.date) best = d;
  return best;
}

import { bracketBreaks } from './bracket-breaks';
import { labelLineBreaks } from './label-line-breaks';
import { lines } from './lines';
import { filterMap, identityMap, removeRanges, replaceSameLength, type TextMap } from './text-map';
import { toSimplified } from './simplify';

export interface NormaliseResult {
  tm: TextMap;
  /** Characters converted from traditional to simplified. */
  convertedChars: number;
  /** Pinyin annotations removed, e.g. 區(qū)域 → 區域. */
  pinyinRemoved: number;
  warnings: Array<{ message: string; start: number }>;
}

const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
// A parenthesised pinyin syllable glued after a Han character, with at least one tone mark.
const PINYIN_NOTE = new RegExp(
  `(?<=[${CJK}])\\(([a-zü${TONED}]{1,7})\\)`,
  'g',
);
const HAS_TONE = new RegExp(`[${TONED}]`);
// A question mark or replacement char glued to Han text or pinyin is the trace of a lost character.
const CORRUPTION = new RegExp(`\\uFFFD|(?<=[${CJK}])\\?|\\?(?=[${CJK}a-z${TONED}])`, 'g');

/**
 * Page chrome, matched against whole simplified lines: share/QR footers, view counters,
 * comment widgets and breadcrumbs left behind when a page was saved as text.
 */
const CHROME_LINES: readonly RegExp[] = [
  /^(weixin|weibo|wechat)$/i,
  /^扫(码|一扫).{0,20}$/,
  /^官方(微信公众号|新浪微博|抖音号|头条号|微博)$/,
  /^(分享到|打印本页|关闭窗口|【?打印】?|【?关闭】?|收藏)[::]?.{0,20}$/,
  /^【?字[体号][::].{0,20}$/,
  /^(浏览量|浏览次数|阅读量|访问量|点击量)[::]\s*\d*[\s|]*$/,
  /^-?\s*(全部留言|评论|有用\(\d*\)|我要纠错|\/)$/,
  /^(首页|当前位置[::]).{0,40}>.{0,40}$/,
  // A bare source credit at the foot of a page (one with a date stays: it dates the document).
  /^来源[::][^\d]{1,30}\|?$/,
];

function isChromeLine(trimmed: string): boolean {
  return trimmed.length > 0 && CHROME_LINES.some((re) => re.test(trimmed));
}

/**
 * Fold full-width ASCII forms and odd spaces to their plain forms; drop \r and zero-width chars.
 * Tabs stay: they separate a table's cells.
 */
const FOLDABLE = /[\r\u200b\u200d\ufeff\uff01-\uff5e\u3000\u00a0﹝﹞﹒]/;

function fold(src: TextMap): TextMap {
  const t = src.text;
  if (!FOLDABLE.test(t)) return src;
  return filterMap(
    src,
    (i) => {
      const c = t.charCodeAt(i);
      return c !== 0x0d && c !== 0x200b && c !== 0xfeff && c !== 0x200d;
    },
    (ch) => {
      const c = ch.charCodeAt(0);
      if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
      if (c === 0x3000 || c === 0x00a0) return ' ';
      if (ch === '﹝') return '〔';
      if (ch === '﹞') return '〕';
      if (ch === '﹒') return '.';
      return ch;
    },
  );
}

export function normalise(raw: string): NormaliseResult {
  const warnings: NormaliseResult['warnings'] = [];
  let tm = fold(identityMap(raw));

  const pinyin: Array<[number, number]> = [];
  for (const m of tm.text.matchAll(PINYIN_NOTE)) {
    if (HAS_TONE.test(m[1]!)) pinyin.push([m.index!, m.index! + m[0].length]);
  }
  tm = removeRanges(tm, pinyin);

  let lastReported = -100;
  for (const m of tm.text.matchAll(CORRUPTION)) {
    const at = m.index!;
    if (at - lastReported < 12) continue; // one warning per damaged run
    lastReported = at;
    const context = tm.text.slice(Math.max(0, at - 4), at + 10).replace(/\n/g, ' ');
    warnings.push({
      message: `unreadable characters near «${context}»: the original text was lost in the source file; kept as is`,
      start: tm.map[at]!,
    });
  }

  const simplified = toSimplified(tm.text);
  let convertedChars = 0;
  for (let i = 0; i < simplified.length; i++) if (simplified[i] !== tm.text[i]) convertedChars++;
  tm = replaceSameLength(tm, simplified);

  const chrome: Array<[number, number]> = [];
  for (const line of lines(tm.text)) if (isChromeLine(line.text)) chrome.push([line.start, line.end + 1]);
  tm = removeRanges(tm, chrome);
  // A note a hard line break cut in two is one note again.
  tm = removeRanges(tm, bracketBreaks(tm.text));
  tm = removeRanges(tm, labelLineBreaks(tm.text));

  return { tm, convertedChars, pinyinRemoved: pinyin.length, warnings };
}

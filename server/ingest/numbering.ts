import { attr, elements, path, type XmlElement } from './xml';

/**
 * Word's automatic list numbers (numbering.xml) rendered as Word displays them: the numbers are
 * not in the document's text, and plans hang their structure on them (一、 (一) 1. (1)).
 */
interface Level {
  start: number;
  format: string;
  text: string;
  legal: boolean;
  /** Restart after this level (0-based) increments; -1 never; undefined = after any higher level. */
  restart?: number;
}

const CN_DIGITS = '零一二三四五六七八九';
const CN_LEGAL = '零壹贰叁肆伍陆柒捌玖';
const TIANGAN = '甲乙丙丁戊己庚辛壬癸';
const DIZHI = '子丑寅卯辰巳午未申酉戌亥';

function chinese(n: number, digits: string, units: [string, string, string]): string {
  if (n <= 0 || n >= 10000) return String(n);
  const parts: string[] = [];
  const ds = String(n).split('').map(Number);
  const pos = ds.length;
  let zero = false;
  ds.forEach((d, i) => {
    const place = pos - 1 - i;
    if (d === 0) {
      zero = parts.length > 0;
      return;
    }
    if (zero) parts.push(digits[0]!);
    zero = false;
    parts.push(digits[d]! + (place > 0 ? units[place - 1]! : ''));
  });
  let s = parts.join('');
  // 十一, not 一十一 (Word writes counting numbers that way below twenty).
  if (units[0] === '十' && n >= 10 && n < 20) s = s.slice(1);
  return s;
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let s = '';
  for (const [v, r] of table) while (n >= v) (s += r), (n -= v);
  return s;
}

function letter(n: number): string {
  if (n <= 0) return String(n);
  const ch = String.fromCharCode(65 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimal': case 'decimalZero': return format === 'decimalZero' && n < 10 ? `0${n}` : String(n);
    case 'upperRoman': return roman(n);
    case 'lowerRoman': return roman(n).toLowerCase();
    case 'upperLetter': return letter(n);
    case 'lowerLetter': return letter(n).toLowerCase();
    case 'decimalFullWidth': case 'decimalFullWidth2': return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle': case 'decimalEnclosedCircleChinese': return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen': return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop': return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'chineseCounting': case 'japaneseCounting': case 'taiwaneseCounting': case 'ideographDigital':
    case 'chineseCountingThousand': case 'taiwaneseCountingThousand': case 'japaneseDigitalTenThousand':
      return chinese(n, CN_DIGITS, ['十', '百', '千']);
    case 'chineseLegalSimplified': case 'ideographLegalTraditional': case 'japaneseLegal':
      return chinese(n, CN_LEGAL, ['拾', '佰', '仟']);
    case 'ideographTraditional': return TIANGAN[(n - 1) % 10] ?? String(n);
    case 'ideographZodiac': return DIZHI[(n - 1) % 12] ?? String(n);
    case 'none': case 'bullet': return '';
    default: return String(n);
  }
}

export class Numbering {
  /** numId → abstractNumId, and the levels a num overrides its start of. */
  private readonly nums = new Map<string, { abstract: string; startOverrides: Map<number, number> }>();
  private readonly abstracts = new Map<string, Level[]>();
  /** Counters per abstract list: Word continues a list across nums that share one. */
  private readonly counters = new Map<string, number[]>();
  private readonly overridden = new Set<string>();

  constructor(numberingXml: XmlElement | undefined, private readonly styleNum: (styleId: string) => { numId?: string; ilvl?: number } | undefined) {
    if (!numberingXml) return;
    const styleLinks = new Map<string, string>();
    for (const a of elements(numberingXml, 'w:abstractNum')) {
      const id = attr(a, 'w:abstractNumId')!;
      const link = attr(path(a, 'w:numStyleLink'), 'w:val');
      if (link) styleLinks.set(id, link);
      const levels: Level[] = [];
      for (const l of elements(a, 'w:lvl')) {
        const ilvl = Number(attr(l, 'w:ilvl') ?? 0);
        const restart = attr(path(l, 'w:lvlRestart'), 'w:val');
        levels[ilvl] = {
          start: Number(attr(path(l, 'w:start'), 'w:val') ?? 1),
          format: attr(path(l, 'w:numFmt'), 'w:val') ?? 'decimal',
          text: attr(path(l, 'w:lvlText'), 'w:val') ?? '',
          legal: path(l, 'w:isLgl') !== undefined && attr(path(l, 'w:isLgl'), 'w:val') !== '0',
          restart: restart === undefined ? undefined : Number(restart) - 1,
        };
      }
      this.abstracts.set(id, levels);
    }
    for (const n of elements(numberingXml, 'w:num')) {
      const startOverrides = new Map<number, number>();
      for (const o of elements(n, 'w:lvlOverride')) {
        const s = attr(path(o, 'w:startOverride'), 'w:val');
        if (s !== undefined) startOverrides.set(Number(attr(o, 'w:ilvl') ?? 0), Number(s));
      }
      this.nums.set(attr(n, 'w:numId')!, { abstract: attr(path(n, 'w:abstractNumId'), 'w:val') ?? '', startOverrides });
    }
    // An abstract list that only links to a numbering style takes that style's list.
    for (const [id, style] of styleLinks) {
      const viaStyle = this.styleNum(style)?.numId;
      const target = viaStyle ? this.nums.get(viaStyle)?.abstract : undefined;
      if (target && target !== id && (this.abstracts.get(id)?.length ?? 0) === 0) this.abstracts.set(id, this.abstracts.get(target) ?? []);
    }
  }

  /** The number Word shows before a paragraph (and advances the list), or '' when it has none. */
  label(pPr: XmlElement | undefined): string {
    const styleId = attr(path(pPr, 'w:pStyle'), 'w:val');
    const fromStyle = styleId ? this.styleNum(styleId) : undefined;
    const numPr = path(pPr, 'w:numPr');
    const numId = attr(path(numPr, 'w:numId'), 'w:val') ?? fromStyle?.numId;
    const ilvl = Number(attr(path(numPr, 'w:ilvl'), 'w:val') ?? fromStyle?.ilvl ?? 0);
    if (!numId || numId === '0') return '';
    const num = this.nums.get(numId);
    const levels = num && this.abstracts.get(num.abstract);
    const level = levels?.[ilvl];
    if (!num || !levels || !level) return '';
    let counts = this.counters.get(num.abstract);
    if (!counts) this.counters.set(num.abstract, (counts = []));
    if (num.startOverrides.size && !this.overridden.has(numId)) {
      // A num with a start override begins its list again the first time it is used.
      this.overridden.add(numId);
      counts.length = 0;
      for (const [l, s] of num.startOverrides) counts[l] = s - 1;
    }
    counts[ilvl] = (counts[ilvl] ?? (num.startOverrides.get(ilvl) ?? level.start) - 1) + 1;
    for (let deeper = ilvl + 1; deeper < Math.max(levels.length, counts.length); deeper++) {
      const r = levels[deeper]?.restart;
      if (r === -1 || (r !== undefined && r < ilvl)) continue;
      counts[deeper] = undefined as unknown as number;
    }
    for (let l = 0; l < ilvl; l++) if (counts[l] === undefined) counts[l] = levels[l]?.start ?? 1;
    if (level.format === 'bullet' || level.format === 'none') return '';
    return level.text.replace(/%(\d)/g, (_, d: string) => {
      const l = Number(d) - 1;
      const lv = levels[l];
      const n = counts[l] ?? lv?.start ?? 1;
      return formatNumber(n, level.legal && l !== ilvl ? 'decimal' : (lv?.format ?? 'decimal'));
    });
  }
}

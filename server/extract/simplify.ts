import * as OpenCC from 'opencc-js/t2cn';

/**
 * Traditional → simplified with opencc-js. OpenCC's t→cn tables keep 著 where modern usage
 * writes 着 (著力, 著眼); the phrase fixes below are applied after it. Every entry maps a string
 * to one of the same length, so character offsets stay aligned.
 */
const PHRASE_FIXES: ReadonlyArray<readonly [string, string]> = [
  ['著力', '着力'],
  ['著眼', '着眼'],
  ['著手', '着手'],
  ['著重', '着重'],
  ['著實', '着实'],
  ['著实', '着实'],
  ['意味著', '意味着'],
  // 著 as the aspect particle after a verb or preposition (跟著项目走, 随著, 围绕著).
  ['跟著', '跟着'],
  ['随著', '随着'],
  ['接著', '接着'],
  ['沿著', '沿着'],
  ['朝著', '朝着'],
  ['向著', '向着'],
  ['本著', '本着'],
  ['绕著', '绕着'],
  ['顺著', '顺着'],
  ['靠著', '靠着'],
];

let converter: ((s: string) => string) | undefined;
let tradChars: Uint8Array | undefined;

/**
 * Characters that some entry of OpenCC's t→cn tables changes (plus all surrogates, to be safe).
 * A text with none of them comes out of the converter as it went in, so it need not go through:
 * a phrase entry changes only the characters where its key and value differ, so only those
 * count (大, 一, 重 start many entries but are never changed; flagging them sent nearly every
 * line through the converter).
 */
function traditionalChars(): Uint8Array {
  if (!tradChars) {
    tradChars = new Uint8Array(65536);
    tradChars.fill(1, 0xd800, 0xe000);
    const flag = (key: string, value: string) => {
      if (key.length !== value.length) {
        for (let j = 0; j < key.length; j++) tradChars![key.charCodeAt(j)] = 1;
        return;
      }
      for (let j = 0; j < key.length; j++) if (key[j] !== value[j]) tradChars![key.charCodeAt(j)] = 1;
    };
    for (const group of OpenCC.Locale.to.cn ?? []) {
      for (const dict of group) {
        if (typeof dict === 'string') {
          for (const e of dict.split('|')) {
            const [key, value] = e.split(' ');
            if (key) flag(key, value ?? '');
          }
        } else for (const [key, value] of dict) if (key) flag(key, value);
      }
    }
    for (const [k, v] of PHRASE_FIXES) flag(k, v);
  }
  return tradChars;
}

function hasTraditional(text: string): boolean {
  const flags = traditionalChars();
  for (let i = 0; i < text.length; i++) if (flags[text.charCodeAt(i)] === 1) return true;
  return false;
}

function getConverter(): (s: string) => string {
  if (!converter) {
    const base = OpenCC.Converter({ from: 't', to: 'cn' });
    const fix = OpenCC.CustomConverter(PHRASE_FIXES);
    converter = (s) => fix(base(s));
  }
  return converter;
}

/**
 * Convert to simplified, guaranteeing the result has the same length as the input: where a
 * phrase conversion would change the length (rare), that line is converted char by char.
 * Only lines with a traditional character go through OpenCC (its trie walk is the cost).
 */
export function toSimplified(text: string): string {
  if (!hasTraditional(text)) return text;
  const convert = getConverter();
  return text
    .split('\n')
    .map((line) => {
      if (!hasTraditional(line)) return line;
      const c = convert(line);
      if (c.length === line.length) return c;
      return Array.from(line, (ch) => {
        const one = convert(ch);
        return one.length === ch.length ? one : ch;
      }).join('');
    })
    .join('\n');
}

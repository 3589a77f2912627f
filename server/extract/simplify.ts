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
];

let converter: ((s: string) => string) | undefined;

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
 */
export function toSimplified(text: string): string {
  const convert = getConverter();
  const whole = convert(text);
  if (whole.length === text.length) return whole;
  return text
    .split('\n')
    .map((line) => {
      const c = convert(line);
      if (c.length === line.length) return c;
      return Array.from(line, (ch) => {
        const one = convert(ch);
        return one.length === ch.length ? one : ch;
      }).join('');
    })
    .join('\n');
}

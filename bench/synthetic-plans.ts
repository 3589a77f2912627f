/**
 * Synthetic plans built from the seeds' patterns: parts, sections, numbered items, filler text
 * drawn from the seeds' own sentences, and responsibility notes in each notation the seeds use.
 * Deterministic for a given seed number, so benchmark runs are comparable.
 */
import { readFileSync } from 'node:fs';
import { gazetteer } from '../server/extract/gazetteer';
import { NAME_VARIANTS } from '../server/extract/unit-names';
import { seedFilesIn } from '../server/seeds';

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

let sentences: string[] | undefined;
/** Sentences of the seeds with no note, numbering or unit in them: filler for synthetic plans. */
export function seedSentences(): string[] {
  if (!sentences) {
    const all = seedFilesIn().map((f) => readFileSync(f, 'utf8')).join('\n');
    sentences = all
      .split(/[。\n]/)
      .map((s) => s.trim())
      .filter((s) => s.length >= 12 && s.length <= 120 && !/[()●:]|单位|單位|www|^\d|^[一二三四五六七八九十]、/.test(s));
  }
  return sentences;
}

export interface SyntheticPlan { file: string; text: string }

export function syntheticPlan(n: number): SyntheticPlan {
  const rnd = prng(n + 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const gaz = gazetteer();
  const prefectures = [...gaz.regions.values()].filter((r) => r.level === 'prefecture' && gaz.subdivisions(r.id).length > 0);
  const city = pick(prefectures);
  const counties = gaz.subdivisions(city.id).map((r) => r.name);
  const departments = NAME_VARIANTS.filter((v) => !v[0]!.startsWith('委') && !v[0]!.startsWith('纪')).map((v) => `市${pick(v)}`);
  const units = (k: number) => Array.from({ length: k }, () => (rnd() < 0.15 ? pick(counties) : pick(departments)));
  const style = n % 4;
  let first = true;
  const note = (): string => {
    // A 000-style plan states its lead rule in its first note.
    const rule = style === 0 && first ? ',排第一的为牵头单位,下同' : '';
    first = false;
    const [a, b, c] = [units(1 + Math.floor(rnd() * 2)), units(1 + Math.floor(rnd() * 4)), units(1 + Math.floor(rnd() * 3))];
    switch (style) {
      case 0: return `(责任单位:${[...a, ...b].join('、')}、各县市区${rule})`;
      case 1: return `(牵头单位:${a.join('、')};责任单位:${b.join('、')},有关县区人民政府)`;
      case 2: return `(${a.join('、')}牵头负责,${c.join('、')}等参与)`;
      default: return `(${a[0]}牵头,${b.join('、')}等按职责分工负责)`;
    }
  };
  const body = (k: number) => Array.from({ length: k }, () => pick(seedSentences())).join('。') + '。';

  const lines: string[] = [`${city.name}推进区域协调发展行动方案`, `${city.name.slice(0, 1)}政办发〔2024〕${n + 1}号`, '', body(2), '一、总体要求', body(3), '二、重点任务'];
  let item = 0;
  const sections = 3 + Math.floor(rnd() * 5);
  for (let s = 0; s < sections; s++) {
    lines.push(`(${NUMERALS[s]})${pick(seedSentences()).slice(0, 12)}`);
    const items = 2 + Math.floor(rnd() * 5);
    for (let i = 0; i < items; i++) {
      item++;
      if (style === 2) {
        lines.push(`${item}、${pick(seedSentences()).slice(0, 10)}。${body(2)}${note()}${body(2)}${note()}`);
      } else {
        lines.push(`${item}.${pick(seedSentences()).slice(0, 10)}。${body(3)}${note()}`);
      }
    }
  }
  lines.push('三、保障措施', `(一)加强组织领导。${body(2)}(责任单位:市直有关部门、各县市区)`);
  return { file: `synthetic_${String(n).padStart(4, '0')}.txt`, text: lines.join('\n') };
}

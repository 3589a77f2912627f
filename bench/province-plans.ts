/**
 * A province's plans for bench:scale: every plan issued by the province or one of its prefecture
 * cities (from the division table), its units that jurisdiction's departments, the governments
 * of its counties and collectives, and its notation one of the ways real plans
 * write responsibility: the seeds' bracket notes, tables (| separated, tab separated, one cell
 * per line) and label lines, with deadlines and leaders. Deterministic for a given number.
 */
import { gazetteer, type Region } from '../server/extract/gazetteer';
import { NAME_VARIANTS } from '../server/extract/unit-names';
import { prng, seedSentences } from './synthetic-plans';

export interface ProvincePlan {
  file: string;
  text: string;
  /** The division code the plan is written for (what extraction should find). */
  jurisdiction: string;
  /** The notation it uses (STYLES). */
  style: (typeof STYLES)[number];
}

export const STYLES = ['first-listed', 'labels-in-brackets', 'verbs', 'verbs-by-duty', 'pipe-table', 'tab-table', 'cell-per-line', 'label-lines'] as const;

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const TOPICS = ['推进区域协调发展', '优化营商环境', '加快数字政府建设', '推进乡村振兴', '促进消费扩容提质', '加强生态环境保护', '推进新型城镇化', '扩大有效投资', '深化开放合作', '推进产业转型升级'];
const PERSONS = ['王明', '李强', '张华', '刘洋', '陈静', '杨帆', '赵磊', '黄勇', '周涛', '吴敏'];
const POSTS = ['分管副市长', '分管副县长', '常务副市长', '分管副省长'];

interface Issuer { region: Region; prefix: '省' | '市'; counties: Region[] }

let issuers: Map<string, { province: Issuer; prefectures: Issuer[] }> | undefined;
function issuersOf(province: string) {
  issuers ??= new Map();
  let found = issuers.get(province);
  if (!found) {
    const gaz = gazetteer();
    const p = gaz.get(province);
    if (!p || p.level !== 'province') throw new Error(`--province ${province} is not a province's division code (e.g. 430000 for 湖南省)`);
    const realCounties = (id: string) => gaz.subdivisions(id).filter((c) => !c.functionalZone && /[县区市]$/.test(c.name));
    // 省直辖县级行政区划 (湖北's 仙桃, 潜江 …) is a heading of the division table, not a city that issues plans.
    const prefectures = gaz.subdivisions(province).filter((r) => r.level === 'prefecture' && !r.name.endsWith('行政区划') && realCounties(r.id).length > 0);
    if (prefectures.length === 0) {
      // 北京, 天津, 上海, 重庆: the municipality is the one city, its districts and counties under it.
      const city: Issuer = { region: p, prefix: '市', counties: realCounties(province) };
      found = { province: city, prefectures: [city] };
    } else {
      found = {
        province: { region: p, prefix: '省', counties: prefectures },
        prefectures: prefectures.map((r) => ({ region: r, prefix: '市' as const, counties: realCounties(r.id) })),
      };
    }
    issuers.set(province, found);
  }
  return found;
}

/** Departments named the way plans do (市发改委, 县住建局 …): one written form per plan. */
const DEPARTMENTS = NAME_VARIANTS.filter((v) => !v[0]!.startsWith('委') && !v[0]!.startsWith('纪'));

/** The 31 provinces of the mainland, for a national index (香港 and 澳门 do not issue such plans). */
let mainland: string[] | undefined;
export function mainlandProvinces(): string[] {
  return (mainland ??= [...gazetteer().regions.values()].filter((r) => r.level === 'province' && !['810000', '820000', '710000'].includes(r.id)).map((r) => r.id));
}

/** Plan n of a national index: the provinces in turn, each plan as provincePlan writes it. */
export function nationalPlan(n: number): ProvincePlan {
  const provinces = mainlandProvinces();
  return provincePlan(n, provinces[n % provinces.length]);
}

export function provincePlan(n: number, province = '430000'): ProvincePlan {
  const rnd = prng(n * 7919 + 17);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const all = issuersOf(province);
  // One plan in twenty is the province's, the rest its cities'. (County governments issue plans
  // too, but extraction does not yet tell a county issuer from the city its text names most.)
  const issuer = rnd() < 0.05 ? all.province : pick(all.prefectures);
  const place = issuer.region.name;
  const style = STYLES[n % STYLES.length]!;
  const year = 2024 + (n % 2);
  const forms = DEPARTMENTS.map((v) => `${issuer.prefix}${pick(v)}`);
  const subGovernments = issuer.counties.map((c) => (issuer.prefix === '省' ? `${c.name}人民政府` : c.name));
  const unit = () => (subGovernments.length && rnd() < 0.12 ? pick(subGovernments) : pick(forms));
  const units = (k: number) => [...new Set(Array.from({ length: k }, unit))];
  const collective = issuer.prefix === '省' ? '各市州人民政府' : pick(['各县市区', '有关县区人民政府', '市直有关部门']);
  const deadline = () => pick([`${year}年${1 + Math.floor(rnd() * 12)}月底前`, `${year}年底前`, `${year + 1}年6月底前`, '长期坚持', '每年', '第三季度', `${year}年9月`]);
  const leader = () => (rnd() < 0.5 ? pick(PERSONS) : pick(POSTS));
  const sentence = () => pick(seedSentences());
  const body = (k: number) => Array.from({ length: k }, sentence).join('。') + '。';
  const heading = () => sentence().slice(0, 10).replace(/[,、;]+$/, '');

  const abbr = place.slice(0, 1);
  const topic = pick(TOPICS);
  const lines: string[] = [
    `${place}人民政府办公室关于印发《${place}${year}年${topic}行动方案》的通知`,
    `${abbr}政办发〔${year}〕${(n % 97) + 1}号`,
    '',
    `${place}${year}年${topic}行动方案`,
    body(2),
    '一、总体要求',
    body(2),
  ];

  let first = true;
  const note = (): string => {
    const [a, b, c] = [units(1 + Math.floor(rnd() * 2)), units(1 + Math.floor(rnd() * 4)), units(1 + Math.floor(rnd() * 3))];
    const rule = first ? ',排第一的为牵头单位,下同' : '';
    first = false;
    switch (style) {
      case 'first-listed': return `(责任单位:${[...a, ...b].join('、')}、${collective}${rule})`;
      case 'labels-in-brackets': return `(牵头单位:${a.join('、')};责任单位:${b.join('、')},${collective})`;
      case 'verbs': return `(${a.join('、')}牵头负责,${c.join('、')}等参与)`;
      default: return `(${a[0]}牵头,${b.join('、')}等按职责分工负责)`;
    }
  };

  const rows = 8 + Math.floor(rnd() * 24);
  if (style === 'pipe-table' || style === 'tab-table' || style === 'cell-per-line') {
    lines.push('二、重点任务', body(2), '附件', `${place}${year}年重点任务分解表`);
    if (style === 'pipe-table') {
      lines.push('序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限 |');
      for (let i = 1; i <= rows; i++) lines.push(`${i} | ${heading()}。${sentence()} | ${units(1).join('、')} | ${units(1 + Math.floor(rnd() * 3)).join('、')} | ${deadline()} |`);
    } else if (style === 'tab-table') {
      lines.push(['序号', '重点任务', '责任人', '牵头单位', '责任单位', '完成时限'].join('\t'));
      for (let i = 1; i <= rows; i++) lines.push([i, heading(), pick(PERSONS), units(1).join('、'), units(1 + Math.floor(rnd() * 3)).join('、'), deadline()].join('\t'));
    } else {
      const cells = ['序号', '重点任务', '责任单位', '完成时限'];
      for (let i = 1; i <= rows; i++) cells.push(String(i), `${heading()}。`, units(1 + Math.floor(rnd() * 3)).join('、'), deadline());
      lines.push(cells.join('\n\n'));
    }
  } else {
    lines.push('二、重点任务');
    let item = 0;
    const sections = 3 + Math.floor(rnd() * 5);
    for (let s = 0; s < sections; s++) {
      lines.push(`(${NUMERALS[s]})${heading()}`);
      const items = 2 + Math.floor(rnd() * 5);
      for (let i = 0; i < items; i++) {
        item++;
        if (style === 'label-lines') {
          lines.push(`${item}.${heading()}。${body(2)}`, `牵头单位:${units(1).join('、')}`, `责任单位:${units(1 + Math.floor(rnd() * 3)).join('、')}`,
            `完成时限:${deadline()}`, `责任领导:${leader()}`);
        } else if (style === 'verbs') {
          lines.push(`${item}、${heading()}。${body(2)}${note()}${body(1)}${note()}`);
        } else {
          // A deadline in the task's own sentence now and then, as plans write it.
          lines.push(`${item}.${heading()}。${body(2)}${rnd() < 0.3 ? `${deadline()}完成。` : ''}${note()}`);
        }
      }
    }
  }
  lines.push('三、保障措施', `(一)加强组织领导。${body(2)}`);
  return { file: `province_${String(n).padStart(5, '0')}.txt`, text: lines.join('\n'), jurisdiction: issuer.region.id, style };
}

/**
 * Unit identity: how the many ways a plan writes a unit's name collapse to one canonical name,
 * and what kind of organisation it is. Pure functions of the surface text; the jurisdiction
 * (which divisions exist) is passed in by the caller.
 */
export type UnitKind =
  | 'department'
  | 'party_organ'
  /** A local people's government: county-level, or prefecture-level when a province's plan names 市州. */
  | 'county_government'
  | 'zone'
  | 'vertical_agency'
  | 'enterprise'
  | 'institution'
  | 'federation'
  | 'collective';

export const UNIT_KINDS: readonly UnitKind[] = [
  'department', 'party_organ', 'county_government', 'zone', 'vertical_agency',
  'enterprise', 'institution', 'federation', 'collective',
];

/**
 * Official name first, then the abbreviations and variants plans use for it. The level prefix
 * (省/市/县/区) is not part of these: 市发改委 = 市 + 发改委. Also matched loosely: with 和
 * dropped and 委员会 shortened to 委 (人力资源社会保障局, 卫生健康委).
 */
export const NAME_VARIANTS: ReadonlyArray<readonly string[]> = [
  ['发展和改革委员会', '发改委', '发展改革委'],
  ['工业和信息化局', '工信局'],
  ['经济和信息化委员会', '经信委'],
  ['科学技术局', '科技局'],
  ['科学技术厅', '科技厅'],
  ['人力资源和社会保障局', '人社局', '人力社保局'],
  ['人力资源和社会保障厅', '人社厅', '人力社保厅'],
  ['卫生健康委员会', '卫健委'],
  ['卫生和计划生育委员会', '卫计委', '卫生计生委'],
  ['文化旅游广电体育局', '文旅广体局'],
  ['文化广电新闻出版旅游局', '文广新旅局'],
  ['文化和旅游局', '文旅局'],
  ['市场监督管理局', '市场监管局'],
  ['自然资源和规划局', '自然资源规划局', '自然规划局'],
  ['住房和城乡建设局', '住建局'],
  ['住房和城乡建设厅', '住建厅'],
  ['政府金融工作办公室', '金融办', '政府金融办', '金融工作办公室', '金融工作办'],
  ['医疗保障局', '医保局'],
  ['行政审批服务局', '行政审批局', '审批服务局'],
  ['交通运输局', '交通局'],
  ['交通运输厅', '交通厅'],
  ['农业委员会', '农委'],
  ['农业农村局', '农业农村委'],
  ['质量技术监督局', '质监局'],
  ['工商行政管理局', '工商局'],
  ['食品药品监督管理局', '食品药品监管局', '食药监局'],
  ['安全生产监督管理局', '安监局'],
  ['环境保护厅', '环保厅'],
  ['环境保护局', '环保局'],
  ['生态环境局', '生态环境保护局'],
  ['国有资产监督管理委员会', '国资委'],
  ['外事侨务办公室', '外事侨务办', '外侨办'],
  ['扶贫开发办公室', '扶贫办'],
  ['委组织部', '组织部'],
  ['委宣传部', '宣传部'],
  ['委统战部', '统战部', '委统一战线工作部'],
  ['纪委监委', '纪委市监委', '纪委省监委', '纪委县监委', '纪委区监委'],
  ['工商业联合会', '工商联'],
  ['贸易促进委员会', '贸促会'],
  ['通信管理办公室', '通管办'],
  ['公安局', '公安分局'],
  ['应急管理局', '应急局'],
  ['教育局', '教育体育局'],
];

/** 人力资源和社会保障局 ≈ 人力资源社会保障局; 卫生健康委员会 ≈ 卫生健康委. */
export function looseKey(core: string): string {
  return core.replace(/和/g, '').replace(/委员会$/, '委');
}

const VARIANT_INDEX: Map<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [official, ...rest] of NAME_VARIANTS) {
    for (const v of [official!, ...rest]) {
      m.set(v, official!);
      m.set(looseKey(v), official!);
    }
  }
  return m;
})();

/** Every written form of an official core name, for search (发改委 finds 发展和改革委员会). */
export function variantsOf(core: string): string[] {
  const official = VARIANT_INDEX.get(core) ?? VARIANT_INDEX.get(looseKey(core));
  if (!official) return [core];
  return [...(NAME_VARIANTS.find((v) => v[0] === official) ?? [official])];
}

export function officialCore(core: string): string | undefined {
  return VARIANT_INDEX.get(core) ?? VARIANT_INDEX.get(looseKey(core));
}

const ZONE_EXPANSIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/经济技术开发区$/, '经开区'],
  [/高新技术产业开发区$/, '高新区'],
  [/高新技术产业园区$/, '高新区'],
  [/综合保税区$/, '综保区'],
];

export type CollectiveScope = 'counties' | 'prefectures' | 'departments' | 'zones' | 'towns' | 'units';

/**
 * Collectives: a name that stands for a group of units. `all` distinguishes 各县市区 (every
 * county) from 有关县市区 (the relevant ones): both list the same possible members.
 */
const COLLECTIVES: ReadonlyArray<{ re: RegExp; scope: CollectiveScope; name: (all: boolean, m: RegExpExecArray) => string }> = [
  {
    re: /^(各|有关|相关)?(县市区|县区|县\(市、?区\)|县\(市\)区|县市|区县|县\(区\)|市区县|县市区和园区)(人民政府|政府)?(\(管委会\)|及管委会)?$/,
    scope: 'counties',
    name: (all) => (all ? '各县市区' : '有关县市区'),
  },
  { re: /^(各|有关|相关)?(市州|市\(州\)|市、州)(人民政府|政府)?$/, scope: 'prefectures', name: (all) => (all ? '各市州' : '有关市州') },
  {
    re: /^(各)?(市直|省直|县直|区直)(各有关|各相关|各|有关|相关)?(部门|单位)$/,
    scope: 'departments',
    name: (all, m) => (all ? `各${m[2]}部门` : `${m[2]}有关部门`),
  },
  { re: /^(各|有关|相关)?(园区|产业园区)$/, scope: 'zones', name: (all) => (all ? '各园区' : '有关园区') },
  {
    re: /^(各|有关|相关)?(乡镇|镇|乡|镇街|乡镇街道|镇\(街道\)|乡镇\(街道\)|街道|镇\(街\)|街镇|乡镇\(街\))(人民政府|政府|办事处)?$/,
    scope: 'towns',
    name: (all) => (all ? '各乡镇(街道)' : '有关乡镇(街道)'),
  },
  { re: /^(各|有关|相关)?(相关|有关|成员)?(部门|单位)$/, scope: 'units', name: (_all, m) => (m[1] === '各' ? '各相关单位' : '有关单位') },
];

export function matchCollective(surface: string): { name: string; scope: CollectiveScope } | null {
  return matchCollectiveAs(surface) ?? (/[、及和]/.test(surface) ? looseCollective(surface) : null);
}

/**
 * 各县、市、区政府, 各州、市人民政府, 各区、县级市, 各县(市)及相关区政府, 各有关部门和单位: a collective written
 * with delimiters inside, read by what its members are.
 */
function looseCollective(surface: string): { name: string; scope: CollectiveScope } | null {
  if (/^[省市县区]?(各|有关|相关)+(部门|单位)([和及、](部门|单位))+$/.test(surface)) return matchCollectiveAs(/各/.test(surface) && !/有关|相关/.test(surface) ? '各单位' : '有关单位');
  const m = /^(各|有关|相关)+(.+?)(人民政府|政府|管委会|\(管委会\))*$/.exec(surface);
  if (!m) return null;
  const members = m[2]!.replace(/级市/g, '市').replace(/[、及和()]|有关|相关|各/g, '');
  const all = !/有关|相关/.test(surface);
  if (/^[县市区旗]+$/.test(members)) return { name: all ? '各县市区' : '有关县市区', scope: 'counties' };
  if (/^[州市盟地]+$/.test(members)) return { name: all ? '各市州' : '有关市州', scope: 'prefectures' };
  return null;
}

function matchCollectiveAs(surface: string): { name: string; scope: CollectiveScope } | null {
  for (const c of COLLECTIVES) {
    const m = c.re.exec(surface);
    if (!m) continue;
    // No qualifier, or 各 → every member; 有关/相关 (or 市直有关部门) → only the relevant ones.
    const all = !/有关|相关/.test(surface);
    return { name: c.name(all, m), scope: c.scope };
  }
  return null;
}

const KIND_RULES: ReadonlyArray<readonly [RegExp, UnitKind]> = [
  [/^委|^党委|^党组|纪委|监委|政法委|编办|党校|^委办公室/, 'party_organ'],
  [/(工商业联合会|工商联|总工会|妇联|妇女联合会|科协|科学技术协会|侨联|残联|文联|贸易促进委员会|贸促会|红十字会|共青团|团委)$/, 'federation'],
  [/(海关|税务局|检验检疫局|人民银行|中心支行|银保监|金融监管|证监|气象局|邮政管理局|调查队|通信管理|通管办|烟草专卖局|海事局|铁路局|供电公司)/, 'vertical_agency'],
  [/(集团|公司|银行)$/, 'enterprise'],
  [/(经开区|高新区|开发区|综保区|示范区|新区|园区|工业园|景区|保税区|试验区|管委会|管理委员会)$/, 'zone'],
  [/(学院|大学|学校|研究院|研究所|医院|中心|工程管理局|管理处|馆|协会|商会)$/, 'institution'],
  [/(人民政府|政府)$/, 'county_government'],
];

/** Kind of a canonical unit name without its level prefix. */
export function classifyKind(core: string, hasLevelPrefix: boolean): UnitKind {
  if (officialCore(core)) return /^委|纪委监委/.test(officialCore(core)!) ? 'party_organ'
    : /工商业联合会|贸易促进委员会/.test(officialCore(core)!) ? 'federation'
    : /通信管理办公室/.test(officialCore(core)!) ? 'vertical_agency'
    : 'department';
  for (const [re, kind] of KIND_RULES) if (re.test(core)) return kind;
  return hasLevelPrefix ? 'department' : 'institution';
}

/** Level prefixes: 市发改委 → 市 + 发改委; 市委组织部 → 市 + 委组织部. */
const LEVEL_PREFIX = /^(省|市|县|区)(?=[\u4e00-\u9fff]{2,})/;

export function splitLevelPrefix(name: string): { prefix: string; core: string } {
  const m = LEVEL_PREFIX.exec(name);
  return m ? { prefix: m[1]!, core: name.slice(1) } : { prefix: '', core: name };
}

/** Zone names: drop 管委会, use the short forms plans use most (经开区, 高新区). */
export function canonicalZone(core: string): string {
  let c = core.replace(/(管委会|管理委员会)$/, '');
  for (const [re, short] of ZONE_EXPANSIONS) c = c.replace(re, short);
  return c;
}

/**
 * Organisation heads: anything a responsibility note can name ends in one of these (局 委 办 厅 部
 * 署 院 所 站 中心 公司 集团 政府 管委会 办事处 街道 乡 镇 团 会 银行 支行 海关 队 台 馆 学校 …, and the
 * places a county-level government is named by: 区 县 市 州 旗). 共青团中央 ends in its 中央.
 */
export const UNIT_SUFFIX =
  /(局|委|办|厅|部|署|院|会|中心|集团|公司|政府|区|县|市|州|旗|盟|乡|镇|街道|关|行|所|队|站|校|学院|大学|联|处|室|科|部门|单位|机构|馆|台|社|团|组|组织|园|委员会|办公室|中央|板块)$/;

const SURFACE_CHARS = /^[\u3400-\u9fffA-Za-z0-9()·]{2,40}$/;
/** A name's own bracket at its end (省发改委(省能源局), 县发改局(粮食局)) does not change its head. */
const TRAILING_BRACKET = /\([^()]*\)$/;

/** Does this look like a unit name at all (used to tell notes from prose in brackets)? */
export function isUnitLike(surface: string): boolean {
  if (!SURFACE_CHARS.test(surface)) return surface.length <= 40 && /、/.test(surface) && matchCollective(surface) !== null;
  const core = surface.length > 4 && surface.endsWith(')') ? surface.replace(TRAILING_BRACKET, '') : surface;
  return UNIT_SUFFIX.test(core) || matchCollective(surface) !== null;
}

/** Words that make a bracket prose even when it ends in an organisation head: (以下简称市发改委), (含高新区). */
const NOT_A_NAME = /牵头|负责|配合|参与|协办|主办|简称|以下|包括|含|即|详见|其中|参照|例如|如|的|是|为|年|月|日|\d/;
/** A place, a level, or a national body at the start of a name (省发展改革委, 大湾区内地各市, 国家发展改革委). */
const NAME_PREFIX = /^(省|市|县|区|州|旗|镇|乡|国家|国务院|中央|全国|自治区|各|有关|相关)/;

/**
 * A unit by its shape alone, strictly enough to read a bracket with no label or verb as a list of
 * units: an organisation head, and a level or place prefix or a known name, no prose words.
 */
export function isUnitShaped(surface: string): boolean {
  if (!isUnitLike(surface) || NOT_A_NAME.test(surface)) return false;
  // A collective named by its members' head after 各/有关 (大湾区内地各市, 省政府各部门).
  if (matchCollective(surface) !== null || NAME_PREFIX.test(surface) || /(各|有关|相关)[\u4e00-\u9fff]{1,4}$/.test(surface)) return true;
  const { core } = splitLevelPrefix(surface.replace(TRAILING_BRACKET, ''));
  return officialCore(core) !== undefined || /(海关|银行|支行|分行|集团|公司|大学|学院|管委会)$/.test(core);
}

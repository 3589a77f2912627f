/**
 * The notation grammar of responsibility notes, as data. Adding a city's way of writing who is
 * responsible means adding a row here, not code: labels introduce a list (牵头单位:A、B), verbs
 * close one (A牵头负责, B、C等参与), rule phrases set the document's lead rule.
 */
export type Role = 'lead' | 'responsible' | 'participant';

export const ROLES: readonly Role[] = ['lead', 'responsible', 'participant'];

/**
 * Role labels: a qualifier and an organisation noun (牵头单位, 配合部门, 协同责任单位, 责任主体), so
 * 牵头处室 or 参加单位 need no row of their own. Longest qualifier first.
 */
export const ROLE_QUALIFIERS: ReadonlyArray<readonly [string, Role]> = [
  ['牵头责任', 'lead'], ['主要责任', 'lead'], ['牵头负责', 'lead'], ['牵头', 'lead'], ['主办', 'lead'], ['主责', 'lead'], ['主管', 'lead'],
  ['协同责任', 'participant'], ['配合责任', 'participant'], ['配合', 'participant'], ['协办', 'participant'],
  ['协同', 'participant'], ['参与', 'participant'], ['参加', 'participant'], ['协作', 'participant'],
  ['协助', 'participant'], ['支持', 'participant'], ['指导', 'participant'],
  ['具体责任', 'responsible'], ['直接责任', 'responsible'], ['责任', 'responsible'], ['负责', 'responsible'],
  ['承办', 'responsible'], ['实施', 'responsible'], ['落实', 'responsible'],
];
export const ORG_NOUNS = ['单位', '部门', '处室', '科室', '主体', '机构'];

/** Labels before a colon: 牵头单位:A、B;责任单位:C. Also the bare verbs (牵头:A), which need the colon. */
export const NOTE_LABELS: ReadonlyArray<readonly [string, Role]> = [
  ...ROLE_QUALIFIERS.flatMap(([q, role]) => ORG_NOUNS.map((n) => [q + n, role] as const)),
  ['牵头', 'lead'], ['主办', 'lead'], ['主责', 'lead'],
  ['配合', 'participant'], ['协办', 'participant'], ['参与', 'participant'],
  ['责任', 'responsible'],
];

/** Labels of a note's other fields: who answers for the task as a person or post, and when it is due. */
export const LEADER_LABEL = /(?:牵头负责|牵头|责任|分管|联系|包保|包抓|主抓|负责|督办|挂帅|主管|协调)?(?:市级|县级|区级|省级|市|县|区|省)?领导(?:同志)?|(?:项目|工作|主要|第一|直接|具体)?(?:负责人|责任人)/;
export const DEADLINE_LABEL = /(?:计划|预计)?(?:完成|办结|截止)(?:时限|时间|期限|日期)(?:节点|要求)?|时限(?:要求)?|时间(?:节点|要求|安排)|完成节点|进度(?:要求|安排)/;

/** Verbs after a list: 省发改委牵头负责; 省水利厅等参与; X、Y等按职责分工负责. Longest first. */
export const NOTE_VERBS: ReadonlyArray<readonly [string, Role]> = (
  [
    ['分别牵头', 'lead'],
    ['共同牵头', 'lead'],
    ['总牵头', 'lead'],
    ['牵头抓总', 'lead'],
    ['负总责', 'lead'],
    ['具体承办', 'responsible'],
    ['分别负责', 'responsible'],
    ['牵头负责', 'lead'],
    ['牵头落实', 'lead'],
    ['牵头组织', 'lead'],
    ['牵头实施', 'lead'],
    ['牵头', 'lead'],
    ['主办', 'lead'],
    ['主责', 'lead'],
    ['按职责分工负责', 'responsible'],
    ['按职责分工落实', 'responsible'],
    ['按职能分工负责', 'responsible'],
    ['按职责负责', 'responsible'],
    ['按分工负责', 'responsible'],
    ['分工负责', 'responsible'],
    ['共同负责', 'responsible'],
    ['负责落实', 'responsible'],
    ['具体负责', 'responsible'],
    ['负责', 'responsible'],
    ['共同参与', 'participant'],
    ['参与', 'participant'],
    ['参加', 'participant'],
    ['配合落实', 'participant'],
    ['配合', 'participant'],
    ['协办', 'participant'],
    ['协助', 'participant'],
  ] as Array<[string, Role]>
).sort((a, b) => b[0].length - a[0].length);

/** A list item marked as lead in place: 市商务局(牵头), ★市商务局. */
export const LEAD_MARKER = /\((牵头|牵头单位|主办|牵头部门)\)$/;
export const LEAD_MARK_BEFORE = /^[★☆※*]\s*/;

/**
 * The document states that the first unit listed leads: 排第一的为牵头单位, 列第一位者为牵头或汇总单位,
 * 第一责任单位为牵头单位, 首位单位为牵头单位, with its scope (下同) and exceptions (除标注“分别牵头”外).
 */
export const LEAD_RULE_PHRASES: readonly RegExp[] = [
  /(?:除[^,;()]{0,16}外[,]?)?(?:排|列|位)?在?(?:(?:任务)?分工|责任单位|单位)?(?:第一|首)(?:位|个|名)?(?:的|者)?(?:责任)?(?:单位|部门)?(?:为|是)(?:牵头|主办|主责)(?:或汇总)?(?:单位|部门)?(?:[,;]?(?:下同|以下同|后同))?/,
];

/** What the rule makes the other units of a note: 列在首位的为牵头单位,其他为主要参加单位 → participant. */
export const REST_ROLE_PHRASE = /(?:其他|其余|其它)(?:单位)?(?:为|是)(?:主要)?(参加|参与|配合|协办|协同|责任)(?:单位|部门)/;

/** Words that only carry the rule's scope forward. */
export const RULE_SCOPE_WORDS = /^(下同|以下同|后同)$/;

/** List delimiters inside a note: 、,; whitespace, and 及 / 和 before a collective. 和/与 between two unit names is split later. */
export const LIST_DELIMITER = /[、,;]|\s+|及(?=[\u4e00-\u9fff])|和(?=各|有关|相关)/;

/**
 * A collective written with delimiters inside, kept whole when a list is split: 各县、市、区政府,
 * 各州、市人民政府, 各区、县级市, 各县(市)及相关区政府, 各县(市)区政府, 各有关部门和单位, 省有关部门和单位.
 * Each place after a delimiter must end there (各县区、市直有关部门 is two units).
 */
const PLACE = '(?:[县市区州旗盟](?:级市)?|乡镇|乡|镇|街道)(?:\\([县市区州旗盟乡镇街道、]{1,6}\\))?';
const GOVERNMENT = '(?:人民政府|政府|管委会|\\(管委会\\)|办事处)';
export const COLLECTIVE_SPAN = new RegExp(
  `(?:各|有关|相关)(?:有关|相关)?(?:${PLACE})+(?:[、及和](?:各|有关|相关)?(?:${PLACE})+(?=[、及和,;\\s]|${GOVERNMENT}|$))*${GOVERNMENT}*`
  + `|(?:各|有关|相关)+(?:部门|单位)(?:[和及、](?:部门|单位))+`,
  'g',
);

/** Trailing words that close a list without naming a unit: 省水利厅等 → 省水利厅. */
export const LIST_TAIL = /(等(有关|相关)?(单位|部门)?)$/;

/** The role REST_ROLE_PHRASE gives, if the text states one. */
export function restRoleOf(text: string): Role | undefined {
  const m = REST_ROLE_PHRASE.exec(text);
  if (!m) return undefined;
  return m[1] === '责任' ? 'responsible' : 'participant';
}

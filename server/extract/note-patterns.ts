/**
 * The notation grammar of responsibility notes, as data. Adding a city's way of writing who is
 * responsible means adding a row here, not code: labels introduce a list (牵头单位:A、B), verbs
 * close one (A牵头负责, B、C等参与), rule phrases set the document's lead rule.
 */
export type Role = 'lead' | 'responsible' | 'participant';

export const ROLES: readonly Role[] = ['lead', 'responsible', 'participant'];

/** Labels before a colon: 牵头单位:A、B;责任单位:C. */
export const NOTE_LABELS: ReadonlyArray<readonly [string, Role]> = [
  ['牵头单位', 'lead'],
  ['牵头部门', 'lead'],
  ['主办单位', 'lead'],
  ['主责单位', 'lead'],
  ['牵头', 'lead'],
  ['主办', 'lead'],
  ['责任单位', 'responsible'],
  ['责任部门', 'responsible'],
  ['负责单位', 'responsible'],
  ['承办单位', 'responsible'],
  ['实施单位', 'responsible'],
  ['配合单位', 'participant'],
  ['配合部门', 'participant'],
  ['协办单位', 'participant'],
  ['参与单位', 'participant'],
  ['协同单位', 'participant'],
  ['协作单位', 'participant'],
  ['协助单位', 'participant'],
  ['支持单位', 'participant'],
  ['配合', 'participant'],
  ['协办', 'participant'],
];

/** Verbs after a list: 省发改委牵头负责; 省水利厅等参与; X、Y等按职责分工负责. Longest first. */
export const NOTE_VERBS: ReadonlyArray<readonly [string, Role]> = (
  [
    ['牵头负责', 'lead'],
    ['牵头落实', 'lead'],
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
    ['负责', 'responsible'],
    ['共同参与', 'participant'],
    ['参与', 'participant'],
    ['配合落实', 'participant'],
    ['配合', 'participant'],
    ['协办', 'participant'],
    ['协助', 'participant'],
  ] as Array<[string, Role]>
).sort((a, b) => b[0].length - a[0].length);

/** A list item marked as lead in place: 市商务局(牵头). */
export const LEAD_MARKER = /\((牵头|牵头单位|主办)\)$/;

/** The document states that the first unit listed leads (000: 排第一的为牵头单位,下同). */
export const LEAD_RULE_PHRASES: readonly RegExp[] = [
  /排(在)?(第一|首)(位|个)?的?(单位|部门)?为牵头(单位|部门)/,
  /列(第一|首)(位|个)?的?(单位|部门)?为牵头(单位|部门)/,
  /第一(个|位)?(单位|部门)?为牵头(单位|部门)/,
  /首位(单位|部门)?为牵头(单位|部门)/,
];

/** Words that only carry the rule's scope forward. */
export const RULE_SCOPE_WORDS = /^(下同|以下同|后同)$/;

/** List delimiters inside a note: 、,; and 及 / 和 before a collective. */
export const LIST_DELIMITER = /[、,;]|及(?=[\u4e00-\u9fff])|和(?=各|有关|相关)/;

/** Trailing words that close a list without naming a unit: 省水利厅等 → 省水利厅. */
export const LIST_TAIL = /(等(有关|相关)?(单位|部门)?)$/;

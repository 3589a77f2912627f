/**
 * What a progress text says of the work, read conservatively: a state only where the words say
 * so, and DONE only when nothing in the text says otherwise. The text is cut into clauses (at
 * , ; 。) and each clause read for its strongest word; the row's state is then the least advanced
 * of them (a row that says 已完成 of one part and 正在 of another is IN_PROGRESS), except that a
 * clause that is not started among done or running ones makes the whole BEHIND (a part lags).
 *
 * Negations and hedges come first: 未完成 contains 完成, 基本完成 and 预计年底完成 are not done.
 */
export type InferredState = 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE' | 'BEHIND';

export interface StateReading {
  state: InferredState;
  /** The clause that decided it, and where it stands in the text given ([start, end)). */
  quote: string;
  start: number;
  end: number;
}

/** Checked in this order within a clause: the first that matches is the clause's state. */
const CLAUSE_PATTERNS: ReadonlyArray<readonly [InferredState, RegExp]> = [
  ['NOT_STARTED', /(?:尚未|仍未|还未|未)(?:启动|开工|开展|实施|动工)|没有(?:启动|开工|开展)/],
  ['BEHIND', /滞后|(?:尚未|仍未|还未|未能|未|没有|无法)(?:完成|建成|竣工|达到|达标|实现|到位|完工|投产)|进度(?:缓慢|偏慢|落后)|进展(?:缓慢|较慢)|延期|推迟|未达(?:到|序时)|低于(?:年度|全年)?(?:预期|目标|计划)/],
  // Hedged or future completion: not done yet.
  ['IN_PROGRESS', /基本(?:完成|建成|完工|竣工)|(?:预计|计划|力争|争取|确保|将于?|拟|有望|可望|年底前?|月底前?)[^,;。]{0,8}?(?:完成|建成|竣工|投产|投用|完工|通车)|完成率|完成(?:了)?(?:年度|全年)?(?:计划|任务|目标)?的?\d+(?:\.\d+)?%|正在|推进中|有序推进|加快推进|稳步推进|持续推进|扎实推进|积极推进|推进|启动|开工|在建|进行中|施工中|前期工作|实施中|筹备/],
  ['DONE', /已(?:经)?(?:全面|顺利|如期|按期|超额)?(?:完成|建成|竣工|办结|实现|投产|投用|投入使用|通车|开学|验收|达到|落实)|全面完成|顺利完成|如期完成|按期完成|超额完成|提前完成|圆满完成|完成|建成|竣工|办结|投入使用|投产|通车|已实现|全部到位/],
];

const RANK: Record<InferredState, number> = { NOT_STARTED: 0, BEHIND: 1, IN_PROGRESS: 2, DONE: 3 };

/** The state a progress text states, with the clause that says so; null when no clause says anything. */
export function inferState(text: string): StateReading | null {
  const found: StateReading[] = [];
  const clause = /[^,，;；。\n]+/g;
  for (let m = clause.exec(text); m; m = clause.exec(text)) {
    for (const [state, re] of CLAUSE_PATTERNS) {
      if (re.test(m[0])) {
        const lead = m[0].length - m[0].trimStart().length;
        found.push({ state, quote: m[0].trim(), start: m.index + lead, end: m.index + lead + m[0].trim().length });
        break;
      }
    }
  }
  if (found.length === 0) return null;
  const states = new Set(found.map((f) => f.state));
  // Some part not started while others run or are done: the work lags.
  const state: InferredState = states.has('NOT_STARTED') && states.size > 1
    ? 'BEHIND'
    : found.reduce((low, f) => (RANK[f.state] < RANK[low] ? f.state : low), 'DONE' as InferredState);
  const decided = found.find((f) => f.state === state) ?? found.find((f) => f.state === 'NOT_STARTED')!;
  return { ...decided, state };
}

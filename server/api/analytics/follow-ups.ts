import { Jieba } from '@node-rs/jieba';
import { dict, idf } from '@node-rs/jieba/dict';
/**
 * Follow-ups: a report's recommendation (or its 一是/二是 item) that takes up a plan task, with
 * the distinctive terms they share as the evidence.
 *
 * Terms are the maximal runs of whole words (jieba's segmentation) the two share (邵阳东货场,
 * 《宝庆人才行动计划》, “135”工程升级版), trimmed of leading verbs and trailing filler. A term counts
 * only if it is distinctive: few tasks of the whole corpus contain it, and it is a name in quotes or
 * title marks or holds a word that is specific — not common policy vocabulary (发展, 推进, 建设,
 * 产业 …), not a place name, and rare in general Chinese text (jieba's IDF table).
 *
 * Score = Σ over the shared terms of ln(N / df), N the number of tasks in the corpus and df the
 * number containing the term: a name two tasks alone share weighs most. Only between a report and
 * a plan of the same or a nesting jurisdiction (邵阳市's report and 邵阳市's or 湖南省's plans).
 */

export interface CorpusTask {
  id: string;
  documentId: string;
  kind: string;
  jurisdictionCode: string | null;
  title: string;
  text: string;
  items: Array<{ ordinal: string; title: string }>;
}

export interface FollowUpMatch {
  reportTaskId: string;
  planTaskId: string;
  /** The report's 一是/二是 item that takes the task up, or null when the recommendation has none. */
  item: { ordinal: string; title: string } | null;
  score: number;
  /** Shared distinctive terms, most distinctive first. */
  terms: string[];
}

/** Policy words every plan uses: sharing only these says nothing (the 发展, 推进, 建设, 产业 and their like). */
export const COMMON_POLICY_WORDS: readonly string[] = [
  '发展', '推进', '推动', '建设', '产业', '加快', '加强', '合作', '创新', '提升', '完善', '机制', '体系', '平台', '工作', '企业',
  '项目', '政策', '服务', '支持', '开展', '深化', '实施', '建立', '打造', '培育', '引进', '促进', '优化', '区域', '经济', '资源',
  '管理', '交流', '示范', '基地', '园区', '科技', '人才', '市场', '招商', '承接', '转移', '对接', '保障', '落实', '改革', '开放',
  '放管服', '营商', '环境', '一体化', '互联互通', '高质量', '进一步', '工程', '行动', '计划', '规划', '简政放权', '放权', '提质',
  '提效', '赋能', '增效', '口岸', '通关',
];

/**
 * A word counts as specific when general Chinese text rarely uses it: its inverse document
 * frequency in jieba's table (built from a large general corpus; median ≈ 12, 发展 3.6, 合作 5.5,
 * 保税 10.6, 货场 11.3, 飞地 10.8) is at least this. Words missing from the table are rare too.
 */
export const SPECIFIC_IDF = 10;

let jieba: Jieba | undefined;
let generalIdf: Map<string, number> | undefined;
function words(text: string): string[] {
  jieba ??= Jieba.withDict(dict);
  return jieba.cut(text, true);
}
/**
 * Loads the segmenter's dictionary and the IDF table (about 1.5 s): npm start does it once it is
 * listening, so that the first comparison or follow-up a user asks for does not wait for it.
 */
export function loadWordTables(): void {
  words('');
  idfOf('');
}

function idfOf(word: string): number | undefined {
  generalIdf ??= new Map(
    new TextDecoder().decode(idf).split('\n').map((l) => l.split(' ')).filter((p) => p.length === 2).map(([w, v]) => [w!, Number(v)]),
  );
  return generalIdf.get(word);
}

/** Verbs a shared stretch often starts with, and filler it ends with: trimmed off the term. */
const LEADING = /^(?:贯彻落实|贯彻|落实好|落实|坚定|加快|推进|推动|加强|积极|大力|全力|坚持|实施|支持|建设|开展|深化|完善|建立|打造|发展|申报|在|和|与|及|对|将|把|的|并|好)+/;
const TRAILING = /(?:建设|工作|发展|的|等|中|和|与|及|为|了|并)+$/;

/** What separates terms: punctuation, spaces, and brackets other than the title and quote marks. */
const SEPARATOR = /^[\s,，。;；:：、()（）!?！？·…—-]+$/;

export interface Segment { taskId: string; item: { ordinal: string; title: string } | null; text: string }

/** A recommendation's items as separate stretches of its text (一是… up to 二是…), or the whole text. */
export function segmentsOf(t: CorpusTask): Segment[] {
  const starts = t.items
    .map((item) => ({ item, at: t.text.indexOf(`${item.ordinal}${item.title}`) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at);
  if (starts.length === 0) return [{ taskId: t.id, item: null, text: t.text }];
  return starts.map((s, i) => ({ taskId: t.id, item: s.item, text: t.text.slice(s.at, starts[i + 1]?.at ?? t.text.length) }));
}

/** Maximal runs of whole words of `a` that also occur in `b`, in order (at least 2 characters, no punctuation). */
export function sharedStretches(a: string, b: string): string[] {
  const ws = words(a);
  const out: string[] = [];
  let coveredTo = 0;
  for (let i = 0; i < ws.length; i++) {
    if (SEPARATOR.test(ws[i]!)) continue;
    let j = i;
    let run = '';
    while (j < ws.length && !SEPARATOR.test(ws[j]!) && b.includes(run + ws[j]!)) run += ws[j++]!;
    if (run.length >= 2 && j > coveredTo) {
      out.push(run);
      coveredTo = j;
    }
  }
  return out;
}

/** A stretch as a term: leading verbs and trailing filler off, unpaired quote marks off. */
export function trimTerm(stretch: string): string {
  let t = stretch;
  for (let prev = ''; prev !== t; ) {
    prev = t;
    t = t.replace(LEADING, '').replace(TRAILING, '');
    t = balance(t);
  }
  return t;
}

const PAIRS: Array<[string, string]> = [['“', '”'], ['《', '》'], ['"', '"'], ['‘', '’']];

function balance(t: string): string {
  let s = t;
  for (const [open, close] of PAIRS) {
    const opens = [...s].filter((c) => c === open).length;
    const closes = [...s].filter((c) => c === close).length;
    if (open === close ? opens % 2 === 1 : opens !== closes) s = s.split(open).join('').split(close).join('');
  }
  return s;
}

/** The words of a term that say something specific: not common policy words, not place names, rare in general text (IDF ≥ minIdf). */
export function specificWords(term: string, isPlace: (w: string) => boolean, minIdf = SPECIFIC_IDF): string[] {
  return words(term).filter((w) => {
    if (w.length < 2 || !/[\u4e00-\u9fff]/.test(w) || COMMON_POLICY_WORDS.includes(w) || isPlace(w)) return false;
    return (idfOf(w) ?? Infinity) >= minIdf;
  });
}

export class FollowUpIndex {
  private readonly tasks = new Map<string, CorpusTask>();
  private readonly df = new Map<string, number>();
  private readonly byReport = new Map<string, FollowUpMatch[]>();
  private readonly byPlan = new Map<string, FollowUpMatch[]>();
  private readonly places: readonly string[];
  /** A term in more tasks than this is common, whatever its words. */
  readonly maxDf: number;

  constructor(
    corpus: readonly CorpusTask[],
    /** Whether a report of one jurisdiction may follow up a plan of the other (same or nesting). */
    related: (reportJurisdiction: string | null, planJurisdiction: string | null) => boolean,
    /** Place names (邵阳, 大湾区 …): shared by many tasks of a region, they say nothing alone. */
    placeNames: readonly string[],
  ) {
    for (const t of corpus) this.tasks.set(t.id, t);
    this.places = placeNames.filter((p) => p.length >= 2);
    this.maxDf = Math.max(3, Math.ceil(corpus.length * 0.05));
    // A 任务分解表 with a 落实情况 column (kind progress) still lists plan tasks.
    const plans = corpus.filter((t) => t.kind === 'plan' || t.kind === 'progress');
    for (const report of corpus.filter((t) => t.kind === 'report')) {
      const candidates = plans.filter((p) => related(report.jurisdictionCode, p.jurisdictionCode));
      const matches: FollowUpMatch[] = [];
      for (const seg of segmentsOf(report)) {
        for (const plan of candidates) {
          const m = this.match(seg, plan);
          if (m) matches.push(m);
        }
      }
      matches.sort((a, b) => b.score - a.score || a.planTaskId.localeCompare(b.planTaskId));
      this.byReport.set(report.id, matches);
      for (const m of matches) this.byPlan.set(m.planTaskId, [...(this.byPlan.get(m.planTaskId) ?? []), m]);
    }
    for (const list of this.byPlan.values()) list.sort((a, b) => b.score - a.score || a.reportTaskId.localeCompare(b.reportTaskId));
  }

  /** How many tasks of the corpus contain the term. */
  docFrequency(term: string): number {
    let n = this.df.get(term);
    if (n === undefined) {
      n = 0;
      for (const t of this.tasks.values()) if (t.text.includes(term) || t.title.includes(term)) n++;
      this.df.set(term, n);
    }
    return n;
  }

  /** ln(N / df): the weight of a term across the corpus. */
  weight(term: string): number {
    return Math.log(this.tasks.size / Math.max(1, this.docFrequency(term)));
  }

  /** Whether a shared term is evidence: something specific left, and rare in the corpus. */
  distinctive(term: string): boolean {
    if (this.docFrequency(term) > this.maxDf) return false;
    // A name both texts put in quotes or title marks (“135”工程升级版, 《宝庆人才行动计划》) is a named programme.
    if (/“[^”]{2,}”|《[^》]{2,}》/.test(term)) return true;
    return specificWords(term, (w) => this.isPlace(w)).length > 0;
  }

  /** 邵阳, 大湾区, 粤港澳: part of a region's name. */
  isPlace(word: string): boolean {
    return this.places.some((p) => p.includes(word));
  }

  private match(seg: Segment, plan: CorpusTask): FollowUpMatch | null {
    const terms = [...new Set(sharedStretches(seg.text, plan.text).map(trimTerm))].filter((t) => t.length >= 2 && this.distinctive(t));
    // A term inside another kept term adds nothing (邵阳东货场 within 邵阳东货场建设).
    const kept = terms.filter((t) => !terms.some((o) => o !== t && o.includes(t)));
    if (kept.length === 0) return null;
    kept.sort((a, b) => this.weight(b) - this.weight(a) || b.length - a.length);
    const score = Math.round(kept.reduce((s, t) => s + this.weight(t), 0) * 1000) / 1000;
    return { reportTaskId: seg.taskId, planTaskId: plan.id, item: seg.item, score, terms: kept };
  }

  /** A report task's follow-ups, best first (one per item and plan task). */
  followUps(reportTaskId: string): FollowUpMatch[] {
    return this.byReport.get(reportTaskId) ?? [];
  }

  /** The report items that took a plan task up, best first. */
  followedUpBy(planTaskId: string): FollowUpMatch[] {
    return this.byPlan.get(planTaskId) ?? [];
  }
}

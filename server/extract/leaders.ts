/**
 * Leaders: the persons or posts a plan names as answerable for a task (牵头领导:王 健,
 * 项目负责人:市卫生局方来英, 责任领导:分管副市长). They go to task.leaders and never become units.
 */
import type { NoteField } from './notes';
import type { TaskDraft } from './task-draft';
import { isUnitLike } from './unit-names';

export interface FoundLeader {
  name: string;
  post: string | null;
  /** [start, end) of the name as written, in the searched text. */
  start: number;
  end: number;
}

const PERSON = /^[\u4e00-\u9fff·]{2,5}$/;
const POST = /(书记|市长|县长|区长|州长|省长|旗长|镇长|乡长|主席|主任|局长|厅长|部长|秘书长|组长|委员|领导|负责人|负责同志)$/;

/** 杨志武副市长, 分管副市长, 王强同志, 分管领导: a person or a post, never a unit. */
export function isPersonOrPost(s: string): boolean {
  const t = s.trim();
  if (t.length < 2 || t.length > 12 || /[、,;\s]/.test(t)) return false;
  return (POST.test(t) || /同志$/.test(t)) && !isUnitLike(t);
}

/** Read one leader field: names split by 、,; or lines; 王 健 is one name, 王嵘 方勇 two. */
export function readLeaders(field: NoteField): FoundLeader[] {
  const out: FoundLeader[] = [];
  const text = field.text;
  for (const m of text.matchAll(/[^、,;\n]+/g)) {
    const piece = m[0];
    // A name is never one character: a lone character joins its neighbour (王 健, 市文旅局王 健); whole names spaced apart are several.
    const groups: Array<{ start: number; end: number }> = [];
    for (const t of piece.matchAll(/\S+/g)) {
      const s = m.index! + t.index!;
      const e = s + t[0].length;
      const prev = groups[groups.length - 1];
      if (prev && (t[0].length === 1 || prev.end - prev.start === 1)) prev.end = e;
      else groups.push({ start: s, end: e });
    }
    for (const g of groups) {
      const leader = readOne(text.slice(g.start, g.end).replace(/\s+/g, '').replace(/同志$/, ''));
      if (leader) out.push({ ...leader, start: field.offset + g.start, end: field.offset + g.end });
    }
  }
  return out;
}

/** 市卫生局方来英 → 方来英 of 市卫生局; 分管副市长 → the post itself; 王波 → a name. */
function readOne(s: string): Omit<FoundLeader, 'start' | 'end'> | null {
  if (s.length < 2 || !/[\u4e00-\u9fff]/.test(s)) return null;
  if (PERSON.test(s) && !POST.test(s) && !isUnitLike(s)) return { name: s, post: null };
  for (let cut = s.length - 2; cut >= Math.max(2, s.length - 4); cut--) {
    const post = s.slice(0, cut);
    const name = s.slice(cut);
    if ((isUnitLike(post) || POST.test(post)) && PERSON.test(name) && !POST.test(name) && !isUnitLike(name)) return { name, post };
  }
  // 杨志武副市长: a name, then the post.
  for (let cut = 2; cut <= Math.min(4, s.length - 2); cut++) {
    const name = s.slice(0, cut);
    const post = s.slice(cut);
    if (PERSON.test(name) && BARE_POST.test(post) && !isUnitLike(name) && !NOT_A_PERSON.test(name)) return { name, post };
  }
  return { name: s, post: POST.test(s) || isUnitLike(s) ? s : null };
}
/** Words that qualify a post, never a name: 分管副市长, 主管局长. */
const NOT_A_PERSON = /^(分管|主管|联系|牵头|责任|包保|挂点|相关|有关|各)/;
const BARE_POST = /^(?:常务)?副?(?:省长|市长|县长|区长|州长|旗长|镇长|乡长|书记|主任|主席|秘书长|部长|局长|厅长)$/;

/** Persons and posts named in the task's notes or leader cells, else by its group's heading. */
export function taskLeaders(d: TaskDraft): FoundLeader[] {
  const seen = new Set<string>();
  const out: FoundLeader[] = [];
  for (const n of d.fields) {
    for (const f of n.leaders) {
      for (const l of readLeaders(f)) {
        if (!seen.has(l.name)) out.push(l);
        seen.add(l.name);
      }
    }
  }
  if (out.length === 0 && d.groupLeader) out.push(d.groupLeader);
  return out;
}

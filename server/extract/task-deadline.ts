import type { ExtractedDeadline } from './contract';
import { latestCompletion, parseDeadline } from './deadline';
import type { TaskDraft } from './task-draft';

interface DeadlineSpan { text: string; date: string | null; kind: ExtractedDeadline['kind']; start: number; end: number }

/**
 * The task's deadline: a deadline field or cell (the latest, when continuation rows add their
 * own), else the latest completion date its own text states.
 */
export function taskDeadline(d: TaskDraft, planYear: number | null): DeadlineSpan | null {
  let best: DeadlineSpan | null = null;
  const fields = [...d.fields, ...d.clauses.map((c) => c.note)].flatMap((n) => (n.deadline ? [n.deadline] : []));
  for (const f of fields) {
    const cand = deadlineOfField(f.text, f.offset, planYear);
    if (!best || (cand.date && (!best.date || cand.date > best.date))) best = cand;
  }
  if (best) return best;
  const inText = latestCompletion(d.ownText.text, planYear);
  return inText ? { text: inText.text, date: inText.date, kind: 'date', start: d.ownText.offset + inText.start, end: d.ownText.offset + inText.end } : null;
}

/** A deadline field as written: short ones whole (9月投入使用), long ones by their latest date. */
function deadlineOfField(text: string, offset: number, planYear: number | null): DeadlineSpan {
  const t = text.replace(/[。;]$/, '');
  if (t.length > 14) {
    const lc = latestCompletion(t, planYear);
    if (lc) return { text: lc.text, date: lc.date, kind: 'date', start: offset + lc.start, end: offset + lc.end };
  }
  const parsed = parseDeadline(t, planYear);
  return { text: t, ...parsed, start: offset, end: offset + t.length };
}

/**
 * Coverage (server/extract/coverage.ts): hand-written documents whose words, lines and offsets
 * were counted by hand from the text below, not taken from the program's output.
 */
import { describe, expect, it } from 'vitest';
import { coverageLine } from '../../server/extract/coverage';
import { extract } from '../../server/extract/extract';

const run = (file: string, text: string) => {
  const r = extract([{ file, bytes: Buffer.from(text, 'utf8') }]);
  return { doc: r.documents[0]!, warnings: r.warnings.filter((w) => w.file === file).map((w) => w.message) };
};

/** No word says who is responsible. */
const NOTICE = '关于做好冬季供暖工作的通知\n各单位要高度重视,确保群众温暖过冬。\n';

/**
 * Line 5 uses the words but names no unit that leads: 由项目所在地牵头 (wherever the project stands
 * leads, which is no organisation). Offsets: line 1 is 13 characters, line 2 empty, line 3 six,
 * line 4 nine, so line 5 starts at 14+1+7+10 = 32; 牵 is its 13th character (按照属地原则由项目所在地牵),
 * at 44; 参与 at 44+7 = 51.
 */
const PROSE_ONLY = '某某市推进项目建设工作方案\n\n一、主要任务\n1.加快项目建设。\n按照属地原则由项目所在地牵头,有关部门参与,7月1日完成。\n2.优化营商环境。\n';

/** Two items, each with a bracket note: 牵头 once (in 牵头单位), 责任单位 twice; line 3 starts at 21, its ( at 32. */
const NORMAL = '某某市优化营商环境行动方案\n一、重点任务\n1.推进政务服务改革。(牵头单位:市政务服务中心;责任单位:市发改委、各县区人民政府)\n2.加强要素保障,确保项目落地。(责任单位:市自然资源局、市财政局)\n';

/** A note in the preamble (line 2, its ( at 14+9 = 23) belongs to no task; the item below has one. */
const STRAY_NOTE = '某某市优化营商环境行动方案\n为做好营商环境工作(责任单位:市发改委、市审计局),制定本方案。\n一、重点任务\n1.推进政务服务改革。(牵头单位:市政务服务中心;责任单位:市发改委)\n';

describe('coverage', () => {
  it('says a document has no responsibility words at all', () => {
    const { doc, warnings } = run('notice.txt', NOTICE);
    expect(doc.tasks).toHaveLength(0);
    expect(doc.coverage).toMatchObject({ words: [], clauses: { read: 0, used: 0 }, tasks: 0, tasksWithUnits: 0, unusedUnits: [] });
    expect(doc.coverage!.warning).toMatchObject({ kind: 'no-words', line: null });
    expect(doc.coverage!.warning!.zh).toContain('没有任何责任用语');
    expect(warnings).toContainEqual(expect.stringMatching(/^no tasks found: .*no responsibility words/));
  });

  it('names the line and quotes the place when words are there but no task is understood', () => {
    const { doc, warnings } = run('prose.txt', PROSE_ONLY);
    expect(doc.tasks).toHaveLength(0);
    const c = doc.coverage!;
    expect(c.words).toEqual([{ word: '牵头', count: 1, first: 44, line: 5 }, { word: '参与', count: 1, first: 51, line: 5 }]);
    expect(c.clauses).toEqual({ read: 0, used: 0 });
    // Eight characters before 牵 and fourteen from it, cut at neither end of the line.
    expect(c.warning).toMatchObject({ kind: 'not-understood', line: 5, start: 44, quote: '…原则由项目所在地牵头,有关部门参与,7月1日…' });
    expect(c.warning!.zh).toBe('找到 0 个任务；第 5 行“…原则由项目所在地牵头,有关部门参与,7月1日…”未能识别');
    expect(c.warning!.en).toBe('found 0 tasks; line 5 «…原则由项目所在地牵头,有关部门参与,7月1日…» was not understood');
    // The generic "no numbered items carry a note" is not said: the items are there, the note was not read.
    expect(warnings).toContain('no tasks found: line 5 «…原则由项目所在地牵头,有关部门参与,7月1日…» was not understood');
  });

  it('counts a normal document by hand and warns of nothing', () => {
    const { doc, warnings } = run('normal.txt', NORMAL);
    expect(doc.tasks).toHaveLength(2);
    expect(doc.coverage).toEqual({
      words: [{ word: '牵头', count: 1, first: 33, line: 3 }, { word: '责任单位', count: 2, first: 46, line: 3 }],
      clauses: { read: 2, used: 2 },
      tasks: 2,
      tasksWithUnits: 2,
      unusedUnits: [],
      warning: null,
    });
    expect(warnings.filter((w) => /task|clause/.test(w))).toEqual([]);
  });

  it('warns of a clause that attaches to no task, naming its line, and lists its units as unused', () => {
    const { doc, warnings } = run('stray.txt', STRAY_NOTE);
    expect(doc.tasks).toHaveLength(1);
    const c = doc.coverage!;
    expect(c.clauses).toEqual({ read: 2, used: 1 });
    // 市发改委 at 23+6 = 29, 市审计局 after 、 at 34.
    expect(c.unusedUnits).toEqual([{ surface: '市发改委', start: 29, line: 2 }, { surface: '市审计局', start: 34, line: 2 }]);
    expect(c.warning).toMatchObject({ kind: 'unattached', line: 2, start: 23, count: 1, quote: '…(责任单位:市发改委、市审计局)…' });
    expect(c.warning!.zh).toBe('1 处责任说明未归入任何任务；第一处：第 2 行“…(责任单位:市发改委、市审计局)…”');
    expect(warnings).toContain(c.warning!.en);
  });

  it('leaves leaders and the list tail out of the unused unit names', () => {
    // 葛管社 is a person (责任领导), 等有关部门 the tail of the list; neither is a unit left unread.
    const { doc } = run('leader.txt', '某某县方案\n一、任务\n1.建设道路。(责任单位:县交通局等有关部门;责任领导:葛管社)\n');
    expect(doc.tasks).toHaveLength(1);
    expect(doc.coverage!.unusedUnits).toEqual([]);
  });

  it('prints one summary line per document, with the warning under it', () => {
    const { doc } = run('prose.txt', PROSE_ONLY);
    expect(coverageLine('prose.txt', doc.coverage!)).toBe(
      'coverage: prose.txt: 2 responsibility words, 0/0 clauses used, 0/0 tasks with units\n  ! found 0 tasks; line 5 «…原则由项目所在地牵头,有关部门参与,7月1日…» was not understood',
    );
  });
});

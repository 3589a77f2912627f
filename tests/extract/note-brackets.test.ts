/** Notes in any bracket kind plans use: (…) （…） 〔…〕 【…】 read alike (issue 18: "any bracket"). */
import { describe, expect, it } from 'vitest';
import { extract } from '../../server/extract/extract';
import { findNotes } from '../../server/extract/notes';

const units = (text: string) => findNotes(text).map((n) => n.items.map((i) => `${i.surface}/${i.role}`));

describe('note brackets', () => {
  it('reads a note in 〔〕 or 【】 as in ()', () => {
    const expected = [['市商务局/lead', '市发改委/responsible', '市财政局/responsible']];
    expect(units('1.推进外贸。(牵头单位:市商务局;责任单位:市发改委、市财政局)')).toEqual(expected);
    expect(units('1.推进外贸。〔牵头单位:市商务局;责任单位:市发改委、市财政局〕')).toEqual(expected);
    expect(units('1.推进外贸。【牵头单位:市商务局;责任单位:市发改委、市财政局】')).toEqual(expected);
  });

  it('gives the items of a 〔〕 note offsets in the text, as for ()', () => {
    const text = '1.推进外贸。〔责任单位:市商务局〕';
    const [note] = findNotes(text);
    expect(note).toMatchObject({ start: 7, end: 18, quote: '〔责任单位:市商务局〕', bracketed: true });
    expect(text.slice(note!.items[0]!.offset, note!.items[0]!.offset + 4)).toBe('市商务局');
  });

  it('takes no document number or bracketed label for a note', () => {
    expect(findNotes('萍府办发〔2019〕5号')).toEqual([]);
    // The label in 【】 is no note of its own; the line it opens is.
    expect(units('【牵头单位】市商务局【配合单位】市发改委')).toEqual([['市商务局/lead', '市发改委/participant']]);
  });

  it('pairs each bracket with its own kind', () => {
    // A ) inside a 〔〕 note closes nothing of it.
    expect(units('1.推进外贸。〔责任单位:市商务局、市发改委(市能源局)〕')).toEqual([['市商务局/responsible', '市发改委(市能源局)/responsible']]);
  });

  it('makes the same tasks of a plan whichever bracket its notes use', () => {
    const plan = (o: string, c: string) => `某某市行动方案\n一、重点任务\n1.推进外贸发展。${o}牵头单位:市商务局;责任单位:市发改委${c}\n2.扩大有效投资。${o}责任单位:市发改委、市财政局${c}\n`;
    const read = (o: string, c: string) => extract([{ file: 'p.txt', bytes: Buffer.from(plan(o, c)) }]).documents[0]!.tasks
      .map((t) => [t.ref, t.assignments.map((a) => `${a.surface}/${a.role}`)]);
    const round = read('(', ')');
    expect(round).toHaveLength(2);
    expect(read('〔', '〕')).toEqual(round);
    expect(read('【', '】')).toEqual(round);
  });
});

describe('space-separated lists', () => {
  it('splits at a space after a unit the lead is marked on (★区发改委 统计局, 市发改委(牵头) 市财政局)', () => {
    expect(units('(责任单位:★区发改委 统计局)')).toEqual([['区发改委/lead', '统计局/responsible']]);
    expect(units('(责任单位:市发改委(牵头) 市财政局)')).toEqual([['市发改委/lead', '市财政局/responsible']]);
    // A name a space cut in two is still joined: one unit, its surface without the space (as for a
    // line break, 人行合⏎肥中心支行), its offsets still spanning the name as written.
    const cut = '(责任单位:市发展 改革委、市财政局)';
    expect(units(cut)).toEqual([['市发展改革委/responsible', '市财政局/responsible']]);
    const [first] = findNotes(cut)[0]!.items;
    expect(cut.slice(first!.offset, first!.offset + (first!.written ?? first!.surface.length))).toBe('市发展 改革委');
  });
});

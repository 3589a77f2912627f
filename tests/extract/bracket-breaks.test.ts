/** Hard line breaks inside a bracket (a PDF's text layer) are no line ends: the note is read whole. */
import { describe, expect, it } from 'vitest';
import { bracketBreaks } from '../../server/extract/bracket-breaks';
import { extract } from '../../server/extract/extract';

describe('bracket breaks', () => {
  it('finds the break inside a note that closes on the next line', () => {
    const text = '1.推进外贸。(责任单位:市发展和\n改革委员会、市财政局)\n2.扩大投资。';
    expect(bracketBreaks(text)).toEqual([[17, 18]]);
  });

  it('follows a note over two breaks, spaces around a break included', () => {
    const text = '1.推进外贸。(牵头单位:市商 \n 务局;责任单位:市发\n改委)';
    const [a, b] = bracketBreaks(text);
    expect(text.slice(a![0], a![1])).toBe(' \n ');
    expect(text.slice(b![0], b![1])).toBe('\n');
  });

  it('leaves breaks alone where the bracket does not close, or the next line is an item, a table row or blank', () => {
    expect(bracketBreaks('1.推进外贸(见附件\n2.扩大投资。')).toEqual([]);
    expect(bracketBreaks('1.推进外贸(见附件\n\n附件)')).toEqual([]);
    expect(bracketBreaks('序号 | 任务(一 |\n| 二) |')).toEqual([]);
    expect(bracketBreaks('1.推进外贸(一)。\n2.扩大投资(二)。')).toEqual([]);
  });

  it('reads the same units from the plan with and without the break, offsets in the raw file', () => {
    const whole = '某某市行动方案\n一、重点任务\n1.推进外贸发展。(牵头单位:市商务局;责任单位:市发展和改革委员会、市财政局)\n';
    const broken = whole.replace('市发展和改革', '市发展和\n改革');
    const read = (t: string) => extract([{ file: 'p.txt', bytes: Buffer.from(t) }]).documents[0]!.tasks[0]!.assignments;
    expect(read(broken).map((a) => [a.surface, a.role])).toEqual(read(whole).map((a) => [a.surface, a.role]));
    const a = read(broken).find((x) => x.surface === '市发展和改革委员会')!;
    expect(broken.slice(a.surfaceStart, a.surfaceEnd)).toBe('市发展和\n改革委员会');
  });
});

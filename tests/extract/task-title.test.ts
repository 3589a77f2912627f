/** A task's title is its heading phrase, never its own note, whether the note is inline or on a line below. */
import { describe, expect, it } from 'vitest';
import { extract } from '../../server/extract/extract';

const titles = (text: string) => extract([{ file: 't.txt', bytes: Buffer.from(text) }]).documents[0]!.tasks.map((t) => t.title);

describe('task titles', () => {
  it('leaves a note on a short heading line out of the title', () => {
    const line = '某某市目标任务\n一、主要目标\n1.规上工业增加值增长8%\n牵头单位:市经信局\n2.固定资产投资增长10%\n牵头单位:市发改委\n';
    const inline = '某某市目标任务\n一、主要目标\n1.规上工业增加值增长8%(牵头单位:市经信局)\n2.固定资产投资增长10%(牵头单位:市发改委)\n';
    expect(titles(line)).toEqual(['规上工业增加值增长8%', '固定资产投资增长10%']);
    expect(titles(inline)).toEqual(titles(line));
  });
});

/** Hard line breaks inside a label line's list (责任单位:市发改委、市财⏎政局) are no line ends. */
import { describe, expect, it } from 'vitest';
import { extract } from '../../server/extract/extract';
import { labelLineBreaks } from '../../server/extract/label-line-breaks';

describe('label line breaks', () => {
  it('joins a name cut at the line end, and a list that ends the line on a separator', () => {
    const text = '责任单位:市发改委、市财\n政局\n牵头单位:市商务局、\n市发改委\n';
    const cuts = labelLineBreaks(text);
    expect(cuts).toHaveLength(2);
    expect(cuts.map(([s, e]) => text.slice(s - 2, s) + '|' + text.slice(e, e + 2))).toEqual(['市财|政局', '局、|市发']);
  });

  it('joins a label run into a sentence, and a name before the list tail 等', () => {
    const text = '完成创建任务。责任单位:各区人民政府、葛店开发\n区管委会\n协同责任单位:省税务局、人行合\n肥中心支行等。\n';
    const cuts = labelLineBreaks(text);
    expect(cuts.map(([s, e]) => text.slice(s - 2, s) + '|' + text.slice(e, e + 2))).toEqual(['开发|区管', '行合|肥中']);
  });

  it('joins a name cut where both halves look like names, when the break cannot be a list end', () => {
    const cut = (text: string) => labelLineBreaks(text).map(([s, e]) => text.slice(s - 2, s) + '|' + text.slice(e, e + 2));
    // A list set apart by 、 has no separator at the break; a head alone; a collective; half no unit's name alone.
    expect(cut('责任单位:县委办、县委\n组织部、各镇\n')).toEqual(['县委|组织']);
    expect(cut('责任单位:东城区\n管委会。\n')).toEqual(['城区|管委']);
    expect(cut('协办单位:各区\n县政府\n')).toEqual(['各区|县政']);
    expect(cut('责任单位:市科\n技局\n')).toEqual(['市科|技局']);
    expect(cut('5、完善防护绿地。责任单位:鄂州\n球团厂,完成时间:2009年5月10日前。\n')).toEqual(['鄂州|球团']);
    expect(cut('责任单位:立山经济开发区,全区经济\n运行各专班\n')).toEqual(['经济|运行']);
  });

  it('keeps two names one to a line, and a label alone on its line, apart', () => {
    expect(labelLineBreaks('责任单位:市发改委\n市财政局\n')).toEqual([]);
    expect(labelLineBreaks('责任单位\n卫健局、文旅局\n')).toEqual([]);
  });

  it('leaves a complete list followed by the next paragraph, item or label line alone', () => {
    expect(labelLineBreaks('责任单位:市发改委、市财政局\n推进城乡融合发展。\n')).toEqual([]);
    expect(labelLineBreaks('责任单位:市发改委、市财\n2.推进城乡融合发展。\n')).toEqual([]);
    expect(labelLineBreaks('责任单位:市发改委、市财\n完成时限:2024年底\n')).toEqual([]);
    expect(labelLineBreaks('1.推进城乡融合发展、市财\n政局\n')).toEqual([]);
  });

  it('reads the same units from a plan whose label line a break cut', () => {
    const whole = '某某市行动方案\n一、重点任务\n(一)推进外贸发展。\n责任单位:市商务局、市财政局\n(二)扩大有效投资。\n责任单位:市发改委\n';
    const broken = whole.replace('市财政局', '市财\n政局');
    const read = (t: string) => extract([{ file: 'p.txt', bytes: Buffer.from(t) }]).documents[0]!.tasks.map((t) => t.assignments.map((a) => a.surface));
    expect(read(broken)).toEqual(read(whole));
    expect(read(whole)).toEqual([['市商务局', '市财政局'], ['市发改委']]);
  });
});

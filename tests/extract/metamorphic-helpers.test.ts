/**
 * The metamorphic transformations themselves, on a hand-written plan: each changes exactly what it
 * says and nothing else, so that a disagreement in metamorphic.test.ts is the extractor's.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../server/extract/extract';
import { inventNames, partsOf, substitute } from './metamorphic/invent-units';
import { canon, normalForm } from './metamorphic/normal-form';
import { unitSubstitution } from './metamorphic/substitute-units';
import {
  bracketKind, cellLinesWithoutPipes, inlineToLine, labelOrder, lineToInline, listSeparator, otherScript, pipeRows, wrapInsideName,
} from './metamorphic/transforms';

const PLAN = [
  '某某市行动方案',
  '一、重点任务',
  '1.推进外贸发展。(牵头单位:市商务局;责任单位:市发展和改革委员会、市财政局)',
  '2.扩大有效投资。(责任单位:市发改委、市财政局)',
  '3.优化营商环境。',
  '责任单位:市行政审批服务局、市市场监督管理局',
  '',
].join('\n');

const read = (text: string) => {
  const r = extract([{ file: 'plan.txt', bytes: Buffer.from(text) }]);
  const doc = r.documents[0]!;
  return { doc, raw: r.texts[doc.id]! };
};

describe('metamorphic transformations', () => {
  const { doc, raw } = read(PLAN);
  const line = (text: string, n: number) => text.split('\n')[n - 1];

  it('reads the plan itself as written (3 tasks)', () => {
    expect(normalForm(doc)).toEqual([
      '一.1|推进外贸发展|市发展和改革委员会/responsible,市商务局/lead,市财政局/responsible',
      '一.2|扩大有效投资|市发改委/responsible,市财政局/responsible',
      '一.3|优化营商环境|市市场监督管理局/responsible,市行政审批服务局/responsible',
    ]);
  });

  it('changes the brackets of notes only', () => {
    const t = bracketKind('〔', '〕').apply(raw, doc)!.text;
    expect(line(t, 3)).toBe('1.推进外贸发展。〔牵头单位:市商务局;责任单位:市发展和改革委员会、市财政局〕');
    expect(line(t, 6)).toBe(line(PLAN, 6));
  });

  it('changes the separators between units, a semicolon only under labels', () => {
    const t = listSeparator(' ', 'space').apply(raw, doc)!.text;
    expect(line(t, 3)).toBe('1.推进外贸发展。(牵头单位:市商务局;责任单位:市发展和改革委员会 市财政局)');
    expect(line(t, 6)).toBe('责任单位:市行政审批服务局 市市场监督管理局');
    const verbs = read('某某市方案\n一、任务\n1.推进外贸。(市商务局、市财政局牵头,市发改委参与)\n');
    expect(listSeparator(';', ';').apply(verbs.raw, verbs.doc)).toBeNull();
  });

  it('swaps the two labelled lists of a note', () => {
    expect(line(labelOrder.apply(raw, doc)!.text, 3)).toBe('1.推进外贸发展。(责任单位:市发展和改革委员会、市财政局;牵头单位:市商务局)');
  });

  it('moves an inline note to a line of its own, and a label line into a bracket', () => {
    const down = inlineToLine.apply(raw, doc)!.text;
    expect(down.split('\n').slice(2, 4)).toEqual(['1.推进外贸发展。', '牵头单位:市商务局;责任单位:市发展和改革委员会、市财政局']);
    const up = lineToInline.apply(raw, doc)!.text;
    expect(up.split('\n').slice(4)).toEqual(['3.优化营商环境(责任单位:市行政审批服务局、市市场监督管理局)。', '']);
  });

  it('writes the plan in traditional characters', () => {
    expect(line(otherScript.apply(raw, doc)!.text, 3)).toBe('1.推進外貿發展。(牽頭單位:市商務局;責任單位:市發展和改革委員會、市財政局)');
  });

  it('breaks the longest name of every note in the middle', () => {
    const t = wrapInsideName.apply(raw, doc)!.text;
    // Nine characters break after four, eight after four; of two as long, the first.
    expect(t).toContain('市发展和\n改革委员会');
    expect(t).toContain('市发\n改委');
    expect(t).toContain('市行政审\n批服务局');
    expect(t.split('\n')).toHaveLength(PLAN.split('\n').length + 3);
  });

  it('rewrites a pipe table as tabs or one cell per line, and drops pipes from cell lines', () => {
    const table = '某某县2024年重点工作任务分解表\n序号 | 工作任务 | 牵头单位 | 责任单位 |\n1 | 建设城区道路 | 县交通局 | 县财政局 |\n2 | 新建幼儿园2所 | 县教育局 | 县住建局 |\n';
    const t = read(table);
    expect(t.doc.tasks.map((x) => x.ref)).toEqual(['表1.1', '表1.2']);
    expect(line(pipeRows('tabs').apply(t.raw, t.doc)!.text, 3)).toBe('1\t建设城区道路\t县交通局\t县财政局');
    expect(pipeRows('cell per line').apply(t.raw, t.doc)!.text.split('\n').slice(5, 9)).toEqual(['1', '建设城区道路', '县交通局', '县财政局']);
    const cells = '某某县2024年重点工作任务分解表\n序号 |\n工作任务 |\n牵头单位 |\n责任单位 |\n1 |\n建设城区道路 |\n县交通局 |\n县财政局 |\n';
    const c = read(cells);
    expect(cellLinesWithoutPipes.apply(c.raw, c.doc)?.text.split('\n').slice(1, 4)).toEqual(['序号', '工作任务', '牵头单位']);
  });

  it('invents names of the same shape that occur nowhere, and maps them back', () => {
    expect(partsOf('市发展和改革委员会', () => '')).toEqual({ prefix: '市', stem: '发展和改革', head: '委员会' });
    expect(partsOf('邵阳海关', (b) => (b.startsWith('邵阳') ? '邵阳' : ''))).toBeNull(); // no stem left
    expect(partsOf('各县市区', () => '')).toBeNull();
    expect(partsOf('市委', () => '')).toBeNull();
    const names = inventNames(['市发改委', '市财政局', '县交通运输局'], { seed: 1, taken: () => false, readsAsPlace: () => false, placePrefix: () => '' });
    expect([...names.keys()].sort()).toEqual(['县交通运输局', '市发改委', '市财政局']);
    expect(names.get('市发改委')).toMatch(/^市[\u4e00-\u9fff]{2,3}委$/);
    expect(names.get('县交通运输局')).toMatch(/^县[\u4e00-\u9fff]{2,3}局$/);
    expect(new Set(names.values()).size).toBe(3);
    expect(substitute('市发改委、市财政局', names)).toBe(`${names.get('市发改委')}、${names.get('市财政局')}`);

    const t = unitSubstitution(PLAN)!.apply(raw, doc)!;
    expect(t.text).not.toContain('市商务局');
    const again = read(t.text);
    expect(normalForm(again.doc, t.unmap)).toEqual(normalForm(doc));
    expect(canon(again.doc.tasks[0]!.assignments[0]!.surface, t.unmap)).toBe('市商务局');
  });
});

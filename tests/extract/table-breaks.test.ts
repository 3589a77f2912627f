/** Tables written as text whose cells a hard line break cut inside a unit name (a PDF's page edge). */
import { describe, expect, it } from 'vitest';
import { extract } from '../../server/extract/extract';

const read = (text: string) => extract([{ file: 't.txt', bytes: Buffer.from(text) }]).documents[0]!.tasks
  .map((t) => `${t.title.slice(0, 6)} → ${t.assignments.map((a) => `${a.role}:${a.surface}`).join(' ')}`);

describe('a line break inside a table cell', () => {
  it('joins a pipe row that does not close with its pipe to the next line', () => {
    const whole = '某某区任务分解表\n序号 | 任务名称 | 牵头部门 | 配合部门 |\n1 | 地区生产总值增长6% | 区发改局 | 区财政局、区文化和广电旅游体育局、区统计局 |\n2 | 服务业增加值增长8% | 区商务局 | 各相关乡镇政府 |\n';
    const cut = whole.replace('区文化和广电', '区文化和广\n电').replace('各相关乡镇', '各相关\n乡镇');
    expect(read(cut)).toEqual(read(whole));
    expect(read(whole)).toEqual([
      '地区生产总值 → lead:区发改局 participant:区财政局 participant:区文化和广电旅游体育局 participant:区统计局',
      '服务业增加值 → lead:区商务局 participant:各相关乡镇政府',
    ]);
  });

  it('reads a cell-per-line table whose cells end at blank lines, a cell cut over two lines as one', () => {
    const rows = [['1', '地区生产总值增长5.5%左右', '区发展\n改革委'], ['2', '固定资产投资增长6%左右', '区财\n政局'], ['3', '工业增加值增长7%左右', '区经济信息委']];
    const text = `某某区目标任务分解表\n\n序号\n\n预期目标\n\n责任单位\n\n${rows.map((r) => r.join('\n\n')).join('\n\n')}\n`;
    expect(read(text)).toEqual([
      '地区生产总值 → lead:区发展改革委',
      '固定资产投资 → lead:区财政局',
      '工业增加值增 → lead:区经济信息委',
    ]);
  });

  it('reads a row with no separators that a break cut (…。区发展⏎改革委西城区…)', () => {
    const whole = '某某区重点工作\n类别序号重点督办内容牵头单位全年完成情况\n主要预期目标1地区生产总值增长6%左右。区发展改革委西城区地区生产总值增速调整为正增长。\n主要预期目标2区级一般公共预算收入增长2%左右。区财政局收入完成调整后方案目标。\n';
    const cut = whole.replace('区发展改革委', '区发展\n改革委');
    expect(read(cut)).toEqual(read(whole));
    expect(read(whole)).toEqual(['地区生产总值 → lead:区发展改革委', '区级一般公共 → lead:区财政局']);
  });

  it('joins a row written with spaces that a break cut inside a name of a 、 list (…、国家农业科⏎技园区管委会、有关乡镇 …)', () => {
    // The shape of b06 (舒城县): 负责领导 重点工作 牵头部门 协同部门 完成情况, cells separated by single spaces.
    const whole = '某某县重点工作推进表\n负责领导 重点工作 牵头部门 协同部门 完成情况\n王某 高标准农田建设项目 县农业农村局、县水利局 县科技局、国家农业科技园区管委会、有关乡镇 已完成审计工作。\n';
    const cut = whole.replace('国家农业科技园区', '国家农业科\n技园区');
    expect(read(cut)).toEqual(read(whole));
    expect(read(whole)).toEqual(['高标准农田建 → lead:县农业农村局 lead:县水利局 participant:县科技局 participant:国家农业科技园区管委会 participant:有关乡镇']);
  });
});

/**
 * A department of another province or city named in full (重庆市商务委员会 in 四川省's plan) is that
 * place's department: in its box, coloured a department (issue 21, item 11), not an institution of
 * the issuer. The places of the issuer's own territory stay its own.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../server/extract/extract';

const PLAN = `四川省人民政府办公厅关于印发四川省深化川渝合作实施方案的通知
一、重点任务
1.推进川渝自贸试验区协同开放。(省商务厅、重庆市商务委员会牵头,省发展改革委参与)
2.共建西部陆海新通道。(省发展改革委牵头,省商务厅、重庆市发展和改革委员会、成都市人民政府、成都海关负责)
`;

describe('units named with another jurisdiction’s place', () => {
  const r = extract([{ file: 'sichuan-chongqing.txt', bytes: Buffer.from(PLAN) }]);
  const unit = (name: string) => r.units.find((u) => u.name === name);

  it('重庆市商务委员会 is 重庆市’s department, not 四川省’s institution', () => {
    expect(r.documents[0]!.jurisdiction?.name).toBe('四川省');
    expect(unit('重庆市商务委员会')).toMatchObject({ id: '500000:重庆市商务委员会', kind: 'department', jurisdiction: { code: '500000', name: '重庆市' } });
    expect(unit('重庆市发展和改革委员会')).toMatchObject({ kind: 'department', jurisdiction: { name: '重庆市' } });
    expect(r.regions.map((x) => x.name)).toContain('重庆市');
  });

  it('the issuer’s own departments, its cities’ governments and a place inside it stay its own', () => {
    expect(unit('省商务厅')).toMatchObject({ kind: 'department', jurisdiction: { name: '四川省' } });
    expect(unit('成都市人民政府')).toMatchObject({ kind: 'county_government', jurisdiction: { name: '四川省' }, region: '510100' });
    expect(unit('成都海关')?.jurisdiction.name).toBe('四川省');
  });
});

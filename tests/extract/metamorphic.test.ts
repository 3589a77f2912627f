/**
 * Metamorphic tests of the extractor: documents of the corpus (../shared/corpus) and the seeds,
 * transformed in ways that must not change who is responsible for what (bracket kind, list
 * separator, label order, label line vs inline note, script, a line break inside a name, table
 * flattening, invented unit names), must extract the same up to the transformation. How many
 * agree is printed per transformation; the thresholds are issue 18's. What still disagrees, and
 * by which mechanism, is written down in the README (Metamorphic tests).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { agreementTable, compare, originals, projectText, type Outcome } from './metamorphic/run';
import { unitSubstitution } from './metamorphic/substitute-units';
import {
  bracketKind, cellLinesWithoutPipes, inlineToLine, labelOrder, lineToInline, listSeparator, otherScript, pipeRows, wrapInsideName,
  type Transformation,
} from './metamorphic/transforms';

let outcomes: Outcome[] = [];
let transformations: Transformation[] = [];
const SUBSTITUTION = 'unit names invented';

beforeAll(() => {
  const docs = originals();
  transformations = [
    // The corpus writes its notes in ASCII brackets (full-width ones are folded to them): （） is the other way round.
    bracketKind('（', '）'), bracketKind('〔', '〕'), bracketKind('【', '】'),
    listSeparator('、', '、'), listSeparator(',', ','), listSeparator('，', '，'), listSeparator(';', ';'), listSeparator(' ', 'space'),
    labelOrder, inlineToLine, lineToInline,
    otherScript, wrapInsideName,
    pipeRows('tabs'), pipeRows('cell per line'), cellLinesWithoutPipes,
    unitSubstitution(projectText()),
  ];
  outcomes = compare(docs, transformations);
  console.log(`\nmetamorphic agreement (${docs.length} documents)\n${agreementTable(outcomes, transformations.map((t) => t.name))}`);
  const failed = outcomes.filter((o) => !o.agree);
  if (failed.length > 0) console.log(`\ndisagreements:\n${failed.map((o) => `  [${o.transformation}] ${o.file}\n    ${o.diff}`).join('\n')}`);
}, 120_000);

describe('metamorphic: the extraction does not change with what must not matter', () => {
  it('applies every transformation to some document', () => {
    for (const t of transformations) expect(outcomes.some((o) => o.transformation === t.name), t.name).toBe(true);
  });

  // Issue 18 asks for 98 %; measured 386/393 = 98.2 % (README: what still disagrees, by mechanism).
  it('agrees on at least 98 % of the transformed documents', () => {
    const agree = outcomes.filter((o) => o.agree).length;
    expect(agree / outcomes.length).toBeGreaterThanOrEqual(0.98);
  });

  it('agrees on at least 99 % of the documents whose unit names were replaced by invented ones', () => {
    const mine = outcomes.filter((o) => o.transformation === SUBSTITUTION);
    expect(mine.length).toBeGreaterThan(20);
    expect(mine.filter((o) => o.agree).length / mine.length).toBeGreaterThanOrEqual(0.99);
  });
});

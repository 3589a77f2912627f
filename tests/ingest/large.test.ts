/**
 * Readers are linear in the document (issue 24): a legitimate plan of 100,000 paragraphs, as a
 * .docx and as a web page, is read whole well within the read limit. The times are printed; the
 * goal (≤ 10 s each) is measured in the closing note and by npm run bench:extract's readers.
 */
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../server/ingest/read';
import { miniDocx, para, zip } from './zip-writer';

const N = 100_000;
const line = (i: number) => `${i}. 推进第${i}项重点工作。(市发改委牵头,市财政局配合)`;

describe(`${N.toLocaleString('en')} paragraphs`, () => {
  it('as a .docx: every paragraph read, one per line', async () => {
    const docx = zip(miniDocx(Array.from({ length: N }, (_, i) => para(line(i + 1))).join('')));
    const t0 = Date.now();
    const source = await readDocument({ file: 'long.docx', bytes: docx });
    console.log(`.docx of ${N} paragraphs (${(docx.length / 1048576).toFixed(1)} MB) read in ${Date.now() - t0} ms`);
    const lines = source.text.trimEnd().split('\n');
    expect(lines).toHaveLength(N);
    expect(lines[N - 1]).toBe(line(N));
  }, 60_000);

  it('as a web page: every paragraph read, one per line', async () => {
    const html = Buffer.from(`<html><head><meta charset="utf-8"></head><body>${Array.from({ length: N }, (_, i) => `<p>${line(i + 1)}</p>`).join('')}</body></html>`);
    const t0 = Date.now();
    const source = await readDocument({ file: 'long.html', bytes: html });
    console.log(`web page of ${N} paragraphs (${(html.length / 1048576).toFixed(1)} MB) read in ${Date.now() - t0} ms`);
    const lines = source.text.trimEnd().split('\n');
    expect(lines).toHaveLength(N);
    expect(lines[0]).toBe(line(1));
  }, 60_000);
});

/**
 * 督办 for a whole jurisdiction and the 督办单 as PDF (issue 22 item 4), on both stores, on the ledger
 * fixture (tests/support/ledger-fixture.ts: 株洲市 430200) at ASOF 2024-06-15, 30-day window, no progress.
 * By hand from its text: 一.1 due 06-30 (AT_RISK), 一.2 due 03-31 (OVERDUE), 一.3 due 12-31 (ON_TRACK),
 * 一.4 长期坚持 and 一.5 no deadline (NO_DEADLINE); its units:
 *   市商务局 responsible 一.1, leads 一.2, supports 一.3 → 3 open: 1 red, 1 yellow (oldest overdue 2024-03-31)
 *   市邮政管理局 responsible 一.2, 市财政局 supports 一.2 → 1 red each
 *   市发改委 leads 一.1, 一.3, responsible 一.4 → 3 open: 1 yellow; 市交通运输局 responsible 一.1, leads 一.3 → 2 open: 1 yellow
 *   市市场监管局 (一.4), 市人社局 and 市教育局 (一.5) → 1 grey each
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from './helpers';
import { startLedgerApp } from '../support/ledger-app';
import { ASOF } from '../support/ledger-fixture';
import { stores } from '../support/stores';

const pagesOf = async (bytes: Uint8Array) => {
  // pdf.js takes the buffer over (it is empty afterwards): give it a copy.
  const pdf = await getDocument({ data: bytes.slice() }).promise;
  const texts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) texts.push(((await (await pdf.getPage(n)).getTextContent()).items as Array<{ str?: string }>).map((i) => i.str ?? '').join(''));
  return texts;
};

describe.each(stores())('督办 for a jurisdiction, and the 督办单 as PDF ($name)', (store) => {
  let app: Awaited<ReturnType<typeof startLedgerApp>>;
  beforeAll(async () => {
    app = await startLedgerApp({ store });
  }, 60_000);
  afterAll(async () => app?.close());

  it('owedUnits lists the units that owe something, most overdue first, with their lights counted and their sheets', async () => {
    const r = await gql(app.url, `{ owedUnits(jurisdiction: "430200", asOf: "${ASOF}") { unit { name } open overdue atRisk onTrack noDeadline oldestOverdue docxUrl pdfUrl } }`);
    expect(r.errors).toBeUndefined();
    const rows = r.data.owedUnits.map((u: any) => [u.unit.name, u.open, u.overdue, u.atRisk, u.onTrack, u.noDeadline, u.oldestOverdue]);
    expect(rows.slice(0, 5)).toEqual([
      ['市商务局', 3, 1, 1, 1, 0, '2024-03-31'],
      ['市财政局', 1, 1, 0, 0, 0, '2024-03-31'],
      ['市邮政管理局', 1, 1, 0, 0, 0, '2024-03-31'],
      ['市发展和改革委员会', 3, 0, 1, 1, 1, null],
      ['市交通运输局', 2, 0, 1, 1, 0, null],
    ]);
    expect(rows.slice(5).map((x: any) => x.slice(1, 6))).toEqual([[1, 0, 0, 0, 1], [1, 0, 0, 0, 1], [1, 0, 0, 0, 1]]);
    expect(rows).toHaveLength(8);
    expect(r.data.owedUnits[0].pdfUrl).toBe(`/export/duban.pdf?unit=430200%3A%E5%B8%82%E5%95%86%E5%8A%A1%E5%B1%80&asOf=${ASOF}`);
    const bad = await gql(app.url, '{ owedUnits(jurisdiction: "株洲") { open } }');
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('the PDF: one page per unit, in Chinese, in owedUnits\' order for a jurisdiction', async () => {
    const res = await fetch(`${app.url}/export/duban.pdf?jurisdiction=430200&asOf=${ASOF}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(decodeURIComponent(res.headers.get('content-disposition')!)).toContain("filename*=UTF-8''督办单-430200-2024-06-15.pdf");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const pages = await pagesOf(bytes);
    expect(pages).toHaveLength(8);
    expect(pages.map((p) => /承办单位：(\S+?)（/.exec(p)?.[1]).slice(0, 3)).toEqual(['市商务局', '市财政局', '市邮政管理局']);
    expect(pages[0]).toContain('督 办 单');
    expect(pages[0]).toContain('未办结任务 3 项：逾期 1 项，预警 1 项。');
    expect(pages[0]).toContain('完成时限2024-03-31已过76天，未报告进展');
    expect(pages[0]).toContain('承办单位（盖章）');
    if (store.name === 'Kuzu') {
      const dir = join(import.meta.dirname, '../../test-output/screenshots');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'duban-jurisdiction.pdf'), bytes);
    }
    // A unit by id, and the same refusals as the .docx.
    const one = await fetch(`${app.url}/export/duban.pdf?unit=${encodeURIComponent('430200:市商务局')}&asOf=${ASOF}`);
    expect((await pagesOf(new Uint8Array(await one.arrayBuffer())))).toHaveLength(1);
    expect((await fetch(`${app.url}/export/duban.pdf?jurisdiction=zz`)).status).toBe(400);
    expect((await fetch(`${app.url}/export/duban.pdf?unit=${encodeURIComponent('430200:无此单位')}`)).status).toBe(404);
  }, 60_000);
});

/**
 * Uploading plans through the page, as a user would, in headless Chromium against the real
 * server: a Word file through the file chooser, an Excel 任务分解表 dropped onto the page, a
 * corrupt file refused in Chinese and English; the new documents' units appear in the network.
 * Screenshots go to test-results/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, SHOTS } from '../support/web';
import { WEB_DIR } from '../../server/app';
import { SEEDS_DIR } from '../../server/seeds';
import { gql, INGEST_TOKEN, startTestApp } from '../api/helpers';
import { corpusText, docxFromText, xiamenTable } from '../support/office';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('uploading plans in the page', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let browser: Browser;
  let page: Page;
  let errors: string[] = [];

  const unitIds = () => page.evaluate(() => ((globalThis as any).__cy?.nodes('[type="unit"]').map((n: any) => n.id()) ?? []) as string[]);
  const closeDialog = async () => {
    if (await page.getByRole('dialog').count()) await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  };
  const item = (file: string) => page.getByTestId('upload-list').locator(`li[data-file="${file}"]`);

  beforeAll(async () => {
    app = await startTestApp({ webDir: WEB_DIR });
    ({ browser, page, errors } = await openPage());
    await page.addInitScript(() => {
      // CSP violations, as the page sees them; and every value an upload progress bar showed.
      // (Page code: the tests' TypeScript has no DOM types, hence `w`.)
      const w = globalThis as any;
      w.__csp = [];
      w.__progress = [];
      w.document.addEventListener('securitypolicyviolation', (e: any) => w.__csp.push(`${e.violatedDirective} ${e.sourceFile}:${e.lineNumber}`));
      new w.MutationObserver(() => {
        for (const p of w.document.querySelectorAll('progress')) w.__progress.push(p.position);
      }).observe(w.document, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
    });
    await page.goto(app.url);
    await page.waitForFunction(() => ((globalThis as any).__cy?.nodes('[type="unit"]').length ?? 0) > 0);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('opens the dialog from the keyboard, asks for the token once, and closes with Esc back to the button', async () => {
    await page.getByTestId('upload-open').focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '上传方案' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('ingest-token');
    await page.keyboard.type(INGEST_TOKEN);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (globalThis as any).sessionStorage.getItem('ingestToken'))).toBe(INGEST_TOKEN);
    expect(await page.getByTestId('upload-token').count()).toBe(0); // not asked again
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute('data-testid'))).toBe('upload-open');
  });

  it('uploads several files through the file chooser — a text plan and a Word plan — with a progress bar and a summary each, and draws the new units', async () => {
    const before = await unitIds();
    expect(before.some((id) => id.startsWith('210000:'))).toBe(false);
    // A slow uplink, so that the progress bars have something to show (Chromium reports upload
    // progress as the body drains, which a 10 KB file on loopback does at once).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 4 * 1024 });
    await page.getByTestId('upload-open').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('upload-choose').click();
    await (await chooser).setFiles([
      // 萍乡's plan (seed 001, 17.8 KB), loaded at start, under another name: recognised, not loaded twice.
      { name: 'pingxiang-copy.txt', mimeType: 'text/plain', buffer: readFileSync(join(SEEDS_DIR, '001_5bed96e789233213.txt')) },
      { name: 'liaoning-2024.docx', mimeType: DOCX, buffer: await docxFromText(corpusText('a02_liaoning.txt')) },
    ]);
    expect(await page.getByTestId('upload-list').locator('li').count()).toBe(2);
    await expect.poll(() => item('pingxiang-copy.txt').getByTestId('upload-summary').textContent(), { timeout: 30_000 }).toMatch(/^0项任务 · 0个单位 · 1条提示/);
    expect(await item('pingxiang-copy.txt').locator('.state').textContent()).toBe('已存在，未重复导入');
    // By hand from a02_liaoning.txt: 4 targets; 10 units named in their 牵头单位/责任单位 lines.
    const liaoning = item('liaoning-2024.docx');
    await expect.poll(() => liaoning.getByTestId('upload-summary').textContent(), { timeout: 30_000 }).toMatch(/^4项任务 · 10个单位 · \d+条提示/);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    const shown = await page.evaluate(() => (globalThis as any).__progress as number[]);
    expect(shown.some((v) => v > 0 && v < 1), `progress values seen: ${shown.join(', ')}`).toBe(true);
    expect(await liaoning.locator('.state').textContent()).toBe('已导入');
    await page.screenshot({ path: join(SHOTS, 'upload-chooser.png') });
    // The network is refreshed: 辽宁省's units are drawn.
    await expect.poll(async () => (await unitIds()).filter((id) => id.startsWith('210000:')).length, { timeout: 15_000 }).toBe(10);
    const ids = await unitIds();
    for (const id of ['210000:省发展和改革委员会', '210000:省财政厅', '210000:省工业和信息化厅']) expect(ids).toContain(id);
  }, 60_000);

  it('uploads an Excel 任务分解表 dropped onto the page, and links to its units in the network', async () => {
    await closeDialog();
    const before = await unitIds();
    const xlsx = (await xiamenTable()).toString('base64');
    // What the browser does when a file is dragged in from the desktop: dragenter, dragover, drop.
    await page.evaluate(({ b64, type }) => {
      const w = globalThis as any;
      const bytes = Uint8Array.from(w.atob(b64) as string, (c) => c.charCodeAt(0));
      const dt = new w.DataTransfer();
      dt.items.add(new w.File([bytes], 'xiamen-measures.xlsx', { type }));
      for (const kind of ['dragenter', 'dragover', 'drop']) {
        w.document.querySelector('.cy').dispatchEvent(new w.DragEvent(kind, { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    }, { b64: xlsx, type: XLSX });
    const xiamen = item('xiamen-measures.xlsx');
    // By hand from the table: 2 measures; 市发改委 and 市财政局, 市建设局.
    await expect.poll(() => xiamen.getByTestId('upload-summary').textContent(), { timeout: 30_000 }).toMatch(/^2项任务 · 3个单位/);
    await page.screenshot({ path: join(SHOTS, 'upload-xlsx-dropped.png') });
    // The document's units, as the API has them, are the three of the table, and all are drawn.
    const doc = await gql(app.url, '{ document(id: "xiamen-measures") { tasks { assignments { unit { id name } } } } }');
    const units = new Map<string, string>(doc.data.document.tasks.flatMap((t: any) => t.assignments.map((a: any) => [a.unit.id, a.unit.name])));
    expect([...units.values()].sort()).toEqual(['市发展和改革委员会', '市财政局', '市建设局'].sort());
    expect([...units.keys()].filter((id) => !before.includes(id))).toHaveLength(3); // all three are new
    await expect.poll(async () => { const drawn = await unitIds(); return [...units.keys()].every((id) => drawn.includes(id)); }, { timeout: 15_000 }).toBe(true);
    await xiamen.getByRole('link', { name: '在网络中查看' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => page.url()).toContain('document=xiamen-measures'); // the page navigates after the dialog closes
    await expect.poll(async () => (await unitIds()).sort()).toEqual([...units.keys()].sort());
    await page.screenshot({ path: join(SHOTS, 'upload-document-network.png') });
  }, 60_000);

  it('refuses a corrupt file with its reason, in Chinese and in English', async () => {
    await closeDialog();
    await page.getByTestId('upload-open').click();
    const docx = await docxFromText(corpusText('a01_xiamen.txt'));
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('upload-choose').click();
    await (await chooser).setFiles({ name: 'broken.docx', mimeType: DOCX, buffer: docx.subarray(0, 700) });
    const broken = item('broken.docx');
    await expect.poll(() => broken.getByTestId('upload-error').getAttribute('data-code'), { timeout: 30_000 }).toBe('UNREADABLE');
    // The server's reason in Chinese too (issue 21, item 9): a truncated Word file is corrupt.
    expect(await broken.getByTestId('upload-error').textContent()).toBe('无法读取该文件。 原因：文件已损坏或不完整');
    expect(await broken.locator('.state').textContent()).toBe('未导入');
    await page.screenshot({ path: join(SHOTS, 'upload-refused-zh.png') });
    await closeDialog();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('upload-open').click();
    const chooser2 = page.waitForEvent('filechooser');
    await page.getByTestId('upload-choose').click();
    await (await chooser2).setFiles({ name: 'broken-again.docx', mimeType: DOCX, buffer: docx.subarray(0, 700) });
    await expect.poll(() => item('broken-again.docx').getByTestId('upload-error').textContent(), { timeout: 30_000 }).toMatch(/^The file cannot be read\. Reason: \S/);
    expect(await page.getByRole('dialog', { name: 'Upload plans' }).isVisible()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'upload-refused-en.png') });
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  }, 60_000);

  it('broke no CSP rule and logged no errors in the browser console', async () => {
    expect(await page.evaluate(() => (globalThis as any).__csp)).toEqual([]);
    // The refused uploads answer 422, which Chromium reports as a failed resource load.
    expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
  });
});

import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium } from '../../bench/chromium';
import { WEB_DIR } from '../../server/app';

/** Where the browser tests save their screenshots (git-ignored). */
export const SHOTS = join(import.meta.dirname, '../../test-output/screenshots');

/** The graph with this test id is laid out and labelled. */
export async function networkReady(page: Page, testId = 'network') {
  await page.waitForSelector(`[data-testid="${testId}"][data-ready="1"]`, { timeout: 30_000 });
  // Labels are placed 80 ms after the last viewport change.
  await page.waitForTimeout(300);
}

/**
 * Headless Chromium on a page of its own context (AxeBuilder needs one), collecting console
 * errors and page errors. Fails with what to do when the web app is not built or there is no
 * Chromium, rather than with a timeout.
 */
export async function openPage(opts: { viewport?: { width: number; height: number }; acceptDownloads?: boolean } = {}): Promise<{ browser: Browser; page: Page; errors: string[] }> {
  if (!existsSync(join(WEB_DIR, 'index.html'))) throw new Error('dist/web is missing: run `npm run build` first (npm test does)');
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`no Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (.ci/run does), or set CHROMIUM_PATH`);
  mkdirSync(SHOTS, { recursive: true });
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1440, height: 900 }, acceptDownloads: opts.acceptDownloads ?? false });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  return { browser, page, errors };
}

/** A click on a graph node where it is drawn (window.__cy), inside the graph with this test id. */
export async function clickNode(page: Page, nodeId: string, testId = 'network') {
  const box = (await page.getByTestId(testId).boundingBox())!;
  const at = (await page.evaluate(`(() => { const p = window.__cy.getElementById(${JSON.stringify(nodeId)}).renderedPosition(); return { x: p.x, y: p.y }; })()`)) as { x: number; y: number };
  await page.mouse.click(box.x + at.x, box.y + at.y);
}

import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Where the browser tests save their screenshots (git-ignored). */
export const SHOTS = join(import.meta.dirname, '../../test-output/screenshots');

/** The graph with this test id is laid out and labelled. */
export async function networkReady(page: Page, testId = 'network') {
  await page.waitForSelector(`[data-testid="${testId}"][data-ready="1"]`, { timeout: 30_000 });
  // Labels are placed 80 ms after the last viewport change.
  await page.waitForTimeout(300);
}

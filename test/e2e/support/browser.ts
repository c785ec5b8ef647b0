// Chromium for end-to-end tests: a launcher, a `page` fixture that keeps a screenshot of failures, and an
// accessibility check with axe.
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { describe, inject, test } from 'vitest';
import { CHROMIUM_PATH, chromiumAvailable } from './chromium';

// Without the background-networking flags Chromium's own connections are refused by the closed network
// (research/node20_stack.md, pitfall 7).
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../../test-results/e2e');

const fileName = (name: string) =>
  `${name
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 150)}.png`;

/** Saves a full-page screenshot to test-results/e2e/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, fileName(name));
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The running app's URL (set by the global setup). */
export const baseUrl = (): string => inject('e2e').baseUrl;

/** Skips the whole block, visibly, when Chromium is absent (the global setup printed why). */
export const describeE2E = describe.skipIf(!chromiumAvailable());

interface Fixtures {
  browser: Browser;
  colorScheme: 'light' | 'dark';
  /** The browser's IANA timezone: fixed, so that times on pages do not depend on the machine's. */
  timezoneId: string;
  page: Page;
}

/**
 * `e2eTest` gives each test a fresh browser context (no cookies) on the app; a failing test leaves a
 * full-page screenshot named after it. `colorScheme` and `timezoneId` can be overridden per test
 * (`e2eTest.override({ timezoneId: 'Asia/Tokyo' })`).
 */
export const e2eTest = test.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Vitest fixtures must destructure their first argument.
  browser: async ({}, use) => {
    const browser = await launchBrowser();
    await use(browser);
    await browser.close();
  },
  colorScheme: 'light',
  timezoneId: 'UTC',
  page: async ({ browser, colorScheme, timezoneId, task }, use) => {
    const context = await browser.newContext({
      baseURL: baseUrl(),
      colorScheme,
      timezoneId,
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    // Pages here answer in milliseconds: a step that waits 10 s is stuck, and says so sooner.
    page.setDefaultTimeout(10_000);
    await use(page);
    if (task.result?.state === 'fail') {
      const file = await saveScreenshot(page, task.name).catch(() => undefined);
      if (file) console.warn(`screenshot of the failure: ${path.relative(process.cwd(), file)}`);
    }
    await context.close();
  },
});

/**
 * Runs axe on the page (WCAG 2.0-2.2 A and AA, and best practices) and fails on any violation, moderate and
 * minor ones included, listing them with their elements.
 */
export async function checkA11y(page: Page, where: string): Promise<void> {
  // A menu or modal still fading in or out is half there: wait for animations to end and for closed menus
  // (whose button says aria-expanded=false) to leave the page. Mantine starts a transition two animation
  // frames after mounting, so let three frames pass first or a modal just opened looks settled.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let frames = 3;
        const tick = () => (--frames > 0 ? requestAnimationFrame(tick) : resolve());
        requestAnimationFrame(tick);
      }),
  );
  await page.waitForFunction(() => {
    const settled = document.getAnimations().every((a) => a.playState !== 'running');
    const staleMenus = [...document.querySelectorAll('[role="menu"]')].filter(
      (menu) =>
        document.getElementById(menu.getAttribute('aria-labelledby') ?? '')?.getAttribute('aria-expanded') !==
        'true',
    );
    return settled && staleMenus.length === 0;
  });
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const bad = result.violations;
  if (bad.length === 0) return;
  const lines = bad.map(
    (v) =>
      `- [${v.impact}] ${v.id}: ${v.help}\n${v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`)
        .join('\n')}`,
  );
  throw new Error(`accessibility violations on ${where}:\n${lines.join('\n')}`);
}

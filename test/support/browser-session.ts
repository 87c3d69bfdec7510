/**
 * The frame every browser suite shares: one real node and one Chromium per
 * suite, a fresh browser context per signed-in user, and a check after each
 * test that no page broke the server's CSP or threw an uncaught error.
 * Call `browserSession()` inside the suite's `describe`.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { launchChromium } from './browser.js';
import { startE2eServer, type E2eServer, type E2eUser } from './e2e-server.js';
import { recordRan } from './ran.js';

export const SCREENSHOTS = process.env.TANDEM_E2E_SCREENSHOTS ?? join(tmpdir(), 'tandem-e2e');
export const VIEWPORT = { width: 1280, height: 900 };

export interface BrowserSession {
  server: () => E2eServer;
  /** A new browser context signed in as `user`, on the home page. */
  signedIn: (user: E2eUser) => Promise<Page>;
  /** The whole page: the layout scrolls inside <main>, so the window grows to fit it first. */
  shot: (page: Page, name: string) => Promise<void>;
}

export function browserSession(): BrowserSession {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  let problems: string[] = [];

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchChromium();
    recordRan('browser: chromium');
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  beforeEach(() => {
    contexts = [];
    problems = [];
  });
  afterEach(async () => {
    for (const context of contexts) await context.close();
    expect(problems, 'CSP violations or uncaught errors in the page').toEqual([]);
  });

  const running = (): { server: E2eServer; browser: Browser } => {
    if (!server || !browser) throw new Error('the browser session has not started');
    return { server, browser };
  };

  return {
    server: () => running().server,
    async signedIn(user) {
      const { server: node, browser: chromium } = running();
      const context = await chromium.newContext({
        viewport: VIEWPORT,
        baseURL: node.url,
        locale: 'en-GB',
      });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
          problems.push(message.text());
        }
      });
      await page.goto('/');
      await page.getByLabel('Username').fill(user.username);
      await page.getByLabel('Password').fill(user.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByTestId('user-menu-button').waitFor();
      return page;
    },
    async shot(page, name) {
      // A function, not a string: the page's CSP forbids evaluating strings.
      const height = await page
        .locator('main')
        .evaluate((main) => main.scrollHeight + main.getBoundingClientRect().top);
      await page.setViewportSize({
        width: VIEWPORT.width,
        height: Math.max(VIEWPORT.height, Math.ceil(height)),
      });
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
      await page.setViewportSize(VIEWPORT);
    },
  };
}

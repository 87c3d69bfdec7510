/**
 * The map suites' world: one real node and one Chromium per suite, where the
 * ministry's analyst and the partner record six incidents through the API
 * (Karachi 10 days ago, Quetta 200, the ministry's own unreleased AMBER one at
 * Dasu 100, Peshawar three years ago beyond the default twelve months, the
 * partner's unreleased AMBER one at Gwadar the ministry never sees, and the
 * partner's GREEN battle at Besham 20 days ago), so that the default map
 * shows four. Also the page-side API calls and the wait for what the
 * incidents layer drew. Call `mapScene()` inside the suite's `describe`; a
 * violation of the CSP or an uncaught error in any page fails the test.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { SCREENSHOTS, VIEWPORT } from '../support/browser-session.js';
import { startE2eServer, type E2eServer, type E2eUser } from '../support/e2e-server.js';
import { recordRan } from '../support/ran.js';

export const DAY_MS = 86_400_000;

/** Today in the local calendar, as the page counts it (both run on this machine). */
export function localDay(daysAgo: number): string {
  const now = new Date(Date.now() - daysAgo * DAY_MS);
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

export const PLACES = {
  karachi: { name: 'Karachi', country: 'PK', lat: 24.8933, lon: 67.1681, geoPrecision: 1 },
  quetta: { name: 'Quetta', country: 'PK', lat: 30.1798, lon: 66.975, geoPrecision: 1 },
  dasu: { name: 'Dasu', country: 'PK', lat: 35.2917, lon: 73.2906, geoPrecision: 1 },
  peshawar: { name: 'Peshawar', country: 'PK', lat: 34.008, lon: 71.5785, geoPrecision: 1 },
  gwadar: { name: 'Gwadar', country: 'PK', lat: 25.1216, lon: 62.3254, geoPrecision: 1 },
  besham: { name: 'Besham', country: 'PK', lat: 34.9297, lon: 72.8825, geoPrecision: 1 },
};

function incident(
  daysAgo: number,
  place: (typeof PLACES)[keyof typeof PLACES],
  overrides: Record<string, unknown> = {},
) {
  return {
    eventDate: localDay(daysAgo),
    timePrecision: 1,
    eventType: 'Explosions/Remote violence',
    subEventType: 'Suicide bomb',
    actor1: { name: 'Unidentified armed group', inter: 2 },
    place,
    fatalities: { total: 1, byNationality: [] },
    injured: { total: 0, byNationality: [] },
    narrative: `An attack near ${place.name}.`,
    marking: 'TLP:GREEN',
    releasableTo: [],
    ...overrides,
  };
}

export interface Answer {
  status: number;
  json: Record<string, unknown>;
}

export async function post(page: Page, path: string, body: unknown): Promise<Answer> {
  // A function, not a string: the page's CSP forbids evaluating strings.
  return page.evaluate(
    async ({ path, body }) => {
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    },
    { path, body },
  );
}

export async function get(page: Page, path: string): Promise<Answer> {
  return page.evaluate(async (path) => {
    const response = await fetch(path);
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }, path);
}

export interface MapScene {
  server: () => E2eServer;
  /** A new browser context signed in as `user`, on the home page. */
  signedIn: (user: E2eUser) => Promise<Page>;
  /** The analyst's incident at Karachi, ten days ago. */
  karachiId: () => string;
}

export function mapScene(): MapScene {
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  let karachiId = '';

  async function signedIn(user: E2eUser): Promise<Page> {
    const context = await browser.newContext({
      viewport: VIEWPORT,
      baseURL: server.url,
      locale: 'en-GB',
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
        problems.push(message.text());
    });
    await page.goto('/');
    await page.getByLabel('Username').fill(user.username);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('user-menu-button').waitFor();
    return page;
  }

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchChromium();
    recordRan('browser: chromium');
    mkdirSync(SCREENSHOTS, { recursive: true });

    const analyst = await signedIn(server.analyst);
    const ours = [
      incident(10, PLACES.karachi),
      incident(200, PLACES.quetta),
      // AMBER, released to nobody else: the analyst's own organisation still reads it.
      incident(100, PLACES.dasu, { marking: 'TLP:AMBER' }),
      // Older than the default range of twelve months.
      incident(3 * 365, PLACES.peshawar),
    ];
    const created = [];
    for (const body of ours) created.push(await post(analyst, '/api/incidents', body));
    expect(created.map((answer) => answer.status)).toEqual([201, 201, 201, 201]);
    karachiId = (created[0]?.json.incident as { id: string }).id;

    const partner = await signedIn(server.partner);
    const theirs = [
      // The partner's own AMBER incident, not released to the ministry: never counted there.
      incident(15, PLACES.gwadar, { marking: 'TLP:AMBER' }),
      incident(20, PLACES.besham, { eventType: 'Battles', subEventType: 'Armed clash' }),
    ];
    for (const body of theirs)
      expect((await post(partner, '/api/incidents', body)).status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  afterEach(() => {
    expect(problems, 'CSP violations or uncaught errors in the page').toEqual([]);
  });

  return { server: () => server, signedIn, karachiId: () => karachiId };
}

/** What the incidents layer last drew: the server's total and the count really on screen. */
export async function drawnIncidents(page: Page) {
  const map = page.getByTestId('map');
  return {
    state: await map.getAttribute('data-incidents-state'),
    total: await map.getAttribute('data-incidents-total'),
    drawn: await map.getAttribute('data-incidents-drawn'),
  };
}

export async function expectDrawn(page: Page, count: number): Promise<void> {
  await expect
    .poll(() => drawnIncidents(page), { timeout: 20_000 })
    .toEqual({ state: 'drawn', total: String(count), drawn: String(count) });
  expect(await page.getByTestId('incidents-in-view').textContent()).toBe(
    `${count} ${count === 1 ? 'incident' : 'incidents'} in view`,
  );
}

/**
 * The operational map in headless Chromium against a real node. Incidents are
 * recorded through the API by two organisations; the ministry's analyst opens
 * the map and the clusters drawn add up to exactly what that analyst may read
 * in the time range (the partner's unreleased AMBER incident is not counted,
 * nor is one older than the range). The presets, a dragged and a
 * keyboard-moved slider thumb, the event-type filter and the layer switch all
 * change what is drawn; the view lives in the address; a point opens its
 * incident; the page mirrors for Urdu; and keyboard alone reaches a threat
 * area through "What is in view", whose counts are the layers' own.
 * Screenshots land in
 * $TANDEM_E2E_SCREENSHOTS (default /tmp/tandem-e2e).
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchChromium } from '../support/browser.js';
import { startE2eServer, type E2eServer, type E2eUser } from '../support/e2e-server.js';
import { recordRan } from '../support/ran.js';

const skipReason = browserSkipReason();
const SCREENSHOTS = process.env.TANDEM_E2E_SCREENSHOTS ?? join(tmpdir(), 'tandem-e2e');
const VIEWPORT = { width: 1280, height: 900 };
const DAY_MS = 86_400_000;

/** Today in the local calendar, as the page counts it (both run on this machine). */
function localDay(daysAgo: number): string {
  const now = new Date(Date.now() - daysAgo * DAY_MS);
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

const PLACES = {
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

interface Answer {
  status: number;
  json: Record<string, unknown>;
}

async function post(page: Page, path: string, body: unknown): Promise<Answer> {
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

async function get(page: Page, path: string): Promise<Answer> {
  return page.evaluate(async (path) => {
    const response = await fetch(path);
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }, path);
}

describe.skipIf(skipReason !== undefined)(
  skipReason ? `map (skipped: ${skipReason})` : 'operational map in Chromium',
  () => {
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

    /** What the incidents layer last drew: the server's total and the count really on screen. */
    async function drawnIncidents(page: Page) {
      const map = page.getByTestId('map');
      return {
        state: await map.getAttribute('data-incidents-state'),
        total: await map.getAttribute('data-incidents-total'),
        drawn: await map.getAttribute('data-incidents-drawn'),
      };
    }

    async function expectDrawn(page: Page, count: number): Promise<void> {
      await expect
        .poll(() => drawnIncidents(page), { timeout: 20_000 })
        .toEqual({ state: 'drawn', total: String(count), drawn: String(count) });
      expect(await page.getByTestId('incidents-in-view').textContent()).toBe(
        `${count} ${count === 1 ? 'incident' : 'incidents'} in view`,
      );
    }

    it('draws clusters adding up to what the analyst may read, and follows the time range, filters and layers', async () => {
      const page = await signedIn(server.analyst);
      await page.goto('/map');

      // Default: the last twelve months. Karachi, Quetta, Dasu (own AMBER) and Besham (partner GREEN).
      await expectDrawn(page, 4);
      const readable = await get(
        page,
        `/api/incidents/facets?from=${localDay(364)}&to=${localDay(0)}`,
      );
      expect(readable.json.total).toBe(4);
      expect(await page.getByRole('button', { name: '1 year' }).getAttribute('aria-pressed')).toBe(
        'true',
      );
      await page.screenshot({ path: join(SCREENSHOTS, '20-map-clusters.png') });

      // All dates adds Peshawar, three years ago; the partner's AMBER incident stays out.
      await page.getByRole('button', { name: 'All', exact: true }).click();
      await expectDrawn(page, 5);
      expect(page.url()).toContain('period=all');

      // Drag the start thumb to about 150 days ago: Quetta (200 days) and Peshawar drop out.
      const start = page.getByRole('slider', { name: 'Start date' });
      const box = await start.boundingBox();
      if (!box) throw new Error('the start thumb is not visible');
      const domainStart = `${Number(localDay(0).slice(0, 4)) - 10}-01-01`;
      const span = Math.round((Date.parse(localDay(0)) - Date.parse(domainStart)) / DAY_MS);
      const thumbX = (index: number) => box.x + 8 + (index / span) * (box.width - 16);
      const y = box.y + box.height / 2;
      await page.mouse.move(thumbX(0), y);
      await page.mouse.down();
      await page.mouse.move(thumbX(span - 150), y, { steps: 8 });
      await page.mouse.up();
      await expectDrawn(page, 3);
      const from = new URL(page.url()).searchParams.get('from') ?? '';
      expect(from > localDay(170) && from < localDay(130)).toBe(true);

      // The keyboard moves the same thumb: End brings the start to the end date, today.
      await start.focus();
      await page.keyboard.press('End');
      await expectDrawn(page, 0);

      // 30 days: Karachi (10 days) and Besham (20 days); then only Battles: Besham.
      await page.getByRole('button', { name: '30 days' }).click();
      await expectDrawn(page, 2);
      await page.getByLabel('Event type').selectOption('Battles');
      await expectDrawn(page, 1);
      expect(page.url()).toContain('eventType=Battles');

      // The layer switch: hidden incidents leave nothing drawn, and come back.
      await page.getByRole('checkbox', { name: 'Incidents' }).uncheck();
      await expect
        .poll(() => drawnIncidents(page), { timeout: 20_000 })
        .toMatchObject({ state: 'hidden', drawn: '0' });
      expect(page.url()).toContain('layers=threats');
      expect(await page.getByTestId('incidents-in-view').count()).toBe(0);
      await page.getByRole('checkbox', { name: 'Incidents' }).check();
      await expectDrawn(page, 1);

      // The address is the view: opened afresh, it shows the same.
      const shared = page.url();
      const again = await signedIn(server.analyst);
      await again.goto(shared);
      await expectDrawn(again, 1);
      expect(await again.getByLabel('Event type').inputValue()).toBe('Battles');
      expect(
        await again.getByRole('button', { name: '30 days' }).getAttribute('aria-pressed'),
      ).toBe('true');
    }, 120_000);

    it('shows published threat areas valid in the range, with their grading and a link to the report', async () => {
      const page = await signedIn(server.analyst);
      const report = await post(page, '/api/threat-reports', {
        title: 'Convoy ambush risk near Quetta',
        area: { kind: 'circle', lat: 30.18, lon: 66.98, radiusKm: 40 },
        validFrom: new Date(Date.now() - 5 * DAY_MS).toISOString(),
        validUntil: new Date(Date.now() + 30 * DAY_MS).toISOString(),
        targetType: 'route',
        sourceReliability: 'B',
        informationCredibility: 2,
        marking: 'TLP:GREEN',
      });
      expect(report.status).toBe(201);
      const id = (report.json.threatReport as { id: string }).id;
      const view = '/map?lat=30.18&lon=66.98&z=8&layers=threats';
      const threatsInView = () => page.getByTestId('threats-in-view').textContent();

      // A draft is nobody's threat yet.
      await page.goto(view);
      await expect.poll(threatsInView, { timeout: 20_000 }).toBe('0 threat areas in view');
      expect((await post(page, `/api/threat-reports/${id}/publish`, {})).status).toBe(200);
      await page.goto(view);
      await expect.poll(threatsInView, { timeout: 20_000 }).toBe('1 threat area in view');

      const map = await page.getByTestId('map').boundingBox();
      if (!map) throw new Error('the map is not visible');
      await page.mouse.click(map.x + map.width / 2, map.y + map.height / 2);
      const selected = page.getByTestId('selected-threat');
      await selected.waitFor();
      expect(await selected.textContent()).toContain('Convoy ambush risk near Quetta');
      expect(await selected.textContent()).toContain('B2');
      expect(await selected.getByRole('link', { name: 'Open report' }).getAttribute('href')).toBe(
        `/intel/reports/${id}`,
      );
      await page.screenshot({ path: join(SCREENSHOTS, '23-map-threat.png') });

      // The same time range governs threats: a year long past holds none valid then.
      await page.goto(`${view}&from=2020-01-01&to=2020-12-31`);
      await expect.poll(threatsInView, { timeout: 20_000 }).toBe('0 threat areas in view');
    }, 60_000);

    it('opens an incident from its point, and mirrors the page for Urdu', async () => {
      const page = await signedIn(server.analyst);
      // Zoomed in on Karachi, few incidents: single points rather than clusters.
      await page.goto(`/map?lat=${PLACES.karachi.lat}&lon=${PLACES.karachi.lon}&z=10`);
      await expectDrawn(page, 1);
      const map = await page.getByTestId('map').boundingBox();
      if (!map) throw new Error('the map is not visible');
      await page.mouse.click(map.x + map.width / 2, map.y + map.height / 2);
      const selected = page.getByTestId('selected-incident');
      await selected.waitFor();
      expect(await selected.textContent()).toContain('Suicide bomb — Karachi');
      await page.screenshot({ path: join(SCREENSHOTS, '21-map-selection.png') });
      await selected.getByRole('link', { name: 'Open incident' }).click();
      await page.getByRole('heading', { name: 'Suicide bomb — Karachi' }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/incidents/${karachiId}`);

      await page.goto('/map');
      await expectDrawn(page, 4);
      await page.getByTestId('language-select').selectOption('ur');
      await expect.poll(() => page.evaluate('document.documentElement.dir')).toBe('rtl');
      await page.getByRole('checkbox', { name: 'واقعات' }).waitFor();
      await expect
        .poll(() => page.getByTestId('map').getAttribute('data-incidents-state'), {
          timeout: 20_000,
        })
        .toBe('drawn');
      const panel = await page.getByTestId('map-layers').boundingBox();
      const canvas = await page.getByTestId('map').boundingBox();
      if (!panel || !canvas) throw new Error('the map or its panel is not visible');
      // The panel sits at the inline start: the right-hand side in Urdu.
      expect(panel.x).toBeGreaterThan(canvas.x + canvas.width / 2);
      await page.screenshot({ path: join(SCREENSHOTS, '22-map-urdu.png') });
      await page.getByTestId('language-select').selectOption('en');
      await expect.poll(() => page.evaluate('document.documentElement.dir')).toBe('ltr');
    }, 90_000);

    it('opens a threat area from "What is in view" with the keyboard alone, and lists what the layers drew', async () => {
      const page = await signedIn(server.analyst);
      const title = 'Checkpoint threat near Hyderabad';
      const report = await post(page, '/api/threat-reports', {
        title,
        area: { kind: 'circle', lat: 25.396, lon: 68.377, radiusKm: 25 },
        validFrom: new Date(Date.now() - 2 * DAY_MS).toISOString(),
        validUntil: new Date(Date.now() + 20 * DAY_MS).toISOString(),
        targetType: 'site',
        sourceReliability: 'B',
        informationCredibility: 2,
        marking: 'TLP:GREEN',
      });
      expect(report.status).toBe(201);
      const id = (report.json.threatReport as { id: string }).id;
      expect((await post(page, `/api/threat-reports/${id}/publish`, {})).status).toBe(200);
      const list = page.getByTestId('map-in-view');
      const summary = () => page.getByTestId('in-view-summary').textContent();
      const threatCount = async () =>
        Number.parseInt((await page.getByTestId('threats-in-view').textContent()) ?? '', 10);

      // The whole default view: the clusters listed add up to the incidents drawn, and every
      // threat area the layer counts has its entry.
      await page.goto('/map');
      await expectDrawn(page, 4);
      await expect.poll(threatCount, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
      const threats = await threatCount();
      const listedClusterTotal = () =>
        list
          .getByTestId('in-view-cluster')
          .evaluateAll((entries) =>
            entries.reduce((sum, entry) => sum + Number(entry.getAttribute('data-count')), 0),
          );
      await expect.poll(listedClusterTotal, { timeout: 20_000 }).toBe(4);
      expect(await list.getByTestId('in-view-threat').count()).toBe(threats);
      expect(await list.getByTestId('in-view-more').count()).toBe(0);
      await expect
        .poll(summary, { timeout: 20_000 })
        .toBe(`4 incidents and ${threats} threat area${threats === 1 ? '' : 's'} in view`);

      // Near Hyderabad at zoom 8: the new area and Karachi's incident as a single point.
      await page.goto('/map?lat=25.1&lon=68&z=8');
      await expectDrawn(page, 1);
      await expect.poll(summary, { timeout: 20_000 }).toBe('1 incident and 1 threat area in view');
      expect(await list.getByTestId('in-view-point').count()).toBe(1);
      expect(await list.getByTestId('in-view-point').textContent()).toContain('Karachi');
      const entry = list.getByTestId('in-view-threat');
      expect(await entry.count()).toBe(1);
      expect(await entry.textContent()).toContain(title);
      expect(await entry.textContent()).toContain('Grading B2');
      expect(await entry.textContent()).toContain('TLP:GREEN');

      // Tab through the page (layer panel first) until the threat area's entry has focus.
      const key = `threat:${id}`;
      // Strings, not functions: the tests are compiled without the DOM's types.
      const focusedKey = () =>
        page.evaluate<string | null>(
          "document.activeElement && document.activeElement.getAttribute('data-entry-key')",
        );
      let presses = 0;
      while ((await focusedKey()) !== key) {
        expect(presses++, 'Tab never reached the threat area entry').toBeLessThan(60);
        await page.keyboard.press('Tab');
      }

      // Enter opens the same panel a click does, focused on its title; the map eases to the area.
      await page.keyboard.press('Enter');
      const selected = page.getByTestId('selected-threat');
      await selected.waitFor();
      expect(await selected.textContent()).toContain(title);
      expect(await selected.textContent()).toContain('B2');
      expect(await page.evaluate('document.activeElement.id')).toBe('map-selection-title');
      const link = selected.getByRole('link', { name: 'Open report' });
      expect(await link.isVisible()).toBe(true);
      expect(await link.getAttribute('href')).toBe(`/intel/reports/${id}`);
      await expect
        .poll(() => Number(new URL(page.url()).searchParams.get('lat')), { timeout: 10_000 })
        .toBeCloseTo(25.396, 1);
      // Past the close button to the link: the panel is operable from the keyboard too.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await page.evaluate('document.activeElement.textContent')).toBe('Open report');
      await page.screenshot({ path: join(SCREENSHOTS, '24-map-in-view.png') });

      // Escape closes the panel and gives focus back to the entry that opened it.
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('map-selection').count()).toBe(0);
      expect(await focusedKey()).toBe(key);
    }, 90_000);
  },
);

/**
 * Opening what the operational map shows, in headless Chromium against a real
 * node: a point opens its incident, and the page mirrors for Urdu; keyboard
 * alone reaches a threat area through "What is in view", whose counts are the
 * layers' own, and its panel opens, is operable and gives focus back.
 * Screenshots land in $TANDEM_E2E_SCREENSHOTS (default /tmp/tandem-e2e).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../support/browser.js';
import { SCREENSHOTS } from '../support/browser-session.js';
import type { E2eServer } from '../support/e2e-server.js';
import { DAY_MS, expectDrawn, mapScene, PLACES, post } from './map-scene.js';

const skipReason = browserSkipReason();

describe.skipIf(skipReason !== undefined)(
  skipReason ? `map (skipped: ${skipReason})` : 'operational map in Chromium',
  () => {
    const scene = mapScene();
    const { signedIn } = scene;
    let server: E2eServer;
    let karachiId = '';
    beforeAll(() => {
      server = scene.server();
      karachiId = scene.karachiId();
    });

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
      expect(await link.getAttribute('href')).toBe(`/intel/${id}`);
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

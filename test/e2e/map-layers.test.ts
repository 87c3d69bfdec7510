/**
 * What the operational map draws, in headless Chromium against a real node:
 * the clusters add up to exactly what the ministry's analyst may read in the
 * time range (the partner's unreleased AMBER incident is not counted, nor is
 * one older than the range); the presets, a dragged and a keyboard-moved
 * slider thumb, the event-type filter and the layer switch all change what is
 * drawn; the view lives in the address; and published threat areas appear
 * only while valid in the range, with their grading and a link to the report.
 * Screenshots land in $TANDEM_E2E_SCREENSHOTS (default /tmp/tandem-e2e).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../support/browser.js';
import { SCREENSHOTS } from '../support/browser-session.js';
import type { E2eServer } from '../support/e2e-server.js';
import { DAY_MS, drawnIncidents, expectDrawn, get, localDay, mapScene, post } from './map-scene.js';

const skipReason = browserSkipReason();

describe.skipIf(skipReason !== undefined)(
  skipReason ? `map (skipped: ${skipReason})` : 'operational map in Chromium',
  () => {
    const scene = mapScene();
    const { signedIn } = scene;
    let server: E2eServer;
    beforeAll(() => {
      server = scene.server();
    });

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
      const selected = page.getByTestId('selected-threat');
      // The count above comes from the data; the area is drawn a moment later (later still on a
      // busy machine), and a click before that selects nothing: click until it selects the area.
      await expect
        .poll(
          async () => {
            await page.mouse.click(map.x + map.width / 2, map.y + map.height / 2);
            return selected.isVisible();
          },
          { timeout: 30_000, interval: 500 },
        )
        .toBe(true);
      expect(await selected.textContent()).toContain('Convoy ambush risk near Quetta');
      expect(await selected.textContent()).toContain('B2');
      expect(await selected.getByRole('link', { name: 'Open report' }).getAttribute('href')).toBe(
        `/intel/${id}`,
      );
      await page.screenshot({ path: join(SCREENSHOTS, '23-map-threat.png') });

      // The same time range governs threats: a year long past holds none valid then.
      await page.goto(`${view}&from=2020-01-01&to=2020-12-31`);
      await expect.poll(threatsInView, { timeout: 20_000 }).toBe('0 threat areas in view');
    }, 60_000);
  },
);

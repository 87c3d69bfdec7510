/**
 * Incidents in headless Chromium against a real node: an analyst records an
 * incident through the form (place search, map picker, a server-side field
 * error shown under its field), finds it in the list, corrects it and sees
 * both versions in the history; an analyst of another organisation does not
 * see the AMBER incident that was not released to them. Pages run under the
 * server's CSP; a violation or an uncaught error fails the test.
 * Screenshots land in $TANDEM_E2E_SCREENSHOTS (default /tmp/tandem-e2e).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../support/browser.js';
import { browserSession } from '../support/browser-session.js';
import type { E2eServer } from '../support/e2e-server.js';

const skipReason = browserSkipReason();

const GREEN_INCIDENT = {
  eventDate: '2024-10-06',
  timePrecision: 1,
  eventType: 'Explosions/Remote violence',
  subEventType: 'Suicide bomb',
  actor1: { name: 'Unidentified armed group', inter: 2 },
  place: { name: 'Karachi', country: 'PK', lat: 24.8933, lon: 67.1681, geoPrecision: 1 },
  fatalities: { total: 2, byNationality: [{ country: 'CN', count: 2 }] },
  injured: { total: 10, byNationality: [] },
  narrative: 'A vehicle-borne device struck a convoy leaving Karachi airport.',
  marking: 'TLP:GREEN',
  releasableTo: [],
};

describe.skipIf(skipReason !== undefined)(
  skipReason ? `incidents (skipped: ${skipReason})` : 'incidents in Chromium',
  () => {
    const session = browserSession();
    const { signedIn, shot } = session;
    let server: E2eServer;
    beforeAll(() => {
      server = session.server();
    });

    const mapReady = (page: Page) =>
      page.locator('[data-testid="point-map"][data-ready="true"]').waitFor({ timeout: 20_000 });

    it('records an incident with the place search and the map, lists it, corrects it and shows both versions', async () => {
      const page = await signedIn(server.analyst);
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Incidents' })
        .click();
      await page.getByText('No incidents yet.').waitFor();
      await page.getByRole('link', { name: 'New incident' }).click();
      await page.getByRole('heading', { name: 'New incident' }).waitFor();

      // Required fields are checked before anything is sent.
      await page.getByRole('button', { name: 'Record incident' }).click();
      await page.getByText('Some fields need attention.').waitFor();
      expect(
        await page.getByLabel('Event type', { exact: true }).getAttribute('aria-invalid'),
      ).toBe('true');

      await page.getByLabel('Date', { exact: true }).fill('2021-07-14');
      await page
        .getByLabel('Event type', { exact: true })
        .selectOption('Explosions/Remote violence');
      await page.getByLabel('Sub-event type').selectOption('Suicide bomb');
      await page.getByLabel('Actor 1', { exact: true }).fill('Unidentified armed group');
      await page.getByLabel('Actor 1 type').selectOption('2');

      // The place search fills name, country and coordinates.
      const search = page.getByRole('combobox', { name: 'Find a place' });
      await search.fill('Dasu');
      const option = page.getByRole('option', { name: /Dasu/ }).first();
      await option.waitFor();
      await search.press('Enter');
      await expect.poll(() => page.getByLabel('Place name').inputValue()).toBe('Dasu');
      expect(await page.getByLabel('Country', { exact: true }).inputValue()).toBe('PK');
      expect(Number(await page.getByLabel('Latitude').inputValue())).toBeCloseTo(35.29, 1);

      // The map picker: a click moves the point.
      await mapReady(page);
      await page.getByTestId('map-marker').waitFor();
      const marker = await page.getByTestId('map-marker').boundingBox();
      if (!marker) throw new Error('the map picker shows no marker');
      await page.mouse.click(marker.x + marker.width / 2 + 40, marker.y + marker.height + 30);
      await expect
        .poll(async () => Number(await page.getByLabel('Longitude').inputValue()))
        .toBeGreaterThan(73.3);
      const picked = {
        lat: Number(await page.getByLabel('Latitude').inputValue()),
        lon: Number(await page.getByLabel('Longitude').inputValue()),
      };
      expect(picked.lat).toBeLessThan(35.29);

      const fatalities = page.getByTestId('casualties-fatalities');
      await fatalities.getByLabel('Fatalities').fill('13');
      await fatalities.getByRole('button', { name: 'Add nationality' }).click();
      await fatalities.getByLabel('Nationality').selectOption('CN');
      await fatalities.getByLabel('Number').fill('9');
      await page.getByTestId('casualties-injured').getByLabel('Injured').fill('28');
      await page
        .getByLabel('Narrative', { exact: true })
        .fill('A bus carrying engineers to the Dasu hydropower site was hit by an explosion.');
      await page.getByRole('button', { name: 'Add source' }).click();
      await page.getByLabel('Source', { exact: true }).fill('Press report');
      // Not a URL: only the server says so, and its issue shows under the field.
      await page.getByLabel('Web address').fill('not a web address');
      const release = page.getByRole('group', { name: 'Release to' });
      await release.getByRole('checkbox', { name: server.partner.organisationName }).waitFor();
      await shot(page, '10-incident-form');

      await page.getByRole('button', { name: 'Record incident' }).click();
      await page.locator('.field-invalid .field-error').first().waitFor();
      expect(await page.getByLabel('Web address').getAttribute('aria-invalid')).toBe('true');
      await page.getByLabel('Web address').fill('https://example.org/dasu-bus');
      await page.getByRole('button', { name: 'Record incident' }).click();

      // The detail page.
      await page.getByRole('heading', { name: 'Suicide bomb — Dasu' }).waitFor();
      expect(page.url()).toMatch(/\/incidents\/incident--[0-9a-f-]{36}$/);
      const incidentUrl = new URL(page.url()).pathname;
      expect(await page.getByTestId('narrative').textContent()).toContain('Dasu hydropower site');
      expect(await page.getByTestId('marking').first().textContent()).toBe('TLP:AMBER');
      await page.getByText(`${picked.lat.toFixed(5)}, ${picked.lon.toFixed(5)}`).waitFor();
      await page.getByRole('link', { name: 'Press report' }).waitFor();
      await page.getByRole('link', { name: 'Edit' }).waitFor();
      await page.getByRole('button', { name: 'Revoke' }).waitFor();
      await mapReady(page);
      await shot(page, '11-incident-detail');

      // The list, with the facet count and the chart.
      await page.getByRole('link', { name: 'Incidents', exact: true }).first().click();
      const table = page.getByTestId('incidents-table');
      const row = table.locator('tbody tr', { hasText: 'Dasu' });
      await row.waitFor();
      expect(await row.textContent()).toContain('Suicide bomb');
      expect(await row.textContent()).toContain(server.analyst.organisationName);
      expect(await row.getByTestId('marking').textContent()).toBe('TLP:AMBER');
      await page.getByTestId('incident-facets').getByText('1 incident').waitFor();
      await page.getByTestId('monthly-chart').locator('rect').first().waitFor();
      await shot(page, '12-incident-list');

      // Filters narrow the list and live in the address.
      await page
        .getByTestId('incident-filters')
        .getByLabel('Event type', { exact: true })
        .selectOption('Riots');
      await page.getByText('No incident matches the filters.').waitFor();
      expect(page.url()).toContain('eventType=Riots');
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await row.waitFor();

      // Words search the narrative; the export links carry the same filters.
      const words = page.getByTestId('incident-filters').getByLabel('Search');
      await words.fill('nothing-like-this');
      await page.getByText('No incident matches the filters.').waitFor();
      expect(page.url()).toContain('q=nothing-like-this');
      await words.fill('hydropower');
      await row.waitFor();
      const csvLink = page.getByRole('link', { name: 'CSV' });
      const href = await csvLink.getAttribute('href');
      expect(href).toBe('/api/incidents/export.csv?q=hydropower');
      const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href ?? '');
      expect(csv.trim().split('\n')).toHaveLength(2);
      expect(csv).toContain('Suicide bomb');
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await row.waitFor();

      // Correct the narrative: a second version, with the change highlighted.
      await row.getByRole('link').first().click();
      await page.getByRole('link', { name: 'Edit' }).click();
      await page.getByRole('heading', { name: 'Correct incident' }).waitFor();
      expect(await page.getByLabel('Place name').inputValue()).toBe('Dasu');
      await page
        .getByLabel('Narrative', { exact: true })
        .fill(
          'A bus carrying engineers to the Dasu hydropower site was hit by a vehicle-borne explosive device.',
        );
      await page.getByRole('button', { name: 'Save correction' }).click();
      await page.getByRole('heading', { name: 'Suicide bomb — Dasu' }).waitFor();
      expect(await page.getByTestId('narrative').textContent()).toContain('vehicle-borne');
      const history = page.getByTestId('incident-history');
      await history.getByText('Version 2').waitFor();
      expect(await history.locator('.history-entry').count()).toBe(2);
      const diff = history.getByTestId('narrative-diff');
      expect(await diff.locator('ins').allTextContents()).toEqual(
        expect.arrayContaining([expect.stringContaining('vehicle-borne')]),
      );
      expect(await diff.locator('del').allTextContents()).toEqual(
        expect.arrayContaining([expect.stringContaining('an')]),
      );
      await mapReady(page);
      await shot(page, '13-incident-history');

      // A partner's analyst sees what was released to everyone, not the AMBER incident.
      const created = await page.evaluate(async (body) => {
        const response = await fetch('/api/incidents', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
        return response.status;
      }, GREEN_INCIDENT);
      expect(created).toBe(201);

      const partner = await signedIn(server.partner);
      await partner.goto('/incidents');
      const partnerTable = partner.getByTestId('incidents-table');
      await partnerTable.locator('tbody tr', { hasText: 'Karachi' }).waitFor();
      expect(await partnerTable.locator('tbody tr').count()).toBe(1);
      expect(await partnerTable.textContent()).not.toContain('Dasu');
      await partner.getByTestId('incident-facets').getByText('1 incident').waitFor();
      await shot(partner, '14-partner-list');
      await partnerTable.locator('tbody tr').getByRole('link').first().click();
      await partner.getByRole('heading', { name: 'Suicide bomb — Karachi' }).waitFor();
      expect(await partner.getByRole('link', { name: 'Edit' }).count()).toBe(0);
      expect(await partner.getByRole('button', { name: 'Revoke' }).count()).toBe(0);
      await partner.goto(incidentUrl);
      await partner.getByText('Incident not found').waitFor();

      // The same screens mirrored for Urdu.
      await page.getByTestId('language-select').selectOption('ur');
      await page.getByRole('heading', { name: /دھماکا/ }).waitFor();
      await mapReady(page);
      await shot(page, '15-incident-detail-urdu');
      await page.goto('/incidents');
      await page.getByTestId('monthly-chart').locator('rect').first().waitFor();
      await shot(page, '16-incident-list-urdu');
      await page.getByTestId('language-select').selectOption('en');
      await expect.poll(() => page.evaluate('document.documentElement.dir')).toBe('ltr');
    }, 120_000);
  },
);

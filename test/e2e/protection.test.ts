/**
 * The protection issue's acceptance test in headless Chromium against a
 * real node (whose `serve` runs the workers: scheduler and alert matcher).
 * An analyst of the ministry requests a movement from Islamabad to Dasu by
 * the Karakoram Highway and submits it through the API; the ministry's duty
 * officer approves it on the movement page; the escort is assigned and the
 * movement started through the API; the field page checks in with the
 * browser's (fixed) position. With the duty officer's alert inbox open, the
 * partner embassy posts a threat report near Besham on the route (TLP:AMBER,
 * released to the ministry, which requests and escorts the movement) and
 * publishes it: the alert appears in the inbox without a reload, is
 * announced, and is acknowledged from the page. The operations room then
 * shows the movement in transit and no open alert. Pages run under the
 * server's CSP; a violation or an uncaught error fails the test.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../support/browser.js';
import { browserSession } from '../support/browser-session.js';
import type { E2eServer } from '../support/e2e-server.js';
import { pageApi as api } from '../support/page-api.js';

const skipReason = browserSkipReason();
const HOUR_MS = 3_600_000;
const MOVEMENT = 'Engineers to Dasu by the Karakoram Highway';
const THREAT = 'Planned ambush of convoys near Besham';
const CHECKIN_CODE = 'falcon-7';
const DURESS_CODE = 'heron-3';
const BESHAM = { lat: 34.9297, lon: 72.8825 };

/** The id of the one record in an answer (`{ movement: {…} }`, `{ report: {…} }` or bare). */
function idOf(answer: unknown): string {
  const idIn = (value: unknown): string | undefined =>
    typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string'
      ? value.id
      : undefined;
  const entries = typeof answer === 'object' && answer !== null ? Object.values(answer) : [];
  return idIn(answer) ?? entries.map(idIn).find((id) => id !== undefined) ?? '';
}

async function organisationId(page: Page, name: string): Promise<string> {
  const { items } = await api<{ items: { id: string; name: string }[] }>(
    page,
    'GET',
    '/api/organisations?limit=100',
  );
  const id = items.find((organisation) => organisation.name === name)?.id;
  expect(id, `organisation ${name}`).toBeDefined();
  return id ?? '';
}

describe.skipIf(skipReason !== undefined)(
  skipReason
    ? `protection: movement, field check-in, live alert (skipped: ${skipReason})`
    : 'protection: movement, field check-in and a live alert in Chromium',
  () => {
    const session = browserSession();
    const { signedIn, shot } = session;
    let server: E2eServer;
    beforeAll(() => {
      server = session.server();
    });

    it('approves, checks in, and shows and acknowledges a threat alert live', async () => {
      // The requester: an analyst of the ministry, through the API.
      const requester = await signedIn(server.analyst);
      const ministryId = await organisationId(requester, server.analyst.organisationName);
      const now = Date.now();
      const created = await api<unknown>(requester, 'POST', '/api/movements', {
        title: MOVEMENT,
        origin: { name: 'Islamabad', lat: 33.6844, lon: 73.0479 },
        destination: { name: 'Dasu Hydropower Project', lat: 35.2917, lon: 73.2906 },
        waypoints: [
          { name: 'Abbottabad', lat: 34.1688, lon: 73.2215 },
          { name: 'Besham', ...BESHAM },
        ],
        plannedDeparture: new Date(now + 0.25 * HOUR_MS).toISOString(),
        plannedArrival: new Date(now + 9 * HOUR_MS).toISOString(),
        vehicles: [{ kind: 'Coaster bus', seats: 20 }],
        passengers: [{ nationality: 'CN', count: 12 }],
        corridorKm: 10,
        checkinIntervalMinutes: 60,
        marking: 'TLP:AMBER',
        releasableTo: [],
      });
      const movementId = idOf(created);
      expect(movementId).toMatch(/^movement--/);
      await api(requester, 'POST', `/api/movements/${movementId}/submit`, {});

      // The duty officer approves it on the movement page (never their own request).
      const officer = await signedIn(server.officer);
      await officer.goto(`/movements/${movementId}`);
      await officer.getByRole('heading', { name: MOVEMENT }).waitFor();
      await officer.getByRole('button', { name: 'Approve', exact: true }).click();
      await officer
        .getByRole('dialog')
        .getByRole('button', { name: 'Approve', exact: true })
        .click();
      await expect
        .poll(
          async () =>
            (
              await api<{ movement?: { state: string }; state?: string }>(
                officer,
                'GET',
                `/api/movements/${movementId}`,
              )
            ).movement?.state,
        )
        .toBe('approved');

      // Escort and departure through the API: the movement's own browser test covers their forms.
      await api(officer, 'POST', `/api/movements/${movementId}/escort`, {
        ...{ orgId: ministryId, unit: 'Special Security Division, 34 Wing', callSign: 'Kestrel' },
        ...{ strength: 12, vehicles: [{ kind: 'Escort pickup' }] },
        ...{ checkinCode: CHECKIN_CODE, duressCode: DURESS_CODE },
      });
      await api(officer, 'POST', `/api/movements/${movementId}/start`, {});

      // The field page checks in with the phone's position (fixed for the browser).
      await officer.context().grantPermissions(['geolocation']);
      await officer.context().setGeolocation({ latitude: 34.17, longitude: 73.22, accuracy: 20 });
      await officer.goto(`/field/${movementId}`);
      await officer.getByLabel('Code').fill(CHECKIN_CODE);
      await officer.getByRole('button', { name: 'Check in', exact: true }).click();
      await officer.getByText(/Check-in sent/).waitFor();
      const checkins = await api<{ items?: unknown[]; checkins?: unknown[] }>(
        officer,
        'GET',
        `/api/movements/${movementId}/checkins`,
      );
      expect((checkins.items ?? checkins.checkins ?? []).length).toBe(1);

      // The inbox is open, live, with nothing in it yet.
      await officer.goto('/alerts');
      await officer.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor();
      await officer
        .getByTestId('live-indicator')
        .and(officer.locator('[data-status="open"]'))
        .waitFor();
      await officer.getByText('No open alerts').waitFor();

      // The partner embassy posts a threat near Besham, released to the ministry, and publishes it.
      const partner = await signedIn(server.partner);
      const report = await api<unknown>(partner, 'POST', '/api/threat-reports', {
        ...{ title: THREAT, targetType: 'route', sourceReliability: 'B' },
        ...{ informationCredibility: 2, area: { kind: 'circle', ...BESHAM, radiusKm: 10 } },
        narrative: 'Reporting of a planned ambush on convoys between Thakot and Besham.',
        validFrom: new Date(now - HOUR_MS).toISOString(),
        validUntil: new Date(now + 48 * HOUR_MS).toISOString(),
        marking: 'TLP:AMBER',
        releasableTo: [ministryId],
      });
      const reportId = idOf(report);
      expect(reportId).toMatch(/^threat-report--/);
      await api(partner, 'POST', `/api/threat-reports/${reportId}/publish`, {});

      // The alert arrives without a reload, and is announced.
      const card = officer.getByTestId('alert-card').filter({ hasText: MOVEMENT });
      await card.waitFor({ timeout: 15_000 });
      await expect
        .poll(() => officer.getByTestId('alert-announcement').textContent())
        .toContain('New alert');
      expect(
        await card.getByRole('link', { name: MOVEMENT, exact: true }).getAttribute('href'),
      ).toBe(`/movements/${movementId}`);
      expect(await card.getByRole('link', { name: THREAT, exact: true }).getAttribute('href')).toBe(
        `/intel/${reportId}`,
      );
      const capLink = card.getByRole('link', { name: /CAP 1\.2/ });
      const capPath = (await capLink.getAttribute('href')) ?? '';
      const cap = await officer.evaluate(async (path) => (await fetch(path)).text(), capPath);
      expect(cap).toContain('urn:oasis:names:tc:emergency:cap:1.2');
      await shot(officer, 'protection-alert-inbox');

      // Acknowledged from the page: it leaves the open view and shows as acknowledged in all.
      await card.getByRole('button', { name: 'Acknowledge' }).click();
      await officer.getByText('No open alerts').waitFor();
      await officer.getByRole('button', { name: 'All', exact: true }).click();
      await officer
        .getByTestId('alert-card')
        .filter({ hasText: MOVEMENT })
        .getByText(/^Acknowledged/)
        .waitFor();

      // The operations room: the movement in transit, its last check-in, no open alert.
      await officer.goto('/ops');
      const board = officer.getByTestId('ops-movement').filter({ hasText: MOVEMENT });
      await board.waitFor();
      expect(await board.getAttribute('data-state')).toBe('in_transit');
      expect(await board.textContent()).toContain('Last check-in');
      await officer.getByTestId('ops-alerts').getByText('No open alerts').waitFor();
      await shot(officer, 'protection-ops-room');
    }, 90_000);
  },
);

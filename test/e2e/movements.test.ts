/**
 * A movement from request to the first check-in, through the UI, in
 * headless Chromium against a real node. The analyst requests a movement
 * (two named places, one vehicle) and submits it; the duty officer of the
 * same ministry approves it and assigns the escort with its two codes; a
 * field user — created by the node administrator through the API — opens
 * the field page on a phone-sized screen, starts the journey and checks in
 * with the position the browser context grants; the duty officer's movement
 * page then shows that check-in in its timeline. Pages run under the
 * server's CSP; a violation or an uncaught error fails the test.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../support/browser.js';
import { browserSession } from '../support/browser-session.js';
import type { E2eServer, E2eUser } from '../support/e2e-server.js';
import { pageApi as api } from '../support/page-api.js';

const skipReason = browserSkipReason();
const TITLE = 'Islamabad to Besham, engineers';
const CHECKIN_CODE = 'KESTREL7';
const DURESS_CODE = 'HERON42';
/** Near Thakot on the Karakoram Highway. */
const POSITION = { latitude: 34.8604, longitude: 72.9131 };

/** Confirms the dialog the last click opened with its button named `name`. */
async function confirm(page: Page, name: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function place(page: Page, legend: string, name: string, lat: number, lon: number) {
  const group = page.getByRole('group', { name: legend, exact: true });
  await group.getByRole('radio', { name: 'A place' }).check();
  await group.getByLabel('Place name').fill(name);
  await group.getByLabel('Latitude').fill(String(lat));
  await group.getByLabel('Longitude').fill(String(lon));
}

describe.skipIf(skipReason !== undefined)(
  skipReason
    ? `movements (skipped: ${skipReason})`
    : 'movements from request to check-in in Chromium',
  () => {
    const session = browserSession();
    const { signedIn, shot } = session;
    let server: E2eServer;
    beforeAll(() => {
      server = session.server();
    });

    it('is requested, approved with an escort, checked in from the field and shown in the timeline', async () => {
      // The node administrator adds a field user to the ministry.
      const admin = await signedIn(server.admin);
      const { items } = await api<{ items: { id: string; name: string }[] }>(
        admin,
        'GET',
        '/api/organisations?limit=100',
      );
      const ministry = items.find((o) => o.name === server.analyst.organisationName);
      const field: E2eUser = {
        username: 'e2e.field',
        password: 'e2e field crew passphrase',
        displayName: 'Bilal Ahmed',
        organisationName: server.analyst.organisationName,
      };
      await api(admin, 'POST', '/api/users', {
        ...{ username: field.username, displayName: field.displayName },
        ...{ orgId: ministry?.id, roles: ['field'], password: field.password },
      });

      // The analyst requests the movement and submits it.
      const analyst = await signedIn(server.analyst);
      await analyst
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Movements' })
        .click();
      await analyst.getByRole('heading', { name: 'Movements', level: 1 }).waitFor();
      await analyst.getByRole('link', { name: 'Request a movement' }).click();
      await analyst.getByLabel('Title').fill(TITLE);
      await place(analyst, 'From', 'Islamabad', 33.6844, 73.0479);
      await place(analyst, 'To', 'Besham', 34.9297, 72.8825);
      await analyst.getByLabel('Vehicle 1', { exact: true }).fill('Coaster bus');
      await analyst.getByRole('button', { name: 'Save the draft' }).click();
      await analyst.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
      const movementUrl = new URL(analyst.url()).pathname;
      expect(movementUrl).toMatch(/^\/movements\/movement--[0-9a-f-]{36}$/);
      expect(await analyst.getByTestId('movement-state').first().textContent()).toBe('Draft');
      await analyst.getByRole('button', { name: 'Submit for approval' }).click();
      await confirm(analyst, 'Submit for approval');
      await expect
        .poll(() => analyst.getByTestId('movement-state').first().textContent())
        .toBe('Awaiting approval');
      // A requester is never offered the approval of their own request.
      expect(await analyst.getByRole('button', { name: 'Approve' }).count()).toBe(0);

      // The duty officer approves it and assigns the escort.
      const officer = await signedIn(server.officer);
      await officer.goto(movementUrl);
      await officer.getByRole('button', { name: 'Approve' }).click();
      await confirm(officer, 'Approve');
      await expect
        .poll(() => officer.getByTestId('movement-state').first().textContent())
        .toBe('Approved');
      await officer.getByRole('button', { name: 'Assign the escort' }).click();
      const escort = officer.getByTestId('escort-form');
      await escort
        .getByLabel('Escort organisation')
        .selectOption({ label: server.analyst.organisationName });
      await escort.getByLabel('Unit').fill('SSD Wing 3');
      await escort.getByLabel('Call sign').fill('Falcon 2');
      await escort.getByLabel('Strength').fill('12');
      await escort.getByLabel('Escort vehicles').fill('Land Cruiser LEA-4411');
      await escort.getByLabel('Check-in code').fill(CHECKIN_CODE);
      await escort.getByLabel('Duress code').fill(DURESS_CODE);
      expect(await escort.textContent()).toContain('nobody watching can tell');
      await escort.getByRole('button', { name: 'Assign the escort' }).click();
      await expect
        .poll(() => officer.getByTestId('movement-state').first().textContent())
        .toBe('Escort assigned');
      expect(await officer.getByTestId('escort-facts').textContent()).toContain('Falcon 2');
      await shot(officer, '80-movement-escort');

      // The field user, on a phone, starts the journey and checks in with the phone's position.
      const phone = await signedIn(field);
      await phone.context().grantPermissions(['geolocation']);
      await phone.context().setGeolocation(POSITION);
      await phone.setViewportSize({ width: 360, height: 740 });
      await phone.goto(`/field${movementUrl.slice('/movements'.length)}`);
      await phone.getByRole('button', { name: 'Start the journey' }).click();
      await confirm(phone, 'Start the journey');
      await phone.getByLabel('Code').fill(CHECKIN_CODE);
      await phone.getByRole('button', { name: 'Check in', exact: true }).click();
      await phone.getByText(/^Check-in sent/).waitFor();
      expect(await phone.getByTestId('field-next-due').textContent()).toContain(
        'Next check-in due by',
      );
      // Nothing waits on the phone, and the page fits its width.
      expect(await phone.getByText(/waiting to send/).count()).toBe(0);
      const overflow = await phone
        .locator('html')
        .evaluate((html) => html.scrollWidth - html.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await shot(phone, '81-field-checkin');

      // The duty officer sees the check-in in the movement's timeline.
      await officer.reload();
      await expect
        .poll(() => officer.getByTestId('movement-state').first().textContent())
        .toBe('In transit');
      await officer.getByRole('tab', { name: /^Timeline/ }).click();
      const checkin = officer.getByTestId('timeline-checkin');
      await checkin.first().waitFor();
      expect(await checkin.count()).toBe(1);
      expect(await checkin.first().textContent()).toContain('34.8604, 72.9131');
      // Who checked in is named once the page has looked the user up (a request of its own).
      await expect.poll(() => checkin.first().textContent()).toContain(field.displayName);
      await shot(officer, '82-movement-timeline');
    }, 60_000);

    it('records a protected site through the form, with people on site, contacts and nearby records', async () => {
      const analyst = await signedIn(server.analyst);
      await analyst.goto('/sites');
      await analyst.getByRole('heading', { name: 'Sites', level: 1 }).waitFor();
      await analyst.getByRole('link', { name: 'New site' }).click();
      await analyst.getByLabel('Name').fill('Dasu hydropower project');
      await analyst.getByLabel('Latitude').fill('35.2917');
      await analyst.getByLabel('Longitude').fill('73.2106');
      await analyst.getByLabel('Buffer (km)').fill('8');
      await analyst.getByRole('button', { name: 'Record the site' }).click();
      await analyst.getByRole('heading', { name: 'Dasu hydropower project', level: 1 }).waitFor();
      await expect
        .poll(() => analyst.getByTestId('site-map').getAttribute('data-ready'), { timeout: 20_000 })
        .toBe('true');

      // Today's people on site, by nationality.
      const people = analyst.getByRole('form', { name: 'Record the people on site' });
      await people.getByLabel('Number of people').fill('42');
      await people.getByRole('button', { name: 'Save the counts' }).click();
      await analyst.getByText(/^Counts saved/).waitFor();
      await expect.poll(() => analyst.getByTestId('people-today').textContent()).toContain('42');

      // The contacts are personal data: read only on request, and the page says it is audited.
      await analyst.getByRole('tab', { name: 'Emergency contacts' }).click();
      expect(await analyst.getByRole('tabpanel').textContent()).toContain('audit log');
      await analyst.getByRole('button', { name: 'Show the contacts' }).click();
      await analyst.getByText('No emergency contacts recorded.').waitFor();
      await analyst.getByRole('tab', { name: 'Threats and incidents nearby' }).click();
      await analyst.getByText(/No incident you may read/).waitFor();
      await shot(analyst, '83-site-nearby');

      await analyst.goto('/sites');
      const row = analyst.getByTestId('sites-table').getByRole('row', { name: /Dasu hydropower/ });
      expect(await row.textContent()).toContain('42');
    }, 45_000);
  },
);

/**
 * Threat intelligence in headless Chromium against a real node: an analyst
 * writes a threat report (Markdown narrative with a safe preview, a polygon
 * drawn on the map, Admiralty grading, TLP:AMBER released to the partner
 * with the audience preview naming it), saves it as a draft and publishes
 * it; the partner's analyst finds it and corroborates it, and the analyst
 * sees that corroboration. A user of a third organisation sees neither the
 * report nor its page, and a TLP:RED report naming only the partner's
 * analyst stays hidden from a colleague of its own author. Pages run under
 * the server's CSP; a violation or an uncaught error fails the test.
 * Screenshots land in $TANDEM_E2E_SCREENSHOTS (default /tmp/tandem-e2e).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../support/browser.js';
import { browserSession } from '../support/browser-session.js';
import type { E2eServer, E2eUser } from '../support/e2e-server.js';
import { pageRequest as api } from '../support/page-api.js';

const skipReason = browserSkipReason();

const TITLE = 'Planned attack on the Dasu convoy route';
const NOTE = 'Our patrol saw the vehicle described near Komila bridge.';
const RED_TITLE = 'Named threat to the Dasu site engineers';
const ACTOR = 'Test Kohistan Group';

describe.skipIf(skipReason !== undefined)(
  skipReason ? `intelligence (skipped: ${skipReason})` : 'intelligence in Chromium',
  () => {
    const session = browserSession();
    const { signedIn, shot } = session;
    let server: E2eServer;
    beforeAll(() => {
      server = session.server();
    });

    it('writes, publishes and corroborates a threat report, and keeps it from those it was not released to', async () => {
      const page = await signedIn(server.analyst);
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Intelligence' })
        .click();
      await page.getByText('No threat reports yet.').waitFor();

      // A threat actor to name in the report.
      await page.getByRole('link', { name: 'Threat actors' }).click();
      await page.getByText('No threat actors yet.').waitFor();
      await page.getByRole('link', { name: 'New threat actor' }).click();
      await page.getByLabel('Name', { exact: true }).fill(ACTOR);
      await page.getByLabel('Also known as').fill('TKG\nKohistan cell');
      await page.getByRole('button', { name: 'Create threat actor' }).click();
      await page.getByRole('heading', { name: ACTOR }).waitFor();
      expect(await page.getByTestId('marking').first().textContent()).toBe('TLP:GREEN');
      await page.getByText('TKG, Kohistan cell').waitFor();

      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Intelligence' })
        .click();
      await page.getByRole('link', { name: 'New threat report' }).first().click();
      await page.getByRole('heading', { name: 'New threat report' }).waitFor();

      // Required fields are checked before anything is sent.
      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.getByText('Some fields need attention.').waitFor();
      expect(await page.getByLabel('Title', { exact: true }).getAttribute('aria-invalid')).toBe(
        'true',
      );

      await page.getByLabel('Title', { exact: true }).fill(TITLE);
      await page
        .getByLabel('Narrative', { exact: true })
        .fill(
          'Sources report **explosives** moved towards *Dasu*.\n\n' +
            '- convoy timings are known\n- see [the press report](https://example.org/dasu)\n\n' +
            '[not a link](javascript:alert(1)) <b>not markup</b>',
        );
      // The preview renders Markdown as elements: strong text, an http(s) link, no script link, no HTML.
      await page.getByRole('tab', { name: 'Preview' }).click();
      const preview = page.getByTestId('narrative-preview');
      expect(await preview.locator('strong').textContent()).toBe('explosives');
      expect(await preview.locator('li').count()).toBe(2);
      expect(
        await preview.getByRole('link', { name: 'the press report' }).getAttribute('href'),
      ).toBe('https://example.org/dasu');
      expect(await preview.getByRole('link', { name: 'not a link' }).count()).toBe(0);
      expect(await preview.locator('b').count()).toBe(0);
      expect(await preview.textContent()).toContain('<b>not markup</b>');
      await page.getByRole('tab', { name: 'Write' }).click();

      // The area: a triangle drawn on the map and closed.
      await page.getByRole('radio', { name: 'Polygon' }).check();
      const areaMap = page.locator('[data-testid="area-picker-map"][data-ready="true"]');
      await areaMap.waitFor({ timeout: 20_000 });
      const canvas = areaMap.locator('canvas');
      for (const position of [
        { x: 420, y: 120 },
        { x: 600, y: 130 },
        { x: 510, y: 260 },
      ]) {
        await canvas.click({ position });
      }
      const status = page.getByTestId('area-status');
      await expect.poll(() => status.textContent()).toContain('3 corners');
      await page.getByRole('button', { name: 'Close polygon' }).click();
      await expect.poll(() => status.textContent()).toBe('Closed polygon with 3 corners.');

      await page.getByLabel('Target type').selectOption('route');
      await page.getByRole('checkbox', { name: ACTOR }).check();
      await page.getByRole('radio', { name: 'B Usually reliable' }).check();
      await page.getByRole('radio', { name: '2 Probably true' }).check();
      expect(await page.getByTestId('grade-preview').textContent()).toBe('B2');

      // Sharing: TLP:RED names people (the author alone so far), then AMBER released to the partner.
      const sharing = page.getByTestId('sharing-panel');
      const audience = page.getByTestId('sharing-preview');
      expect(await sharing.getByRole('radio', { name: 'TLP:AMBER', exact: true }).isChecked()).toBe(
        true,
      );
      await sharing.getByRole('radio', { name: 'TLP:RED' }).check();
      await sharing.getByRole('group', { name: 'Named people' }).waitFor();
      await expect
        .poll(() => audience.textContent())
        .toContain(`1 person:${server.analyst.displayName} (you)`);
      await sharing.getByRole('radio', { name: 'TLP:AMBER', exact: true }).check();
      const release = sharing.getByRole('group', { name: 'Release to' });
      await release.getByRole('checkbox', { name: server.partner.organisationName }).check();
      await expect.poll(() => audience.textContent()).toContain(server.partner.organisationName);
      expect(await audience.textContent()).toContain('2 organisations:');
      expect(await audience.textContent()).toContain(
        `${server.analyst.organisationName} (your organisation)`,
      );
      await shot(page, '30-threat-report-form');

      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.getByRole('heading', { name: TITLE }).waitFor();
      expect(page.url()).toMatch(/\/intel\/threat-report--[0-9a-f-]{36}$/);
      const reportPath = new URL(page.url()).pathname;
      expect(await page.getByTestId('report-status').first().textContent()).toBe('Draft');
      const narrative = page.getByTestId('narrative');
      expect(await narrative.locator('strong').textContent()).toBe('explosives');
      expect(await page.getByTestId('area-summary').textContent()).toBe('A polygon with 3 corners');
      await page.getByTestId('report-actors').getByRole('link', { name: ACTOR }).waitFor();
      await page.getByText('Usually reliable', { exact: true }).waitFor();
      await page.getByText('Probably true', { exact: true }).waitFor();
      await page.locator('[data-testid="area-map"][data-ready="true"]').waitFor();

      // Publishing shows who will then see it.
      await page.getByRole('button', { name: 'Publish' }).click();
      const dialog = page.getByRole('dialog', { name: 'Publish this report?' });
      await expect
        .poll(() => dialog.getByTestId('sharing-preview').textContent())
        .toContain(server.partner.organisationName);
      await dialog.getByRole('button', { name: 'Publish' }).click();
      await expect
        .poll(() => page.getByTestId('report-status').first().textContent())
        .toBe('Published');
      const history = page.getByTestId('report-history');
      await history.getByText('Version 2').waitFor();
      expect(await history.locator('.history-entry').count()).toBe(2);
      await page.getByRole('link', { name: 'Edit' }).waitFor();
      await page.getByRole('button', { name: 'Revoke' }).waitFor();
      await shot(page, '31-threat-report-detail');

      // The list, and its search in the address.
      await page.getByRole('link', { name: 'Threat reports' }).first().click();
      const row = page.getByTestId('reports-table').locator('tbody tr', { hasText: TITLE });
      await row.waitFor();
      expect(await row.getByTestId('grade').textContent()).toContain('B2');
      await page.getByRole('searchbox', { name: 'Search' }).fill('convoy');
      await expect.poll(() => page.url()).toContain('q=convoy');
      await row.waitFor();
      await shot(page, '32-threat-report-list');

      // The partner finds it, may not change it, and confirms it.
      const partner = await signedIn(server.partner);
      await partner.goto('/intel');
      const partnerRow = partner
        .getByTestId('reports-table')
        .locator('tbody tr', { hasText: TITLE });
      await partnerRow.waitFor();
      expect(await partnerRow.textContent()).toContain(server.analyst.organisationName);
      expect(await partnerRow.getByTestId('marking').textContent()).toBe('TLP:AMBER');
      await partnerRow.getByRole('link').first().click();
      await partner.getByRole('heading', { name: TITLE }).waitFor();
      await partner.locator('[data-testid="area-map"][data-ready="true"]').waitFor();
      // The TLP:GREEN actor is readable by the partner, so the report names it.
      await partner.getByTestId('report-actors').getByRole('link', { name: ACTOR }).waitFor();
      expect(await partner.getByRole('link', { name: 'Edit' }).count()).toBe(0);
      expect(await partner.getByRole('button', { name: 'Publish' }).count()).toBe(0);
      expect(await partner.getByRole('button', { name: 'Revoke' }).count()).toBe(0);
      const form = partner.getByTestId('corroboration-form');
      await form.getByRole('radio', { name: 'Confirm' }).check();
      await form.getByLabel('Note').fill(NOTE);
      // By default it goes back to the report's originator.
      await expect
        .poll(() => form.getByTestId('sharing-preview').textContent())
        .toContain(server.analyst.organisationName);
      await form.getByRole('button', { name: 'Add corroboration' }).click();
      await partner.getByText('Your corroboration has been added.').waitFor();
      const counts = partner.getByTestId('corroboration-counts');
      await expect
        .poll(() => counts.textContent())
        .toContain('Corroborated by 1 other organisation');
      expect(await counts.textContent()).toContain('Confirmed: 1');
      expect(await partner.getByTestId('corroborations').textContent()).toContain(NOTE);
      await shot(partner, '33-partner-corroborates');

      // The analyst sees the partner's confirmation.
      await page.goto(reportPath);
      await page.getByRole('heading', { name: TITLE }).waitFor();
      await expect
        .poll(() => page.getByTestId('corroboration-counts').textContent())
        .toContain('Corroborated by 1 other organisation');
      expect(await page.getByTestId('corroborations').textContent()).toContain(
        server.partner.organisationName,
      );

      // A user of a third organisation: not in the list, and no page.
      const admin = await signedIn(server.admin);
      const organisation = await api<{ organisation: { id: string } }>(
        admin,
        'POST',
        '/api/organisations',
        {
          name: 'E2E Third Agency',
          country: 'PK',
          kind: 'agency',
        },
      );
      expect(organisation.status).toBe(201);
      const third: E2eUser = {
        username: 'e2e.third',
        password: 'e2e third agency passphrase',
        displayName: 'Sana Malik',
        organisationName: 'E2E Third Agency',
      };
      const created = await api(admin, 'POST', '/api/users', {
        username: third.username,
        displayName: third.displayName,
        orgId: organisation.json.organisation.id,
        roles: ['analyst'],
        password: third.password,
      });
      expect(created.status).toBe(201);
      const outsider = await signedIn(third);
      await outsider.goto('/intel');
      await outsider.getByText('No threat reports yet.').waitFor();
      await outsider.goto(reportPath);
      await outsider.getByText('Threat report not found').waitFor();

      // TLP:RED naming only the partner's analyst: the author's own colleague does not see it.
      const partnerId = (await api<{ user: { id: string } }>(partner, 'GET', '/api/me')).json.user
        .id;
      const now = Date.now();
      const red = await api<{ threatReport: { id: string } }>(page, 'POST', '/api/threat-reports', {
        title: RED_TITLE,
        narrative: 'Named engineers are being watched.',
        language: 'en',
        area: { kind: 'circle', lat: 35.29, lon: 73.24, radiusKm: 15 },
        validFrom: new Date(now).toISOString(),
        validUntil: new Date(now + 86_400_000).toISOString(),
        targetType: 'personnel',
        sourceReliability: 'A',
        informationCredibility: 2,
        marking: 'TLP:RED',
        releasableTo: [partnerId],
      });
      expect(red.status).toBe(201);
      const redId = red.json.threatReport.id;
      expect((await api(page, 'POST', `/api/threat-reports/${redId}/publish`)).status).toBe(200);

      const colleague = await signedIn(server.officer);
      await colleague.goto('/intel');
      const colleagueTable = colleague.getByTestId('reports-table');
      await colleagueTable.locator('tbody tr', { hasText: TITLE }).waitFor();
      expect(await colleagueTable.textContent()).not.toContain(RED_TITLE);
      await colleague.goto(`/intel/${redId}`);
      await colleague.getByText('Threat report not found').waitFor();

      await partner.goto('/intel');
      await partner
        .getByTestId('reports-table')
        .locator('tbody tr', { hasText: RED_TITLE })
        .waitFor();

      // The detail mirrored for Urdu.
      await page.getByTestId('language-select').selectOption('ur');
      await page.getByRole('heading', { name: 'جائزہ', exact: true }).waitFor();
      await page.locator('[data-testid="area-map"][data-ready="true"]').waitFor();
      await shot(page, '34-threat-report-urdu');
      await page.getByTestId('language-select').selectOption('en');
      await expect.poll(() => page.evaluate('document.documentElement.dir')).toBe('ltr');
    }, 180_000);
  },
);

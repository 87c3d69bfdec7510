/**
 * The situation report page and the notification bell in headless Chromium
 * against a real node. An analyst records today's incident, a published
 * threat report valid today and an overdue action item (owned by the
 * partner embassy, released to all) through the API; the report page shows
 * them in its sections, with links, grading, markings, map and chart, its
 * PDF answers as a PDF, the days either side can be opened, and in Urdu the
 * page is right-to-left with no English or raw keys left. Then the overdue
 * scan (which `serve` runs at start and on a timer) is run against the
 * node's database: the bell counts the analyst's organisation's overdue
 * items, lists them, marks one read when it is opened and all of them with
 * "Mark all read"; the partner is told nothing of them. Pages run under the
 * server's CSP; a violation or an uncaught error fails the test.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/core/clock.js';
import { createAuditLog } from '../../src/modules/audit/audit.service.js';
import { scanOverdueActionItems } from '../../src/modules/notifications/overdue-scan.service.js';
import { openStorage } from '../../src/storage/database.js';
import { browserSkipReason } from '../support/browser.js';
import { browserSession } from '../support/browser-session.js';
import type { E2eServer } from '../support/e2e-server.js';
import { pageApi as api } from '../support/page-api.js';

const skipReason = browserSkipReason();
const DAY_MS = 86_400_000;
const utcDay = (offset = 0) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

const THREAT = 'Planned attack on convoys near Besham';
const PARTNER_ITEM = 'Hand over the escort schedule to the embassy';
const OWN_ITEMS = ['Install convoy trackers on the Dasu route', 'Repair the Komila checkpoint'];

/** Creates a record (TLP:GREEN) and returns the id of the one record in the answer. */
async function create(page: Page, path: string, body: object): Promise<string> {
  const answer = await api<Record<string, { id: string }>>(page, 'POST', path, {
    ...{ marking: 'TLP:GREEN', releasableTo: [] },
    ...body,
  });
  return Object.values(answer)[0]?.id ?? '';
}

async function organisationIds(page: Page, server: E2eServer) {
  const { items } = await api<{ items: { id: string; name: string }[] }>(
    page,
    'GET',
    '/api/organisations?limit=100',
  );
  const id = (name: string) => items.find((o) => o.name === name)?.id ?? '';
  return { own: id(server.analyst.organisationName), partner: id(server.partner.organisationName) };
}

/** A working group, meeting and decision, then action items due long ago, owned by `owner`. */
async function overdueItems(
  page: Page,
  server: E2eServer,
  owner: 'own' | 'partner',
  titles: string[],
) {
  const orgs = await organisationIds(page, server);
  const members = { memberOrgIds: [orgs.own, orgs.partner], chairOrgId: orgs.own };
  const workingGroupId = await create(page, '/api/working-groups', {
    ...{ name: `Convoy security ${titles[0]}`, secretaryOrgId: orgs.partner, ...members },
  });
  const meetingId = await create(page, '/api/meetings', {
    ...{ workingGroupId, date: '2025-03-10', place: 'Islamabad' },
    participantOrgIds: [orgs.own, orgs.partner],
  });
  const decisionId = await create(page, '/api/decisions', { meetingId, text: 'Protect convoys.' });
  const ids: string[] = [];
  for (const title of titles)
    ids.push(
      await create(page, '/api/action-items', {
        ...{ decisionId, title, dueDate: '2020-01-15', ownerOrgId: orgs[owner] },
      }),
    );
  return ids;
}

/** Interface texts of a feature's English catalogue that its translation replaces. */
function englishOnly(feature: string, locale: string): Set<string> {
  const flat = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(flat)
        : [];
  const read = (code: string) =>
    flat(JSON.parse(readFileSync(`web/src/i18n/features/${feature}.${code}.json`, 'utf8')));
  const translated = new Set(read(locale));
  return new Set(read('en').filter((text) => !translated.has(text) && !text.includes('{{')));
}

describe.skipIf(skipReason !== undefined)(
  skipReason
    ? `situation report and notifications (skipped: ${skipReason})`
    : 'situation report and notifications in Chromium',
  () => {
    const session = browserSession();
    const { signedIn, shot } = session;
    let server: E2eServer;
    beforeAll(() => {
      server = session.server();
    });

    it('shows the day in sections with links, map, chart and PDF, and reads right-to-left in Urdu', async () => {
      const page = await signedIn(server.analyst);
      const today = utcDay();
      const incidentId = await create(page, '/api/incidents', {
        ...{ eventDate: today, timePrecision: 1, eventType: 'Explosions/Remote violence' },
        ...{ subEventType: 'Remote explosive/landmine/IED', narrative: 'A roadside bomb.' },
        actor1: { name: 'Unidentified armed group', inter: 2 },
        place: {
          ...{ name: 'Besham', admin1: 'Khyber Pakhtunkhwa', country: 'PK' },
          ...{ lat: 34.9297, lon: 72.8825, geoPrecision: 1 },
        },
        fatalities: { total: 2, byNationality: [] },
        injured: { total: 3, byNationality: [] },
      });
      const threatId = await create(page, '/api/threat-reports', {
        ...{ title: THREAT, targetType: 'route', sourceReliability: 'B' },
        ...{
          informationCredibility: 2,
          area: { kind: 'circle', lat: 34.93, lon: 72.88, radiusKm: 30 },
        },
        validFrom: new Date(Date.now() - 2 * DAY_MS).toISOString(),
        validUntil: new Date(Date.now() + 10 * DAY_MS).toISOString(),
      });
      await api(page, 'POST', `/api/threat-reports/${threatId}/publish`, {});
      const [itemId] = await overdueItems(page, server, 'partner', [PARTNER_ITEM]);

      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Situation report' })
        .click();
      await page.getByRole('heading', { name: 'Situation report', level: 1 }).waitFor();
      const report = page.getByTestId('sitrep');
      await page.getByTestId('sitrep-day').waitFor();
      expect(await page.getByTestId('sitrep-day').getAttribute('datetime')).toBe(today);
      expect(await page.getByTestId('sitrep-date').inputValue()).toBe(today);
      expect(await page.getByTestId('sitrep-organisation').textContent()).toBe(
        server.analyst.organisationName,
      );
      expect(await page.getByTestId('sitrep-sources').locator('li').allTextContents()).toEqual([
        'Incidents',
        'Threat reports',
        'Action items',
        'Movements',
        'Alarms and alerts',
        'People on site',
      ]);
      // Every section is there: none is announced as "not yet available".
      expect(await page.getByTestId('sitrep-pending').count()).toBe(0);
      await page.getByTestId('sitrep-movements-empty').waitFor();
      await page.getByTestId('sitrep-alarms-empty').waitFor();
      await page.getByTestId('sitrep-alerts-empty').waitFor();
      await page.getByTestId('sitrep-people-empty').waitFor();
      expect(await page.getByTestId('figure-incidents').locator('dd').textContent()).toBe('1');
      expect(await page.getByTestId('figure-fatalities').locator('dd').textContent()).toBe('2');

      const area = page.getByTestId('sitrep-by-area').locator('tbody tr');
      expect(await area.count()).toBe(1);
      expect(await area.textContent()).toContain('Khyber Pakhtunkhwa');
      const incidents = page.getByTestId('sitrep-incidents');
      expect(await incidents.getByRole('link').getAttribute('href')).toBe(
        `/incidents/${incidentId}`,
      );
      expect(await incidents.getByTestId('marking').textContent()).toBe('TLP:GREEN');
      const threats = page.getByTestId('sitrep-threats');
      expect(await threats.getByRole('link', { name: THREAT }).getAttribute('href')).toBe(
        `/intel/${threatId}`,
      );
      expect(await threats.getByTestId('grade').first().textContent()).toContain('B2');
      const items = page.getByTestId('sitrep-action-items');
      expect(await items.getByRole('link', { name: PARTNER_ITEM }).getAttribute('href')).toBe(
        `/coordination/actions/${itemId}`,
      );
      expect(await items.textContent()).toContain(server.partner.organisationName);
      const typeRow = page
        .getByTestId('sitrep-chart-types')
        .getByRole('row', { name: /Explosions\/Remote violence/ });
      expect(await typeRow.locator('.sitrep-bar-value').textContent()).toBe('1');
      expect(await page.getByTestId('sitrep-chart-days').locator('li').count()).toBe(7);
      await expect
        .poll(() => page.getByTestId('sitrep-map').getAttribute('data-ready'), { timeout: 20_000 })
        .toBe('true');
      await shot(page, '70-sitrep');

      // Printed: the report alone, without the application's frame or the day controls.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.topbar').isVisible()).toBe(false);
      expect(await page.getByTestId('side-nav').isVisible()).toBe(false);
      expect(await page.getByTestId('sitrep-date').isVisible()).toBe(false);
      expect(await page.getByTestId('sitrep-incidents').isVisible()).toBe(true);
      await page.emulateMedia({ media: 'screen' });

      // The PDF in the interface language.
      const href = (await page.getByTestId('sitrep-pdf').getAttribute('href')) ?? '';
      expect(href).toBe(`/api/sitrep.pdf?date=${today}&lang=en`);
      const pdf = await page.evaluate(async (path) => {
        const response = await fetch(path);
        const bytes = new Uint8Array(await response.arrayBuffer());
        return {
          status: response.status,
          type: response.headers.get('content-type'),
          head: String.fromCharCode(...bytes.slice(0, 5)),
        };
      }, href);
      expect(pdf).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });

      // The day before holds none of it; the next day returns.
      await page.getByRole('button', { name: 'Previous day' }).click();
      await expect.poll(() => page.url()).toContain(`date=${utcDay(-1)}`);
      await page.getByTestId('sitrep-incidents-empty').waitFor();
      expect(await page.getByTestId('sitrep-by-area-empty').count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Next day' }).isEnabled()).toBe(true);
      await page.getByRole('button', { name: 'Next day' }).click();
      await page.getByTestId('sitrep-incidents').waitFor();
      expect(await page.getByRole('button', { name: 'Next day' }).isDisabled()).toBe(true);

      // Urdu: right-to-left, the PDF in Urdu, and no interface text left in English nor a raw key.
      await page.getByTestId('language-select').selectOption('ur');
      await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
      await page.getByRole('heading', { name: 'صورتِ حال کی رپورٹ', level: 1 }).waitFor();
      expect(await page.getByTestId('sitrep-pdf').getAttribute('href')).toBe(
        `/api/sitrep.pdf?date=${today}&lang=ur`,
      );
      const english = englishOnly('sitrep', 'ur');
      const texts = (
        await report
          .locator('h1, h2, h3, th, td, dt, label, button, a, li, p, figcaption')
          .allTextContents()
      ).map((text) => text.trim());
      expect(texts.filter((text) => english.has(text) || /\bsitrep\./.test(text))).toEqual([]);
      await page.getByTestId('notification-bell').click();
      const panel = page.getByTestId('notification-panel');
      await panel.getByRole('heading', { name: 'اطلاعات' }).waitFor();
      expect(await panel.textContent()).not.toMatch(/notifications\./);
      await shot(page, '71-sitrep-urdu');
      await page.keyboard.press('Escape');
      await page.getByTestId('language-select').selectOption('en');
      await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('ltr');
    }, 120_000);

    it('counts, lists and marks read the overdue items of the reader’s organisation', async () => {
      const seeding = await signedIn(server.analyst);
      const ids = await overdueItems(seeding, server, 'own', OWN_ITEMS);
      const storage = openStorage(server.databaseUrl);
      try {
        const deps = { db: storage.db, clock: systemClock };
        expect(
          await scanOverdueActionItems({ ...deps, audit: createAuditLog(storage.db, systemClock) }),
        ).toBeGreaterThanOrEqual(2);
      } finally {
        await storage.close();
      }

      const page = await signedIn(server.analyst);
      const bell = page.getByTestId('notification-bell');
      await expect.poll(() => bell.getAttribute('aria-label')).toBe('2 unread notifications');
      expect(await page.getByTestId('notification-badge').textContent()).toBe('2');

      // Opened and closed from the keyboard; focus returns to the bell.
      await bell.focus();
      await page.keyboard.press('Enter');
      const panel = page.getByTestId('notification-panel');
      const list = panel.getByTestId('notification-list');
      await list.waitFor();
      expect(await list.locator('li').count()).toBe(2);
      for (const [index, title] of OWN_ITEMS.entries()) {
        const link = list.getByRole('link', {
          name: new RegExp(`Action item overdue: ${title}, due`),
        });
        expect(await link.getAttribute('href')).toBe(`/coordination/actions/${ids[index]}`);
        expect(await link.textContent()).toContain('Unread');
      }
      await shot(page, '72-notifications');
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      expect(await bell.evaluate((button) => button.ownerDocument.activeElement === button)).toBe(
        true,
      );

      // Opening one leads to the action item and marks it read.
      await bell.click();
      await list.getByRole('link', { name: new RegExp(OWN_ITEMS[0] ?? '') }).click();
      await expect.poll(() => page.url()).toContain(`/coordination/actions/${ids[0]}`);
      await expect.poll(() => bell.getAttribute('aria-label')).toBe('1 unread notification');

      // "Mark all read" clears the badge, here and on the server.
      await bell.click();
      await panel.getByRole('button', { name: 'Mark all read' }).click();
      await page.getByTestId('notification-badge').waitFor({ state: 'detached' });
      expect(await bell.getAttribute('aria-label')).toBe('Notifications, none unread');
      expect(await list.textContent()).not.toContain('Unread');
      expect(
        await api<{ unreadCount: number }>(page, 'GET', '/api/notifications/unread-count'),
      ).toEqual({ unreadCount: 0 });

      // The partner embassy may read these items but does not own them: it is told nothing of them.
      const partner = await signedIn(server.partner);
      const told = await api<{ items: { subject: { id: string } }[] }>(
        partner,
        'GET',
        '/api/notifications?limit=100',
      );
      expect(told.items.map((item) => item.subject.id).filter((id) => ids.includes(id))).toEqual(
        [],
      );
    }, 120_000);
  },
);

/**
 * Joint coordination in headless Chromium against a real node: an analyst's
 * working group, meeting (Markdown minutes) and decision with two action
 * items — one overdue — are recorded through the API; the analyst opens the
 * group and the meeting, sees the overdue item marked in words, adds an
 * action item through the form (the form refuses it empty first), filters
 * the tracker to overdue items and adds a progress note in the row; then the
 * same screens in Urdu are right-to-left with no text left in English.
 * Pages run under the server's CSP; a violation or an uncaught error fails
 * the test. Screenshots land in $TANDEM_E2E_SCREENSHOTS.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../support/browser.js';
import { browserSession } from '../support/browser-session.js';
import type { E2eServer } from '../support/e2e-server.js';
import { pageApi as api } from '../support/page-api.js';

const skipReason = browserSkipReason();

const GROUP = 'Dasu Joint Working Group';
const OVERDUE = 'Install convoy trackers on the Dasu route';
const ON_TIME = 'Train escort commanders';
const NEW_ITEM = 'Share the escort roster weekly';

/** The interface texts of the English catalogue that a translation must replace. */
function englishTexts(locale: string): Set<string> {
  const read = (code: string) =>
    JSON.parse(readFileSync(`web/src/i18n/features/coordination.${code}.json`, 'utf8')) as Record<
      string,
      unknown
    >;
  const flat = (value: unknown, out: string[] = []): string[] => {
    if (typeof value === 'string') out.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach((v) => flat(v, out));
    return out;
  };
  const translated = new Set(flat(read(locale)));
  return new Set(flat(read('en')).filter((text) => !translated.has(text) && !text.includes('{{')));
}

describe.skipIf(skipReason !== undefined)(
  skipReason ? `coordination (skipped: ${skipReason})` : 'coordination in Chromium',
  () => {
    const session = browserSession();
    const { signedIn, shot } = session;
    let server: E2eServer;
    beforeAll(() => {
      server = session.server();
    });

    it('opens a group and its meeting, marks overdue items, adds an action item and a note, and reads right-to-left in Urdu', async () => {
      const page = await signedIn(server.analyst);
      const { items: organisations } = await api<{ items: { id: string; name: string }[] }>(
        page,
        'GET',
        '/api/organisations?limit=100',
      );
      const orgId = (name: string) => organisations.find((o) => o.name === name)?.id ?? '';
      const own = orgId(server.analyst.organisationName);
      const partner = orgId(server.partner.organisationName);
      // Everything TLP:GREEN; each answer's one record id.
      const create = async (path: string, body: object) => {
        const answer = await api<Record<string, { id: string }>>(page, 'POST', path, {
          ...body,
          ...{ marking: 'TLP:GREEN', releasableTo: [] },
        });
        return Object.values(answer)[0]?.id ?? '';
      };
      const workingGroupId = await create('/api/working-groups', {
        name: GROUP,
        description: 'Security of the Dasu hydropower project.',
        ...{ memberOrgIds: [own, partner], chairOrgId: own, secretaryOrgId: partner },
      });
      const meetingId = await create('/api/meetings', {
        ...{ workingGroupId, date: '2025-03-10', place: 'Islamabad' },
        participantOrgIds: [own, partner],
        agenda: 'Convoy security.',
        minutes: 'The group reviewed **convoy timings**.\n\n- trackers\n- escorts',
      });
      const decisionId = await create('/api/decisions', {
        meetingId,
        text: 'Improve the protection of convoys on the Karakoram Highway.',
      });
      await create('/api/action-items', {
        ...{ decisionId, title: OVERDUE, dueDate: '2020-01-15', ownerOrgId: own },
      });
      await create('/api/action-items', {
        ...{ decisionId, title: ON_TIME, dueDate: '2099-06-30', ownerOrgId: partner },
      });

      // The group from the list, then its meeting.
      const nav = page.getByRole('navigation', { name: 'Main navigation' });
      await nav.getByRole('link', { name: 'Coordination' }).click();
      // The server's search finds a group by a word of its description, and says when none matches.
      const search = page.getByRole('searchbox', { name: 'Search working groups' });
      await search.fill('hydropower');
      await page.getByTestId('working-groups-table').getByRole('link', { name: GROUP }).waitFor();
      await search.fill('nothing-of-the-kind');
      await page.getByText('No working group matches the search.').waitFor();
      await search.fill('');
      await page.getByTestId('working-groups-table').getByRole('link', { name: GROUP }).click();
      await page.getByRole('heading', { name: GROUP, level: 1 }).waitFor();
      await page.getByText(server.partner.organisationName).first().waitFor();
      await page.getByTestId('meetings-table').getByRole('link').first().click();
      await page.getByRole('heading', { name: /Meeting of .*Islamabad/, level: 1 }).waitFor();
      expect(await page.getByTestId('minutes').locator('strong').textContent()).toBe(
        'convoy timings',
      );

      // The overdue item is marked, in words, and the one on time is not.
      const items = page.getByTestId('decision-action-items');
      const overdueRow = items.locator('tbody tr', { hasText: OVERDUE });
      await overdueRow.waitFor();
      expect(await overdueRow.getAttribute('class')).toContain('row-overdue');
      expect(await overdueRow.getByTestId('overdue').textContent()).toBe('Overdue');
      const onTimeRow = items.locator('tbody tr', { hasText: ON_TIME });
      expect(await onTimeRow.getByTestId('overdue').count()).toBe(0);
      await shot(page, '60-meeting');

      // A new action item through the form: refused empty, then created.
      await page.getByRole('link', { name: 'Add action item' }).click();
      await page.getByRole('heading', { name: 'New action item' }).waitFor();
      await page.getByRole('button', { name: 'Create action item' }).click();
      await page.getByText('Some fields need attention.').waitFor();
      expect(await page.getByLabel('Title', { exact: true }).getAttribute('aria-invalid')).toBe(
        'true',
      );
      await page.getByLabel('Title', { exact: true }).fill(NEW_ITEM);
      await page
        .getByLabel('Owner', { exact: true })
        .selectOption({ label: server.partner.organisationName });
      await page.getByLabel('Due', { exact: true }).fill('2099-01-31');
      await page.getByRole('button', { name: 'Create action item' }).click();
      await page.getByRole('heading', { name: NEW_ITEM, level: 1 }).waitFor();
      expect(await page.getByTestId('marking').first().textContent()).toBe('TLP:GREEN');

      // The tracker, filtered to overdue items; a note added in the row.
      await page.getByRole('link', { name: 'Action tracker' }).first().click();
      const tracker = page.getByTestId('tracker-table');
      await tracker.locator('tbody tr', { hasText: NEW_ITEM }).waitFor();
      await page.getByLabel('Overdue only').check();
      await expect.poll(() => page.url()).toContain('overdue=true');
      await expect.poll(() => tracker.locator('tbody tr').count()).toBe(1);
      const row = tracker.locator('tbody tr').first();
      expect(await row.textContent()).toContain(OVERDUE);
      expect(await row.getAttribute('class')).toContain('row-overdue');
      await row.getByRole('button', { name: `Add a progress note to “${OVERDUE}”` }).click();
      await page
        .getByLabel('Progress note', { exact: true })
        .fill('Trackers ordered; delivery next month.');
      await page
        .getByRole('form', { name: `Progress note on “${OVERDUE}”` })
        .getByRole('button', { name: 'Add note' })
        .click();
      await page.getByText(`Progress note added to “${OVERDUE}”.`).waitFor();
      await shot(page, '61-tracker-overdue');
      const itemPath = (await row.getByRole('link').first().getAttribute('href')) ?? '';
      const notes = await api<{ actionItem: { progressNotes: { text: string }[] } }>(
        page,
        'GET',
        `/api/action-items/${itemPath.split('/').pop()}`,
      );
      expect(notes.actionItem.progressNotes.map((note) => note.text)).toEqual([
        'Trackers ordered; delivery next month.',
      ]);

      // Urdu: right-to-left, and no interface text left in English (nor a raw key).
      await page.getByTestId('language-select').selectOption('ur');
      await expect.poll(() => page.evaluate('document.documentElement.dir')).toBe('rtl');
      const english = englishTexts('ur');
      for (const path of [
        '/coordination/actions?overdue=true',
        `/coordination/meetings/${meetingId}`,
      ]) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.getByText('مقررہ تاریخ گزر چکی').first().waitFor();
        const texts = await page
          .locator('main')
          .locator('h1, h2, h3, th, label, legend, button, a, .badge, p')
          .allTextContents();
        const untranslated = texts
          .map((text) => text.trim())
          .filter((text) => english.has(text) || /^coordination\./.test(text));
        expect(untranslated, `English or raw keys on ${path}`).toEqual([]);
      }
      await shot(page, '62-meeting-urdu');
      await page.getByTestId('language-select').selectOption('en');
      await expect.poll(() => page.evaluate('document.documentElement.dir')).toBe('ltr');
    }, 180_000);
  },
);

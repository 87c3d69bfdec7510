/**
 * Federation in headless Chromium against a real node: a node administrator
 * reads this node's identity, adds a peer through the form (a refused
 * address shown under its field first), sees it listed with its pull state
 * and what it receives — a record the administrator may not read is only
 * counted — pulls now and finally removes it; an analyst's incident page
 * shows what each partner node receives (and why not), with the STIX; a
 * reader who may not edit the incident sees no such panel, and the peers
 * page is closed to anyone but node administrators. Pages run under the
 * server's CSP; a violation or an uncaught error fails the test.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../support/browser.js';
import { browserSession } from '../support/browser-session.js';
import type { E2eServer } from '../support/e2e-server.js';
import { pageApi as api } from '../support/page-api.js';

const skipReason = browserSkipReason();

const PEER_NAME = 'Partner node Islamabad';
const GREEN_NARRATIVE = 'A convoy was stopped at a checkpoint near Besham for two hours.';

function incident(narrative: string, marking: string, releasableTo: string[]) {
  return {
    eventDate: '2024-10-06',
    timePrecision: 1,
    eventType: 'Explosions/Remote violence',
    subEventType: 'Remote explosive/landmine/IED',
    actor1: { name: 'Unidentified armed group', inter: 2 },
    place: { name: 'Besham', country: 'PK', lat: 34.9297, lon: 72.8825, geoPrecision: 1 },
    fatalities: { total: 0, byNationality: [] },
    injured: { total: 1, byNationality: [] },
    narrative,
    marking,
    releasableTo,
  };
}

/** A raw Ed25519 public key as a peer's administrator would hand it over: 43 base64url characters. */
function peerPublicKey(): string {
  const jwk = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('no Ed25519 public key');
  return jwk.x;
}

/** Interface texts of the federation catalogue in English that its translation replaces. */
function englishOnly(locale: string): Set<string> {
  const flat = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(flat)
        : [];
  const read = (code: string) =>
    flat(JSON.parse(readFileSync(`web/src/i18n/features/federation.${code}.json`, 'utf8')));
  const translated = new Set(read(locale));
  return new Set(read('en').filter((text) => !translated.has(text) && !text.includes('{{')));
}

async function createIncident(page: Page, body: unknown): Promise<string> {
  return (await api<{ incident: { id: string } }>(page, 'POST', '/api/incidents', body)).incident
    .id;
}

describe.skipIf(skipReason !== undefined)(
  skipReason ? `federation (skipped: ${skipReason})` : 'federation in Chromium',
  () => {
    const session = browserSession();
    const { signedIn, shot } = session;
    let server: E2eServer;
    beforeAll(() => {
      server = session.server();
    });

    it('shows the node identity, adds a peer, lists it with what it receives, and shows the sharing panel on an incident', async () => {
      const peerNodeId = `identity--${randomUUID()}`;
      const peerOrgs = [`identity--${randomUUID()}`, `identity--${randomUUID()}`];

      // The scene: an analyst's GREEN incident leaves for any peer; an AMBER one released to
      // nobody stays; a partner's AMBER incident released to the peer leaves, unreadable here.
      const analyst = await signedIn(server.analyst);
      const greenId = await createIncident(analyst, incident(GREEN_NARRATIVE, 'TLP:GREEN', []));
      const amberId = await createIncident(
        analyst,
        incident('Escort roster for the Besham corridor.', 'TLP:AMBER', []),
      );
      const partner = await signedIn(server.partner);
      await createIncident(
        partner,
        incident('A partner-only note on Besham.', 'TLP:AMBER', [peerOrgs[0] ?? '']),
      );

      // Only node administrators have the page.
      expect(
        await analyst
          .getByRole('navigation', { name: 'Main navigation' })
          .getByRole('link', { name: 'Peers' })
          .count(),
      ).toBe(0);
      await analyst.goto('/peers');
      await analyst.getByRole('heading', { name: 'Not available' }).waitFor();

      const admin = await signedIn(server.admin);
      await admin
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Peers' })
        .click();
      await admin.getByRole('heading', { name: 'Peer nodes', level: 1 }).waitFor();
      const node = await api<{ nodeId: string; publicKey: string; keyId: string }>(
        admin,
        'GET',
        '/api/federation/node',
      );
      const identity = admin.getByTestId('node-identity');
      await identity.getByText(node.nodeId).waitFor();
      await identity.getByText(node.publicKey).waitFor();
      await identity.getByText(node.keyId).waitFor();
      await identity.getByRole('button', { name: 'Copy public key' }).waitFor();
      await admin.getByText('No peer nodes yet.').waitFor();

      // The form: checked here first, then the server's refusal under its field.
      await admin.getByRole('button', { name: 'Add peer' }).click();
      const form = admin.getByRole('form', { name: 'Add a peer' });
      await form.getByRole('button', { name: 'Add peer' }).click();
      expect(await form.getByLabel('Node id').getAttribute('aria-invalid')).toBe('true');
      await form.getByLabel('Node id').fill(peerNodeId);
      await form.getByLabel('Name').fill(PEER_NAME);
      await form.getByLabel('Address').fill('http://peer.example.org');
      await form.getByLabel('Public key').fill(peerPublicKey());
      await form.getByLabel('Organisations it hosts').fill(peerOrgs.join('\n'));
      await form.getByRole('button', { name: 'Add peer' }).click();
      await form.getByText('A peer address must be https').waitFor();
      expect(await form.getByLabel('Address').getAttribute('aria-invalid')).toBe('true');
      await shot(admin, '60-peer-form');
      await form.getByLabel('Address').fill('https://peer.example.org');
      await form.getByRole('button', { name: 'Add peer' }).click();

      // Listed, with its organisations and pull state.
      await admin.getByText(`${PEER_NAME} was added.`).waitFor();
      const row = admin.getByTestId('peers-table').locator('tbody tr', { hasText: PEER_NAME });
      await row.waitFor();
      expect(await row.textContent()).toContain('https://peer.example.org');
      expect(await row.locator('td').nth(1).textContent()).toBe('2');
      await row.getByRole('button', { name: `Pull now from ${PEER_NAME}` }).click();
      await admin.getByText(`A pull from ${PEER_NAME} has started.`).waitFor();
      await shot(admin, '61-peers');

      // What it receives: the GREEN incident in full, not the AMBER one; the partner's is counted.
      await row.getByRole('link', { name: PEER_NAME }).click();
      await admin.getByRole('heading', { name: PEER_NAME, level: 1 }).waitFor();
      await admin.getByRole('heading', { name: 'What this peer receives' }).waitFor();
      const preview = admin.getByTestId('peer-preview-table');
      const sent = preview.locator('tbody tr', { hasText: 'convoy was stopped' });
      await sent.waitFor();
      expect(await sent.getByTestId('egress-decision').textContent()).toBe('Sent in full');
      expect(await sent.getByTestId('marking').textContent()).toBe('TLP:GREEN');
      expect(await sent.textContent()).toContain('Incident');
      expect(await preview.locator('tbody tr', { hasText: 'Escort roster' }).count()).toBe(0);
      await admin
        .getByText('On this page, 1 more record leaves for this peer that you may not read.')
        .waitFor();
      expect(await sent.getByRole('link').getAttribute('href')).toBe(`/incidents/${greenId}`);
      await shot(admin, '62-peer-preview');

      // The analyst's incident: sent in full, with the STIX behind a disclosure.
      await analyst.goto(`/incidents/${greenId}`);
      const panel = analyst.getByTestId('partner-sharing');
      await panel.getByRole('heading', { name: 'Shared with partner nodes' }).waitFor();
      const entry = panel.getByTestId('egress-peer').filter({ hasText: PEER_NAME });
      expect(await entry.getByTestId('egress-decision').textContent()).toBe('Sent in full');
      const stix = entry.getByTestId('egress-stix');
      expect(await stix.isVisible()).toBe(false);
      await entry.getByText(`STIX sent to ${PEER_NAME}`).click();
      await stix.waitFor();
      const json = JSON.parse((await stix.textContent()) ?? '[]') as { type?: string }[];
      expect(json.map((object) => object.type)).toContain('incident');
      expect(await stix.textContent()).toContain(GREEN_NARRATIVE);
      await shot(analyst, '63-incident-sharing');

      // The AMBER incident released to nobody: not sent, and why.
      await analyst.goto(`/incidents/${amberId}`);
      const amberEntry = analyst
        .getByTestId('partner-sharing')
        .getByTestId('egress-peer')
        .filter({ hasText: PEER_NAME });
      expect(await amberEntry.getByTestId('egress-decision').textContent()).toBe('Not sent');
      await amberEntry
        .getByText('Its release list names none of the organisations this peer hosts.')
        .waitFor();
      expect(await amberEntry.getByTestId('egress-stix').count()).toBe(0);

      // A reader who may not edit the GREEN incident sees it, but not what leaves.
      const answered = partner.waitForResponse((response) =>
        response.url().endsWith(`/api/records/${greenId}/egress`),
      );
      await partner.goto(`/incidents/${greenId}`);
      expect((await answered).status()).toBe(403);
      await partner.getByTestId('narrative').waitFor();
      expect(await partner.getByTestId('partner-sharing').count()).toBe(0);

      // In Urdu the peer's page reads right-to-left, with no federation text left in English.
      await admin.getByTestId('language-select').selectOption('ur');
      await expect.poll(() => admin.locator('html').getAttribute('dir')).toBe('rtl');
      await admin.getByRole('heading', { name: 'اس ہم منصب کو کیا ملتا ہے' }).waitFor();
      await preview.getByText('مکمل بھیجا گیا').waitFor();
      const english = englishOnly('ur');
      const texts = await admin
        .locator('main')
        .locator('h1, h2, h3, th, dt, label, button, a, .badge, p')
        .allTextContents();
      expect(texts.map((text) => text.trim()).filter((text) => english.has(text))).toEqual([]);
      await shot(admin, '64-peer-preview-urdu');
      await admin.getByTestId('language-select').selectOption('en');
      await expect.poll(() => admin.locator('html').getAttribute('dir')).toBe('ltr');

      // Removing the peer asks first.
      await admin.getByRole('link', { name: 'Back to peers' }).click();
      await admin.getByRole('button', { name: `Remove ${PEER_NAME}` }).click();
      const confirm = admin.getByRole('dialog', { name: `Remove ${PEER_NAME}?` });
      await confirm.getByRole('button', { name: 'Remove' }).click();
      await admin.getByText(`${PEER_NAME} was removed.`).waitFor();
      await admin.getByText('No peer nodes yet.').waitFor();
    });
  },
);

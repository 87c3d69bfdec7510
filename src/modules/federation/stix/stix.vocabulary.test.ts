/**
 * The small translations the mappers rely on: body keys ↔ STIX property
 * names (reversible), record ids ↔ STIX ids, Admiralty credibility ↔ STIX
 * confidence (the specification's table), TLP ↔ marking-definitions, and the
 * stable ids of derived objects.
 */
import { describe, expect, it } from 'vitest';
import { TLP_MARKINGS } from '../../../core/policy/types.js';
import { confidenceOf, credibilityOf } from './mappers/threat-report.js';
import { markingOf, markingRefsOf, TLP_MARKING_DEFINITIONS } from './markings.js';
import { bodyKeyOf, fromStixProperties, stixNameOf, toStixProperties } from './property-names.js';
import { derivedId, stixIdOf, tandemIdOf, uuidV5 } from './stix-ids.js';

describe('STIX property names', () => {
  it.each([
    ['eventDate', 'event_date'],
    ['acledSubEventType', 'acled_sub_event_type'],
    ['admin1', 'admin1'],
    ['siteId', 'site_ref'],
    ['threatActorIds', 'threat_actor_refs'],
    ['memberOrgIds', 'member_org_refs'],
    ['byUser', 'by_user'],
    ['at', 'at_'],
    ['lat', 'lat'],
  ])('names %s as %s and back', (key, name) => {
    expect(stixNameOf(key)).toBe(name);
    expect(stixNameOf(key)).toMatch(/^[a-z][a-z0-9_]{2,249}$/);
    expect(bodyKeyOf(name)).toBe(key);
  });

  it('turns record ids under …Id(s) into STIX ids and back, at every depth, leaving organisations as they are', () => {
    const org = 'identity--01a22469-5881-7000-86eb-61c77354d072';
    const body = {
      decisionId: 'decision--01a22469-7117-7000-bf40-95f36433319a',
      partnerOrgIds: [org],
      details: { visits: [{ fromOrgId: org, startDate: '2026-12-01' }] },
      threatActorIds: [],
      endpoint: { siteId: null },
    };
    const properties = toStixProperties(body);
    expect(properties).toEqual({
      decision_ref: 'x-tandem-decision--01a22469-7117-7000-bf40-95f36433319a',
      partner_org_refs: [org],
      details: { visits: [{ from_org_ref: org, start_date: '2026-12-01' }] },
      endpoint: { site_ref: null },
    });
    expect(fromStixProperties(properties)).toEqual({ ...body, threatActorIds: undefined });
  });

  it('keeps a peer’s `__proto__` property a plain key', () => {
    const fields = fromStixProperties(
      JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>,
    );
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('STIX ids of records', () => {
  it.each([
    [
      'threat-report--01a22469-7403-7000-a458-10cf7a3a1224',
      'report--01a22469-7403-7000-a458-10cf7a3a1224',
    ],
    [
      'site--01a22469-7403-7000-a458-10cf7a3a1224',
      'x-tandem-site--01a22469-7403-7000-a458-10cf7a3a1224',
    ],
    [
      'incident--01a22469-7403-7000-a458-10cf7a3a1224',
      'incident--01a22469-7403-7000-a458-10cf7a3a1224',
    ],
    [
      'identity--01a22469-7403-7000-a458-10cf7a3a1224',
      'identity--01a22469-7403-7000-a458-10cf7a3a1224',
    ],
  ])('maps %s to %s and back', (tandem, stix) => {
    expect(stixIdOf(tandem)).toBe(stix);
    expect(tandemIdOf(stix)).toBe(tandem);
  });

  it('reads notes and sightings back as corroborations', () => {
    expect(tandemIdOf('sighting--01a22469-7403-7000-a458-10cf7a3a1224')).toBe(
      'corroboration--01a22469-7403-7000-a458-10cf7a3a1224',
    );
  });

  it('derives RFC 9562 v5 ids that depend on the record and the purpose only', () => {
    expect(uuidV5('x')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(derivedId('location', 'incident--a', 'place')).toBe(
      derivedId('location', 'incident--a', 'place'),
    );
    expect(derivedId('location', 'incident--a', 'place')).not.toBe(
      derivedId('location', 'incident--b', 'place'),
    );
    expect(derivedId('location', 'incident--a', 'place')).not.toBe(
      derivedId('location', 'incident--a', 'area'),
    );
  });
});

describe('Admiralty information credibility as STIX confidence (STIX 2.1, appendix A)', () => {
  it.each([
    [1, 90],
    [2, 70],
    [3, 50],
    [4, 30],
    [5, 10],
  ])('gives credibility %i the confidence %i, and back', (credibility, confidence) => {
    expect(confidenceOf(credibility)).toBe(confidence);
    expect(credibilityOf(confidence)).toEqual({ ok: true, value: credibility });
  });

  it('gives "truth cannot be judged" (6) no confidence, and reads no confidence as 6', () => {
    expect(confidenceOf(6)).toBeUndefined();
    expect(credibilityOf(undefined)).toEqual({ ok: true, value: 6 });
  });

  it.each([
    [100, 1],
    [80, 1],
    [79, 2],
    [60, 2],
    [59, 3],
    [40, 3],
    [39, 4],
    [20, 4],
    [19, 5],
    [0, 5],
  ])('reads another producer’s confidence %i as credibility %i', (confidence, credibility) => {
    expect(credibilityOf(confidence)).toEqual({ ok: true, value: credibility });
  });
});

describe('TLP 2.0 marking-definitions', () => {
  it('maps every TLP 2.0 level to its published definition and back', () => {
    for (const marking of TLP_MARKINGS) {
      const refs = markingRefsOf(marking);
      expect(refs).toHaveLength(1);
      expect(markingOf(refs)).toEqual({ ok: true, value: marking });
      const definition = TLP_MARKING_DEFINITIONS.find((d) => d.id === refs?.[0]);
      expect(definition?.name).toBe(marking);
    }
  });

  it('has no definition for what is not TLP 2.0', () => {
    expect(markingRefsOf('TLP:WHITE')).toBeUndefined();
  });
});

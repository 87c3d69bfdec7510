/**
 * Real records of every shareable type, written through each module's own
 * services on a test database (a movement through its HTTP workflow, to get
 * an escort), read back as the rows federation maps: the material of the
 * STIX round-trip and schema tests. Covers every marking, revoked versions,
 * the optional fields set and unset, and each shape a body may take.
 */
import { expect } from 'vitest';
import { buildUser, type TestApp } from '../../../../../test/support/app.js';
import {
  buildActionItemInput,
  buildCorroborationInput,
  buildDecisionInput,
  buildIncidentInput,
  buildMeetingInput,
  buildThreatActorInput,
  buildThreatReportInput,
  buildWorkingGroupInput,
} from '../../../../../test/support/factories.js';
import { buildProgrammeInput } from '../../../../../test/support/programme-factories.js';
import type { GeoJsonPolygon } from '../../../../core/geo/index.js';
import type { Result } from '../../../../core/result.js';
import {
  appendProgressNote,
  createActionItem,
} from '../../../coordination/action-items.service.js';
import { revokeCoordinationRecord } from '../../../coordination/coordination.revocation.js';
import { createDecision, createMeeting } from '../../../coordination/meetings.service.js';
import { createProgramme } from '../../../coordination/programmes.service.js';
import { createWorkingGroup } from '../../../coordination/working-groups.service.js';
import { toCurrentUser } from '../../../identity/identity.presenter.js';
import type { CurrentUser } from '../../../identity/identity.types.js';
import { findUserByUsername } from '../../../identity/users.repository.js';
import {
  createIncident,
  revokeIncident,
  updateIncident,
} from '../../../incidents/incidents.service.js';
import { createThreatActor } from '../../../intel/actors.service.js';
import { createCorroboration } from '../../../intel/corroborations.service.js';
import {
  publishThreatReport,
  revokeThreatReport,
} from '../../../intel/reports.lifecycle.service.js';
import { createThreatReport } from '../../../intel/reports.write.service.js';
import {
  actionItemInputSchema,
  decisionInputSchema,
  meetingInputSchema,
  workingGroupInputSchema,
} from '../../../coordination/coordination.schema.js';
import { programmeInputSchema } from '../../../coordination/programmes.schema.js';
import { incidentInputSchema } from '../../../incidents/incidents.schema.js';
import {
  corroborationInputSchema,
  threatActorInputSchema,
  threatReportInputSchema,
} from '../../../intel/intel.schema.js';
import { siteInputSchema } from '../../../sites/sites.schema.js';
import { buildCast, movementIn } from '../../../movements/test-support/journey.js';
import { findRecord, type RecordRow } from '../../../records/records.repository.js';
import { createSite, revokeSite } from '../../../sites/sites.service.js';
import { buildSiteInput } from '../../../sites/test-support/scene.js';

/** The factories' inputs as the routes hand them to the services: parsed by the module's schema. */
const siteInput = (...args: Parameters<typeof buildSiteInput>) =>
  siteInputSchema.parse(buildSiteInput(...args));
const incidentInput = (...args: Parameters<typeof buildIncidentInput>) =>
  incidentInputSchema.parse(buildIncidentInput(...args));
const actorInput = (...args: Parameters<typeof buildThreatActorInput>) =>
  threatActorInputSchema.parse(buildThreatActorInput(...args));
const reportInput = (...args: Parameters<typeof buildThreatReportInput>) =>
  threatReportInputSchema.parse(buildThreatReportInput(...args));
const corroborationInput = (...args: Parameters<typeof buildCorroborationInput>) =>
  corroborationInputSchema.parse(buildCorroborationInput(...args));
const groupInput = (...args: Parameters<typeof buildWorkingGroupInput>) =>
  workingGroupInputSchema.parse(buildWorkingGroupInput(...args));
const meetingInput = (...args: Parameters<typeof buildMeetingInput>) =>
  meetingInputSchema.parse(buildMeetingInput(...args));
const decisionInput = (...args: Parameters<typeof buildDecisionInput>) =>
  decisionInputSchema.parse(buildDecisionInput(...args));
const actionItemInput = (...args: Parameters<typeof buildActionItemInput>) =>
  actionItemInputSchema.parse(buildActionItemInput(...args));
const programmeInput = (...args: Parameters<typeof buildProgrammeInput>) =>
  programmeInputSchema.parse(buildProgrammeInput(...args));

export interface SampleRecord {
  label: string;
  row: RecordRow;
}

function created<T>(result: Result<T, string>): T {
  if (!result.ok) throw new Error(`could not write a sample record: ${result.error}`);
  return result.value;
}

async function userOf(t: TestApp, username: string): Promise<CurrentUser> {
  const row = await findUserByUsername(t.context.storage.db, username);
  if (!row) throw new Error(`no user ${username}`);
  return toCurrentUser(row);
}

/** A square of about 20 km around Besham, as a GeoJSON polygon. */
const BESHAM_SQUARE: GeoJsonPolygon = {
  type: 'Polygon',
  coordinates: [
    [
      [72.77, 34.82],
      [72.97, 34.82],
      [72.97, 35.02],
      [72.77, 35.02],
      [72.77, 34.82],
    ],
  ],
};

export async function writeSampleRecords(t: TestApp): Promise<SampleRecord[]> {
  const deps = {
    db: t.context.storage.db,
    clock: t.clock,
    audit: t.context.audit,
    capabilities: t.context.storage.capabilities,
  };
  const author = await userOf(t, (await buildUser(t.context, { roles: ['analyst'] })).username);
  const partner = await buildUser(t.context, { roles: ['analyst'] });
  const guard = await buildUser(t.context, { roles: ['field'] });
  const ids: [string, string, string][] = [];
  const keep = (label: string, type: string, id: string) => ids.push([label, type, id]);
  const amber = { marking: 'TLP:AMBER' as const, releasableTo: [partner.orgId] };

  // The movement's requester must read the site its movement ends at.
  const cast = await buildCast(t);
  const orgs = {
    operator: author.orgId,
    guard: guard.orgId,
    released: [partner.orgId, cast.requester.orgId],
  };
  const site = created(await createSite(deps, siteInput(orgs), author));
  keep('site, a point (AMBER)', 'site', site);
  const polygonSite = created(
    await createSite(
      deps,
      siteInput(orgs, {
        name: 'Besham depot',
        type: 'camp',
        location: { kind: 'polygon', polygon: BESHAM_SQUARE },
        notes: '',
        marking: 'TLP:GREEN',
        releasableTo: [],
      }),
      author,
    ),
  );
  created(await revokeSite(deps, polygonSite, 'closed down', author));
  keep('site, a polygon, revoked', 'site', polygonSite);

  keep('movement with its escort', 'movement', await movementIn(t, cast, 'escort_assigned'));
  const movementToSite = await movementIn(t, cast, 'draft', {
    origin: { name: 'Islamabad', lat: 33.7215, lon: 73.0433 },
    destination: { siteId: site },
    releasableTo: [cast.duty.orgId],
  });
  keep('movement to a site, draft', 'movement', movementToSite);

  const greenIncident = created(await createIncident(deps, incidentInput(), author));
  keep('incident (GREEN)', 'incident', greenIncident);
  const incident = created(
    await createIncident(
      deps,
      incidentInput({
        ...amber,
        actor2: { name: 'Police', inter: 1 },
        place: {
          name: 'Besham',
          admin1: 'Khyber Pakhtunkhwa',
          admin2: 'Shangla',
          country: 'PK',
          lat: 34.92,
          lon: 72.87,
          geoPrecision: 1,
        },
        injured: { total: null, byNationality: [{ country: 'CN', count: 2 }] },
        sources: [{ name: 'Dawn', url: 'https://www.dawn.com/news/1', date: '2024-03-27' }],
        siteId: site,
        movementId: movementToSite,
        language: 'ur',
        narrative: 'قافلے پر حملہ',
      }),
      author,
    ),
  );
  created(await updateIncident(deps, incident, incidentInput({ ...amber, narrative: '' }), author));
  created(await revokeIncident(deps, incident, author));
  keep('incident corrected then revoked (AMBER)', 'incident', incident);

  const actor = created(
    await createThreatActor(
      deps,
      actorInput({
        ...amber,
        firstSeen: '2023-05-01T00:00:00+05:00',
        lastSeen: '2026-10-01T12:00:00.000Z',
      }),
      author,
    ),
  );
  keep('threat actor (AMBER)', 'threat-actor', actor);
  keep(
    'threat actor, bare',
    'threat-actor',
    created(
      await createThreatActor(
        deps,
        threatActorInputSchema.parse({ name: 'Unnamed cell', marking: 'TLP:CLEAR' }),
        author,
      ),
    ),
  );

  const draft = created(
    await createThreatReport(
      deps,
      reportInput({ ...amber, threatActorIds: [actor], informationCredibility: 2 }),
      author,
    ),
  );
  keep('threat report, draft, circle, with an actor', 'threat-report', draft);
  const published = created(
    await createThreatReport(
      deps,
      reportInput({
        area: { kind: 'polygon', polygon: BESHAM_SQUARE },
        informationCredibility: 6,
        sourceReliability: 'F',
        modusOperandi: { description: '' },
        narrative: '',
        language: 'zh-Hans',
      }),
      author,
    ),
  );
  created(await publishThreatReport(deps, published, author));
  keep('threat report, published, polygon, credibility 6', 'threat-report', published);
  const revoked = created(
    await createThreatReport(
      deps,
      reportInput({ informationCredibility: 5, threatActorIds: [actor] }),
      author,
    ),
  );
  created(await publishThreatReport(deps, revoked, author));
  created(await revokeThreatReport(deps, revoked, author));
  keep('threat report, revoked, credibility 5', 'threat-report', revoked);

  const partnerUser = await userOf(t, partner.username);
  keep(
    'corroboration, a denial (note)',
    'corroboration',
    created(
      await createCorroboration(
        deps,
        corroborationInput(published, { kind: 'deny', text: 'Not seen by our office.' }),
        partnerUser,
      ),
    ),
  );
  keep(
    'corroboration, a sighting with a place',
    'corroboration',
    created(
      await createCorroboration(
        deps,
        corroborationInput(published, {
          observedAt: '2026-11-27T10:30:00+05:00',
          place: { lat: 34.93, lon: 72.88, name: 'Besham bridge' },
          marking: 'TLP:AMBER+STRICT',
          releasableTo: [author.orgId],
        }),
        partnerUser,
      ),
    ),
  );
  keep(
    'corroboration of an incident, a detail with a time and a place (note)',
    'corroboration',
    created(
      await createCorroboration(
        deps,
        corroborationInput(greenIncident, {
          kind: 'additional_detail',
          observedAt: '2026-11-27T08:00:00.000Z',
          place: { lat: 34.9, lon: 72.9 },
        }),
        partnerUser,
      ),
    ),
  );

  const members = [author.orgId, partner.orgId];
  const group = created(await createWorkingGroup(deps, groupInput(members), author));
  keep('working group', 'working-group', group);
  const meeting = created(
    await createMeeting(deps, meetingInput(group, members, { ...amber }), author),
  );
  keep('meeting (AMBER)', 'meeting', meeting);
  const decision = created(await createDecision(deps, decisionInput(meeting), author));
  keep('decision', 'decision', decision);
  keep(
    'decision (RED, named users)',
    'decision',
    created(
      await createDecision(
        deps,
        decisionInput(meeting, { marking: 'TLP:RED', releasableTo: [partner.userId] }),
        author,
      ),
    ),
  );
  const item = created(
    await createActionItem(deps, actionItemInput(decision, partner.orgId), author),
  );
  created(await appendProgressNote(deps, item, 'Draft sent to the partner.', author));
  keep('action item with a progress note', 'action-item', item);
  const dropped = created(
    await createActionItem(deps, actionItemInput(decision, author.orgId), author),
  );
  created(await revokeCoordinationRecord(deps, 'action-item', dropped, 'duplicate', author));
  keep('action item, revoked, no notes', 'action-item', dropped);
  const programmes: [string, Parameters<typeof buildProgrammeInput>[2]][] = [
    ['programme, equipment transfer', {}],
    [
      'programme, training',
      {
        kind: 'training',
        partnerOrgIds: [partner.orgId],
        endDate: '2027-06-30',
        details: {
          kind: 'training',
          courses: [
            {
              title: 'Convoy protection',
              startDate: '2026-12-01',
              endDate: '2026-12-14',
              participants: [{ orgId: partner.orgId, count: 20 }],
              completed: 18,
            },
          ],
        },
      },
    ],
    [
      'programme, exchange with nothing listed yet',
      { kind: 'exchange', milestones: [], details: { kind: 'exchange', visits: [], postings: [] } },
    ],
    [
      'programme, border cooperation',
      {
        kind: 'border_cooperation',
        summary: '',
        details: {
          kind: 'border_cooperation',
          crossings: ['Khunjerab'],
          jointPatrols: [{ date: '2026-12-05', area: 'Sost' }],
          procedures: [{ title: 'Hand-over at the line' }],
        },
      },
    ],
  ];
  for (const [label, overrides] of programmes) {
    keep(
      label,
      'programme',
      created(
        await createProgramme(deps, programmeInput(decision, author.orgId, overrides), author),
      ),
    );
  }

  const rows: SampleRecord[] = [];
  for (const [label, type, id] of ids) {
    const row = await findRecord(t.context.storage.db, id, type);
    expect(row, `${label} was stored`).toBeDefined();
    if (row) rows.push({ label, row });
  }
  return rows;
}

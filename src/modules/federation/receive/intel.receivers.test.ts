/**
 * Incidents, threat reports, threat actors and corroborations written on a
 * peer through their own services, received here, and read through this
 * node's own read services: by the organisation they are released to, and by
 * no other.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  buildCorroborationInput,
  buildIncidentInput,
  buildThreatActorInput,
  buildThreatReportInput,
} from '../../../../test/support/factories.js';
import { describeEachEngine } from '../../../../test/support/storage.js';
import { readScope } from '../../../core/policy/index.js';
import type { CurrentUser } from '../../identity/identity.types.js';
import { incidentsNearPoint } from '../../incidents/incidents.geo.service.js';
import { createIncident, readIncident } from '../../incidents/incidents.service.js';
import { listThreatActors } from '../../intel/actors.repository.js';
import { createThreatActor, readThreatActor } from '../../intel/actors.service.js';
import { createCorroboration, readCorroborationsOf } from '../../intel/corroborations.service.js';
import { readThreatReportDetail } from '../../intel/reports.detail.service.js';
import { publishThreatReport } from '../../intel/reports.lifecycle.service.js';
import { listThreatReportsFor } from '../../intel/reports.read.service.js';
import { createThreatReport } from '../../intel/reports.write.service.js';
import { findRecord } from '../../records/records.repository.js';
import { peerScene, valueOf, type PeerScene } from './test-support/peer-scene.js';

describeEachEngine('receiving intelligence records', (database) => {
  let s: PeerScene;
  beforeAll(async () => {
    s = await peerScene(database());
  });
  afterAll(async () => {
    await s.close();
  });

  it('stores a received incident that its release list reads by detail, list, search and place, and no one else', async () => {
    const id = valueOf(
      await createIncident(
        s.peerDeps,
        buildIncidentInput({
          ...s.amber,
          narrative: 'Grenade thrown at the Sost dry port gate by two men on a motorcycle.',
          place: { name: 'Sost', country: 'PK', lat: 36.69, lon: 74.82, geoPrecision: 1 },
        }),
        s.author,
      ),
    );
    await s.deliver(id);

    const record = await findRecord(s.hereDeps.db, id, 'incident');
    expect(record).toMatchObject({ received_from_peer: 1, created_by: s.author.orgId });
    expect(record?.created_by_user).toBeNull();

    const detail = await readIncident(s.hereDeps, id, s.reader);
    expect(detail).toMatchObject({ id, location: 'Sost', lat: 36.69, fatalities: 6 });
    expect(await s.searchIncidents(s.reader, 'motorcycle')).toEqual([id]);
    const near = await incidentsNearPoint(
      s.hereDeps,
      s.reader,
      {},
      { lat: 36.7, lon: 74.83 },
      5,
      10,
    );
    expect(near.items.map((item) => item.id)).toEqual([id]);

    expect(await readIncident(s.hereDeps, id, s.outsider)).toBeUndefined();
    expect(await s.searchIncidents(s.outsider, 'motorcycle')).toEqual([]);
  });

  it('stores a received threat report readable in its detail and its search by its release list only', async () => {
    const draft = buildThreatReportInput({
      ...s.amber,
      title: 'Threat to the Khunjerab convoy staging area',
    });
    const id = valueOf(await createThreatReport(s.peerDeps, draft, s.author));
    valueOf(await publishThreatReport(s.peerDeps, id, s.author));
    await s.deliver(id);

    const detail = await readThreatReportDetail(s.hereDeps, id, s.reader);
    expect(detail?.report).toMatchObject({ id, status: 'published', title: draft.title });
    expect((await findRecord(s.hereDeps.db, id, 'threat-report'))?.received_from_peer).toBe(1);
    const search = (reader: CurrentUser) =>
      listThreatReportsFor(
        s.hereDeps,
        reader,
        { textMatches: [s.hereDeps.capabilities.recordContains('Khunjerab', 'threat_reports')] },
        undefined,
        { limit: 10 },
      );
    expect((await search(s.reader)).map((row) => row.id)).toEqual([id]);

    expect(await readThreatReportDetail(s.hereDeps, id, s.outsider)).toBeUndefined();
    expect(await search(s.outsider)).toEqual([]);
  });

  it('stores a received threat actor under its name, for its release list only', async () => {
    const id = valueOf(
      await createThreatActor(
        s.peerDeps,
        buildThreatActorInput({ ...s.amber, name: 'Lashkar-e-Example' }),
        s.author,
      ),
    );
    await s.deliver(id);

    expect(await readThreatActor(s.hereDeps, id, s.reader)).toMatchObject({
      id,
      name: 'Lashkar-e-Example',
    });
    const listed = await listThreatActors(
      s.hereDeps.db,
      readScope(s.reader),
      { q: 'lashkar' },
      { limit: 10 },
    );
    expect(listed.map((row) => row.id)).toEqual([id]);
    expect(await readThreatActor(s.hereDeps, id, s.outsider)).toBeUndefined();
  });

  it('stores a received corroboration of a received incident, read with its subject', async () => {
    const incident = valueOf(
      await createIncident(s.peerDeps, buildIncidentInput(s.amber), s.author),
    );
    const id = valueOf(
      await createCorroboration(
        s.peerDeps,
        buildCorroborationInput(incident, { ...s.amber, kind: 'additional_detail' }),
        s.author,
      ),
    );
    await s.deliver(incident);
    await s.deliver(id);

    const seen = await readCorroborationsOf(s.hereDeps, incident, s.reader, 10);
    expect(seen?.items.map((row) => [row.id, row.kind])).toEqual([[id, 'additional_detail']]);
    expect(await readCorroborationsOf(s.hereDeps, incident, s.outsider, 10)).toBeUndefined();
  });
});

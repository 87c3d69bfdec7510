/** The bounds migration fills existing reports' boxes from their stored areas, on both engines. */
import { sql, type Kysely } from 'kysely';
import type { ThreatArea } from '../../modules/intel/intel.schema.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/storage.js';
import {
  buildUser,
  signIn,
  startTestApp,
  TEST_ORIGIN,
  type TestApp,
} from '../../../test/support/app.js';
import { buildThreatReportInput } from '../../../test/support/factories.js';
import { fillAreaBounds } from './2026-11-28T1410-threat-report-bounds.js';

describeEachEngine('filling threat report bounds', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(database());
  });
  afterAll(async () => t.close());

  it('gives each stored area the box it would get when written today', async () => {
    const cookie = await signIn(
      t.app,
      (await buildUser(t.context, { roles: ['analyst'] })).username,
    );
    const areas: ThreatArea[] = [
      { kind: 'circle', lat: 34.92, lon: 72.87, radiusKm: 25 },
      {
        kind: 'polygon',
        polygon: {
          type: 'Polygon',
          coordinates: [
            [
              [66.9, 24.8],
              [67.2, 24.8],
              [67.2, 25.0],
              [66.9, 24.8],
            ],
          ],
        },
      },
    ];
    for (const area of areas) {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/threat-reports',
        headers: { cookie, origin: TEST_ORIGIN },
        payload: buildThreatReportInput({ area }),
      });
      expect(created.statusCode, created.body).toBe(201);
    }
    const db = t.context.storage.db;
    const columns = ['id', 'area_west', 'area_south', 'area_east', 'area_north'] as const;
    const written = await db.selectFrom('threat_reports').select(columns).orderBy('id').execute();
    await sql`update threat_reports set area_west = 0, area_south = 0, area_east = 0, area_north = 0`.execute(
      db,
    );
    await fillAreaBounds(db as unknown as Kysely<unknown>);
    const filled = await db.selectFrom('threat_reports').select(columns).orderBy('id').execute();
    expect(filled).toEqual(written);
    const polygon = filled.find((row) => row.area_west === 66.9);
    expect(polygon).toMatchObject({ area_south: 24.8, area_east: 67.2, area_north: 25.0 });
    const circle = filled.find((row) => row.area_west !== 66.9);
    // 25 km is about 0.225° of latitude.
    expect(circle?.area_north).toBeCloseTo(34.92 + 0.2248, 3);
  });
});

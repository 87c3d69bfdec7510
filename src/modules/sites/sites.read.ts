/**
 * Reading protected sites under the sharing policy: one or many (SQL read
 * filter, then canRead again for each row), the history of one, and a site's
 * fence. Other modules (movements, alerts, the operations room) read sites
 * through these. Never says whether an unreadable site exists.
 */
import type { GeoJsonPolygon } from '../../core/geo/index.js';
import { canRead, readScope } from '../../core/policy/index.js';
import type { Executor } from '../../storage/executor.js';
import type { Fence } from '../geofences/geofences.js';
import type { CurrentUser } from '../identity/identity.types.js';
import { listRecordVersions, toShareable } from '../records/records.repository.js';
import { findReadableSites, type SiteRow, type SiteWithRecord } from './sites.repository.js';

type ReadDeps = { db: Executor };

/** The site, revoked or not (check `record.revoked`): a revoked one still answers so that links resolve. */
export async function readSite(
  deps: ReadDeps,
  id: string,
  reader: CurrentUser,
): Promise<SiteWithRecord | undefined> {
  return (await readSites(deps, [id], reader)).get(id);
}

/** Those of `ids` the reader may read (revoked ones included), keyed by id. */
export async function readSites(
  deps: ReadDeps,
  ids: readonly string[],
  reader: CurrentUser,
): Promise<Map<string, SiteWithRecord>> {
  const found = await findReadableSites(deps.db, readScope(reader), ids);
  // The SQL filter equals canRead; asking the policy again keeps this path honest.
  return new Map(
    found.filter((row) => canRead(reader, toShareable(row.record))).map((row) => [row.id, row]),
  );
}

/** Every version the reader may read: the current one must be readable, and each old one under its own marking. */
export async function readSiteHistory(deps: ReadDeps, id: string, reader: CurrentUser) {
  const current = await readSite(deps, id, reader);
  if (!current) return undefined;
  const versions = await listRecordVersions(deps.db, id);
  return versions.filter((version) =>
    canRead(
      reader,
      toShareable({
        ...version,
        id,
        received_from_peer: current.record.received_from_peer,
        contains_personal_data: current.record.contains_personal_data,
        legal_basis: current.record.legal_basis,
      }),
    ),
  );
}

/** The stored polygon, or undefined for a point site (or a polygon that no longer parses). */
export function sitePolygon(row: Pick<SiteRow, 'polygon'>): GeoJsonPolygon | undefined {
  if (row.polygon === null) return undefined;
  try {
    const parsed = JSON.parse(row.polygon) as GeoJsonPolygon;
    return parsed.type === 'Polygon' && Array.isArray(parsed.coordinates) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The protected region: the point or polygon plus the buffer. */
export function siteFence(row: SiteRow): Fence {
  const polygon = sitePolygon(row);
  return {
    base: polygon
      ? { kind: 'polygon', polygon }
      : { kind: 'point', point: { lat: row.lat, lon: row.lon } },
    bufferKm: row.buffer_km,
  };
}

/**
 * What is near a protected site: incidents within a radius of its point or
 * polygon over the last days, and published threat reports valid now whose
 * area meets the site's fence (point or polygon plus buffer). Everything is
 * read through the incidents' and intelligence's own read functions, so the
 * sharing policy (and the draft rule) applies; this module only narrows by
 * geometry. Never reads a record the reader may not read.
 */
import {
  boxAroundCap,
  pointInPolygon,
  type GeoJsonPolygon,
  type LatLon,
} from '../../core/geo/index.js';
import { fail, ok, type Result } from '../../core/result.js';
import {
  circleMeetsFence,
  distanceToBaseKm,
  distanceToFenceKm,
  enclosingCircle,
  fenceCentre,
  type Fence,
} from '../geofences/geofences.js';
import type { CurrentUser } from '../identity/identity.types.js';
import { incidentsNearPoint } from '../incidents/incidents.geo.service.js';
import { parseBody } from '../intel/intel.records.js';
import type { ThreatArea } from '../intel/intel.schema.js';
import { threatAreasInView } from '../intel/reports.read.service.js';
import type { ThreatReportWithRecord } from '../intel/reports.repository.js';
import { readSite, siteFence } from './sites.read.js';
import type { NearbyQuery } from './sites.schema.js';
import type { SiteDeps, SiteError } from './sites.service.js';

const DAY_MS = 86_400_000;
export const NEARBY_INCIDENT_LIMIT = 200;
/** Threat areas whose box meets the site's: more than this and the answer says it is truncated. */
export const NEARBY_REPORT_CANDIDATES = 500;

function outerRing(polygon: GeoJsonPolygon): LatLon[] {
  return (polygon.coordinates[0] ?? []).map(([lon, lat]) => ({ lat, lon }));
}

/**
 * Whether a threat polygon meets the site's region: a vertex of one lies in
 * the other, or the site comes within its buffer of the polygon. Two
 * polygons crossing like a plus sign with no vertex inside the other are
 * missed unless the buffer reaches; site and threat areas are compact, so
 * that shape does not arise in practice.
 */
function polygonMeetsFence(fence: Fence, polygon: GeoJsonPolygon): boolean {
  const threat = outerRing(polygon);
  if (threat.some((vertex) => distanceToFenceKm(fence, vertex) === 0)) return true;
  if (pointInPolygon(fenceCentre(fence), polygon)) return true;
  const siteVertices = fence.base.kind === 'polygon' ? outerRing(fence.base.polygon) : [];
  const probes = fence.base.kind === 'point' ? [fence.base.point] : siteVertices;
  const threatBase = { kind: 'polygon', polygon } as const;
  return probes.some((probe) => distanceToBaseKm(threatBase, probe) <= fence.bufferKm);
}

export function areaMeetsFence(fence: Fence, area: ThreatArea): boolean {
  return area.kind === 'circle'
    ? circleMeetsFence(fence, { lat: area.lat, lon: area.lon }, area.radiusKm)
    : polygonMeetsFence(fence, area.polygon);
}

export async function nearbySite(
  deps: SiteDeps,
  siteId: string,
  query: NearbyQuery,
  reader: CurrentUser,
): Promise<
  Result<
    {
      incidents: Awaited<ReturnType<typeof incidentsNearPoint>>;
      threatReports: { rows: ThreatReportWithRecord[]; truncated: boolean };
    },
    SiteError
  >
> {
  const site = await readSite(deps, siteId, reader);
  if (!site) return fail('not_found');
  const fence = siteFence(site);
  const now = deps.clock.now();
  const from = new Date(now.getTime() - query.days * DAY_MS).toISOString().slice(0, 10);

  // Candidates within the radius of the base's enclosing circle; the exact distance is to the base.
  const reach = enclosingCircle({ base: fence.base, bufferKm: 0 });
  const candidates = await incidentsNearPoint(
    deps,
    reader,
    { from },
    reach.centre,
    reach.radiusKm + query.radiusKm,
    NEARBY_INCIDENT_LIMIT * 4,
  );
  const near = candidates.items
    .map((item) => ({ ...item, distanceKm: round(distanceToBaseKm(fence.base, item)) }))
    .filter((item) => item.distanceKm <= query.radiusKm);

  const region = enclosingCircle(fence);
  const box = boxAroundCap(region.centre, region.radiusKm);
  const view = { ...box, west: Math.max(-180, box.west), east: Math.min(180, box.east) };
  const instant = now.toISOString();
  const areas = await threatAreasInView(
    deps,
    reader,
    { status: 'published', from: instant, to: instant },
    view,
    NEARBY_REPORT_CANDIDATES,
  );
  const meeting = areas.rows.filter((row) =>
    areaMeetsFence(fence, parseBody(row.record.body).area as ThreatArea),
  );
  return ok({
    incidents: {
      items: near.slice(0, NEARBY_INCIDENT_LIMIT),
      truncated: candidates.truncated || near.length > NEARBY_INCIDENT_LIMIT,
    },
    threatReports: { rows: meeting, truncated: areas.truncated },
  });
}

const round = (km: number) => Math.round(km * 100) / 100;

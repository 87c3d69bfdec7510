/**
 * A site form's draft: the fields as typed (numbers as text, the polygon as
 * "lat, lon" lines), the problems the server would refuse them for — each
 * named by the API path it belongs to, so that the server's own issues land
 * on the same field — and the input sent once there are none.
 */
import type { PostureLevel, SiteType } from '@vocabulary/protection';
import type { Site, SiteInput } from '../../api/sites';
import { isTlpMarking, type TlpMarking } from '../../lib/tlp';
import { releaseListFor } from '../../components/sharing/sharingRules';
import { ringFromText, ringToText, type Position } from './geoFeatures';

export const MAX_BUFFER_KM = 50;

export interface SiteDraft {
  name: string;
  type: SiteType;
  locationKind: 'point' | 'polygon';
  lat: string;
  lon: string;
  /** One "lat, lon" vertex a line. */
  polygonText: string;
  bufferKm: string;
  operatorOrgId: string;
  guardOrgId: string;
  postureLevel: PostureLevel;
  notes: string;
  marking: TlpMarking;
  releasableTo: string[];
}

export type SiteProblem = 'required' | 'latitude' | 'longitude' | 'polygon' | 'buffer';

export function blankSite(ownOrgId: string): SiteDraft {
  return {
    name: '',
    type: 'hydropower',
    locationKind: 'point',
    lat: '',
    lon: '',
    polygonText: '',
    bufferKm: '5',
    operatorOrgId: ownOrgId,
    guardOrgId: ownOrgId,
    postureLevel: 'normal',
    notes: '',
    marking: 'TLP:AMBER',
    releasableTo: [],
  };
}

export function draftFromSite(site: Site): SiteDraft {
  const polygon = site.location.type === 'Polygon' ? site.location : null;
  const ring = (polygon?.coordinates[0] ?? []) as Position[];
  return {
    name: site.name,
    type: site.type,
    locationKind: polygon ? 'polygon' : 'point',
    lat: String(site.centre.lat),
    lon: String(site.centre.lon),
    polygonText: polygon ? ringToText(ring) : '',
    bufferKm: String(site.bufferKm),
    operatorOrgId: site.operator.id,
    guardOrgId: site.guard.id,
    postureLevel: site.postureLevel,
    notes: site.notes ?? '',
    marking: isTlpMarking(site.marking) ? site.marking : 'TLP:AMBER',
    releasableTo: site.releasableTo ?? [],
  };
}

function numberIn(text: string, min: number, max: number): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) && value >= min && value <= max ? value : null;
}

export function checkSite(draft: SiteDraft): Record<string, SiteProblem> {
  const problems: Record<string, SiteProblem> = {};
  if (!draft.name.trim()) problems.name = 'required';
  if (draft.locationKind === 'point') {
    if (numberIn(draft.lat, -90, 90) === null) problems['location.lat'] = 'latitude';
    if (numberIn(draft.lon, -180, 180) === null) problems['location.lon'] = 'longitude';
  } else if (ringFromText(draft.polygonText) === null) {
    problems['location.polygon'] = 'polygon';
  }
  if (numberIn(draft.bufferKm, 0, MAX_BUFFER_KM) === null) problems.bufferKm = 'buffer';
  if (!draft.operatorOrgId) problems.operatorOrgId = 'required';
  if (!draft.guardOrgId) problems.guardOrgId = 'required';
  return problems;
}

/** The point the map shows while the form is edited (the first vertex of a polygon). */
export function draftPoint(draft: SiteDraft): { lat: number; lon: number } | null {
  const lat = numberIn(draft.lat, -90, 90);
  const lon = numberIn(draft.lon, -180, 180);
  return lat === null || lon === null ? null : { lat, lon };
}

/** The geometry of a draft for the preview map, or null while it does not read. */
export function draftGeometry(draft: SiteDraft): Site['location'] | null {
  if (draft.locationKind === 'polygon') {
    const ring = ringFromText(draft.polygonText);
    return ring ? { type: 'Polygon', coordinates: [ring] } : null;
  }
  const point = draftPoint(draft);
  return point ? { type: 'Point', coordinates: [point.lon, point.lat] } : null;
}

/** Only for a draft without problems (checkSite). */
export function siteInput(draft: SiteDraft): SiteInput {
  const ring = ringFromText(draft.polygonText);
  return {
    name: draft.name.trim(),
    type: draft.type,
    location:
      draft.locationKind === 'polygon' && ring
        ? { kind: 'polygon', polygon: { type: 'Polygon', coordinates: [ring] } }
        : { kind: 'point', lat: Number(draft.lat), lon: Number(draft.lon) },
    bufferKm: Number(draft.bufferKm),
    operatorOrgId: draft.operatorOrgId,
    guardOrgId: draft.guardOrgId,
    postureLevel: draft.postureLevel,
    notes: draft.notes.trim(),
    marking: draft.marking,
    releasableTo: releaseListFor(draft.marking, draft.releasableTo),
  };
}

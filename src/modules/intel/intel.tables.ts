/** Row types of the intelligence query tables (see the intel migration). Records live in `records`. */
export interface ThreatActorsTable {
  id: string;
  name: string;
  /** Lower-cased name: the list's sort key and the target of name searches. */
  name_folded: string;
  sophistication: string | null;
  primary_motivation: string | null;
  first_seen: string | null;
  last_seen: string | null;
}

export interface ThreatReportsTable {
  id: string;
  title: string;
  /** draft | published | revoked; drafts are read only by the originating organisation's editors. */
  status: string;
  valid_from: string;
  valid_until: string;
  target_type: string;
  source_reliability: string;
  information_credibility: number;
  language: string;
  /** Centre of the area (circle centre or polygon vertex mean) and its cells. */
  lat: number;
  lon: number;
  h3_r4: string;
  h3_r6: string;
  h3_r8: string;
  /** The circle's radius; null for a polygon. */
  radius_km: number | null;
  /** The area's bounding box, for "areas that meet this map view". */
  area_west: number;
  area_south: number;
  area_east: number;
  area_north: number;
}

export interface CorroborationsTable {
  id: string;
  /** The threat report or incident corroborated. */
  subject_id: string;
  kind: string;
  observed_at: string | null;
  lat: number | null;
  lon: number | null;
}

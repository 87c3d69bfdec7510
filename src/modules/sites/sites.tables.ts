/** Row types of the protected-site tables (see the protection migration). Records live in `records`. */
export interface SitesTable {
  id: string;
  name: string;
  /** Lower-cased name: the list's sort key. */
  name_folded: string;
  /** hydropower | road | port | power | sez | border_crossing | camp | office */
  site_type: string;
  /** The point, or the centre of the polygon (mean of its vertices), and its cells. */
  lat: number;
  lon: number;
  h3_r4: string;
  h3_r6: string;
  h3_r8: string;
  /** GeoJSON Polygon as text, or null for a point site. */
  polygon: string | null;
  buffer_km: number;
  operator_org_id: string;
  guard_org_id: string;
  /** normal | heightened | high | critical */
  posture_level: string;
  /** The latest day's people on site (all nationalities), and that day; null before the first count. */
  people_total: number | null;
  people_day: string | null;
}

/** People on site per day and nationality; every day is kept (history). */
export interface SiteHeadcountsTable {
  site_id: string;
  /** YYYY-MM-DD */
  day: string;
  /** ISO 3166-1 alpha-2, or 'XX' for other or unknown. */
  nationality: string;
  count: number;
  recorded_at: string;
  recorded_by_user: string;
}

/**
 * Emergency contacts: personal data. Never in the record body (so never in a
 * list, search, history or federation); read only by the operator and guard
 * organisations, each read audited.
 */
export interface SiteContactsTable {
  site_id: string;
  position: number;
  name: string;
  role: string;
  phone: string;
  email: string | null;
}

/** Row types of the movement tables (see the protection migration). Records live in `records`. */
export interface MovementsTable {
  id: string;
  title: string;
  /**
   * draft | submitted | approved | rejected | returned | escort_assigned |
   * in_transit | arrived | closed | cancelled | overdue | incident
   */
  state: string;
  requester_org_id: string;
  requested_by_user: string;
  origin_site_id: string | null;
  origin_name: string;
  origin_lat: number;
  origin_lon: number;
  destination_site_id: string | null;
  destination_name: string;
  destination_lat: number;
  destination_lon: number;
  planned_departure: string;
  planned_arrival: string;
  /** Half-width of the route corridor that alerts and risk look in. */
  corridor_km: number;
  checkin_interval_minutes: number;
  /** 0–100 and low | medium | high | critical; null until first assessed. */
  risk_score: number | null;
  risk_level: string | null;
  /** 1 when a person set the level by hand (with a reason, in the transitions). */
  risk_overridden: number;
  escort_org_id: string | null;
  last_checkin_at: string | null;
  last_lat: number | null;
  last_lon: number | null;
  /** The route's bounding box, for "movements in this map view". */
  route_west: number;
  route_south: number;
  route_east: number;
  route_north: number;
  updated_at: string;
}

/** Every state change, in order: who, when, why. */
export interface MovementTransitionsTable {
  movement_id: string;
  seq: number;
  from_state: string;
  to_state: string;
  at: string;
  by_user: string;
  by_org: string;
  reason: string | null;
}

/** Approvals given (a critical movement needs two different approvers). */
export interface MovementApprovalsTable {
  movement_id: string;
  approver_user_id: string;
  approved_at: string;
}

/**
 * Check-ins from the field. The client generates `client_id`, so a device
 * that replays its offline queue creates nothing twice. `duress` is never
 * shown to the field page.
 */
export interface MovementCheckinsTable {
  movement_id: string;
  client_id: string;
  /** When the device recorded it; `received_at` is when the node got it. */
  recorded_at: string;
  received_at: string;
  lat: number;
  lon: number;
  /** waypoint | interval | arrival | manual */
  kind: string;
  duress: number;
  by_user: string;
  note: string | null;
}

/**
 * A named passenger manifest: personal data. Never in the record body; read
 * only by the requester and escort organisations, each read audited.
 */
export interface MovementManifestTable {
  movement_id: string;
  position: number;
  full_name: string;
  nationality: string;
  role: string;
  document_number: string | null;
}

/**
 * The escort's codes (migration 1615), as scrypt hashes: a check-in carries
 * one of them; the duress code is accepted like the other and raises L3.
 */
export interface MovementCodesTable {
  movement_id: string;
  checkin_hash: string;
  duress_hash: string;
  set_at: string;
  set_by_user: string;
}

/**
 * The last risk assessment (migration 1615). `contributors` is a JSON array
 * of RiskContributor (risk.ts); each is shown only to readers of its record.
 */
export interface MovementRiskTable {
  movement_id: string;
  assessed_at: string;
  assessed_by_user: string;
  score: number;
  computed_level: string;
  contributors: string;
  override_level: string | null;
  override_reason: string | null;
  overridden_by_user: string | null;
  overridden_at: string | null;
}

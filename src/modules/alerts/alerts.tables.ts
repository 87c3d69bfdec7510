/**
 * Geofenced alerts: a threat report or incident (the trigger) that touches a
 * site or a movement (the subject), with CAP 1.2 fields. Who sees an alert is
 * decided when it is read or pushed: its recipient organisations, and only
 * users who may read both the trigger and the subject now.
 */
export interface AlertsTable {
  id: string;
  trigger_id: string;
  /** 'incident' | 'threat-report' */
  trigger_type: string;
  /** The trigger version that raised it: one alert per trigger version and subject. */
  trigger_modified: string;
  subject_id: string;
  /** 'site' | 'movement' */
  subject_type: string;
  /** CAP 1.2: Extreme | Severe | Moderate | Minor | Unknown */
  severity: string;
  /** CAP 1.2: Immediate | Expected | Future | Past | Unknown */
  urgency: string;
  /** CAP 1.2: Observed | Likely | Possible | Unlikely | Unknown */
  certainty: string;
  headline: string;
  instruction: string;
  /** JSON: the CAP area (a description and a circle or polygon). */
  area: string;
  distance_km: number;
  created_at: string;
  acknowledged_at: string | null;
  acknowledged_by_user: string | null;
  /** 0 until an unacknowledged alert escalates; then 1, 2. */
  escalation_level: number;
  escalated_at: string | null;
}

export interface AlertRecipientsTable {
  alert_id: string;
  org_id: string;
}

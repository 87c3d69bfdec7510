/** Row type of the incidents query table (see the incidents migration). */
export interface IncidentsTable {
  id: string;
  event_date: string;
  time_precision: number;
  event_type: string;
  sub_event_type: string;
  country: string;
  location: string;
  lat: number;
  lon: number;
  geo_precision: number;
  h3_r4: string;
  h3_r6: string;
  h3_r8: string;
  fatalities: number | null;
  injured: number | null;
  site_id: string | null;
  movement_id: string | null;
  language: string;
  /** Copies of the record's sharing columns (records is the source; both change in one transaction). */
  created_by: string;
  created_by_user: string | null;
  marking: string;
  marking_valid: number;
  revoked: number;
}

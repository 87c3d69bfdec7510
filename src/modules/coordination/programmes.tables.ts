/**
 * Row type of the programmes query table (see the programmes migration). The
 * programme itself — sharing fields, milestones, details — lives in
 * `records`; this row holds what the programme board filters and sorts by.
 */
export interface ProgrammesTable {
  id: string;
  decision_id: string;
  /** Copied from the decision and its meeting, which never move: the board filters by group without joins. */
  meeting_id: string;
  working_group_id: string;
  title: string;
  /** equipment_transfer | training | exchange | border_cooperation */
  kind: string;
  /** planned | in_progress | completed | suspended | cancelled */
  status: string;
  lead_org_id: string;
  /** ISO date (YYYY-MM-DD): text order is date order. */
  start_date: string;
  end_date: string | null;
}

/**
 * Row types of the coordination query tables (see the coordination
 * migration). The records themselves — sharing fields and the full current
 * body — live in `records`; these rows hold what lists filter and sort by.
 */
export interface WorkingGroupsTable {
  id: string;
  name: string;
  /** Lower-cased name: the list's sort key. */
  name_folded: string;
  chair_org_id: string;
  secretary_org_id: string;
}

export interface MeetingsTable {
  id: string;
  working_group_id: string;
  /** ISO date (YYYY-MM-DD): text order is date order. */
  meeting_date: string;
  place: string;
}

export interface DecisionsTable {
  id: string;
  meeting_id: string;
  /** Copied from the meeting, which never changes group, so decisions list by group without a join. */
  working_group_id: string;
}

export interface ActionItemsTable {
  id: string;
  decision_id: string;
  /** Copied from the decision and its meeting: the tracker filters across groups without joins. */
  meeting_id: string;
  working_group_id: string;
  title: string;
  owner_org_id: string;
  /** ISO date (YYYY-MM-DD). */
  due_date: string;
  /** open | in_progress | blocked | done | dropped */
  status: string;
}

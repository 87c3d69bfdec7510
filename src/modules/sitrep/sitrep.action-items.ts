/**
 * The coordination section: action items the reader may read that are
 * overdue on the report's day (due before it, neither done nor dropped, by
 * their current status). Reads through the action-item repository's read
 * filter and asks canRead again of every row. Owners are named by their
 * organisation's name, as in the people directory; the item's working group
 * is named by id only, since the reader may not be allowed to read it.
 */
import { canRead, readScope } from '../../core/policy/index.js';
import {
  listActionItems,
  type ActionItemWithRecord,
} from '../coordination/action-items.repository.js';
import { findOrganisation } from '../identity/organisations.repository.js';
import { toShareable } from '../records/records.repository.js';
import { presentOverdueActionItem, type SitrepOverdueActionItem } from './sitrep.presenter.js';
import {
  capped,
  highestMarking,
  MAX_LISTED,
  type SitrepContext,
  type SitrepPrinter,
  type SitrepSection,
} from './sitrep.section.js';
import { wordFor } from './sitrep.texts.js';

const PAGE = 500;

export interface SitrepActionItems {
  overdue: SitrepOverdueActionItem[];
  total: number;
  highestMarking: string;
}

async function overdueOnDay({ deps, reader, day }: SitrepContext) {
  const scope = readScope(reader);
  const kept: ActionItemWithRecord[] = [];
  let after: string[] | undefined;
  for (;;) {
    const rows = await listActionItems(
      deps.db,
      scope,
      { overdue: { is: true, today: day.date } },
      { limit: PAGE, after },
    );
    for (const row of rows) if (canRead(reader, toShareable(row.record))) kept.push(row);
    const last = rows.at(-1);
    if (rows.length < PAGE || !last) return kept;
    after = [last.due_date, last.id];
  }
}

async function collectActionItems(context: SitrepContext): Promise<SitrepActionItems> {
  const rows = (await overdueOnDay(context)).sort(
    (a, b) => a.due_date.localeCompare(b.due_date) || a.id.localeCompare(b.id),
  );
  const listed = capped(rows, MAX_LISTED);
  const owners = new Map<string, { id: string; name: string }>();
  for (const row of listed.items) {
    if (owners.has(row.owner_org_id)) continue;
    const org = await findOrganisation(context.deps.db, row.owner_org_id);
    owners.set(row.owner_org_id, { id: row.owner_org_id, name: org?.name ?? '' });
  }
  return {
    overdue: listed.items.map((row) =>
      presentOverdueActionItem(
        row,
        owners.get(row.owner_org_id) ?? { id: row.owner_org_id, name: '' },
        context.day.date,
      ),
    ),
    total: rows.length,
    highestMarking: highestMarking(rows.map((row) => row.record.marking)),
  };
}

function printActionItems(value: SitrepActionItems, out: SitrepPrinter): void {
  const t = out.texts.actionItems;
  out.heading(t.title);
  if (value.total === 0) {
    out.emptyState(t.empty);
    return;
  }
  const c = t.columns;
  out.table(
    [
      { label: c.action, width: 0.4 },
      { label: c.owner, width: 0.24 },
      { label: c.due, width: 0.13 },
      { label: c.overdue, width: 0.1, align: 'end' },
      { label: c.status, width: 0.13 },
    ],
    value.overdue.map((item) => ({
      cells: [
        item.title,
        item.ownerOrg.name || item.ownerOrg.id,
        item.dueDate,
        String(item.daysOverdue),
        wordFor(out.texts.statuses, item.status),
      ],
      marking: item.marking,
    })),
  );
  if (value.total > value.overdue.length) out.note(t.truncated(value.overdue.length, value.total));
}

export const actionItemsSection: SitrepSection<'actionItems', SitrepActionItems> = {
  key: 'actionItems',
  sources: ['action-items'],
  collect: collectActionItems,
  counts: (value) => ({ overdueActionItems: value.total }),
  print: printActionItems,
};

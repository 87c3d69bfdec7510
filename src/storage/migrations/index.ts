import * as currentVersionInRecords from './2026-11-28T1430-current-version-in-records.js';
import * as identityAndAudit from './2026-11-28T1200-identity-and-audit.js';
import * as records from './2026-11-28T1300-records.js';
import * as incidents from './2026-11-28T1310-incidents.js';
import * as partialLinkIndexes from './2026-11-28T1420-partial-link-indexes.js';
import * as search from './2026-11-28T1320-search.js';
import * as intel from './2026-11-28T1400-intel.js';
import * as threatReportBounds from './2026-11-28T1410-threat-report-bounds.js';
import * as coordination from './2026-11-28T1500-coordination.js';
import * as programmes from './2026-11-28T1510-programmes.js';
import * as attachments from './2026-11-28T1520-attachments.js';
import * as notifications from './2026-11-28T1530-notifications.js';
import * as recordChanges from './2026-11-28T1590-record-changes.js';
import * as protection from './2026-11-28T1600-protection.js';
import * as schedulerAndAlarms from './2026-11-28T1610-scheduler-and-alarms.js';
import * as alerts from './2026-11-28T1620-alerts.js';
import * as movementCodesAndRisk from './2026-11-28T1615-movement-codes-and-risk.js';
import * as webhooks from './2026-11-28T1635-webhooks.js';
import * as federation from './2026-11-28T1700-federation.js';
import * as searchRowMap from './2026-11-29T0900-search-row-map.js';
import * as pullLease from './2026-11-29T0910-pull-lease.js';

/** Every migration, in order. Add new ones at the end with a later timestamp. */
export const MIGRATIONS = {
  '2026-11-28T1200-identity-and-audit': identityAndAudit,
  '2026-11-28T1300-records': records,
  '2026-11-28T1310-incidents': incidents,
  '2026-11-28T1320-search': search,
  '2026-11-28T1400-intel': intel,
  '2026-11-28T1410-threat-report-bounds': threatReportBounds,
  '2026-11-28T1420-partial-link-indexes': partialLinkIndexes,
  '2026-11-28T1430-current-version-in-records': currentVersionInRecords,
  '2026-11-28T1500-coordination': coordination,
  '2026-11-28T1510-programmes': programmes,
  '2026-11-28T1520-attachments': attachments,
  '2026-11-28T1530-notifications': notifications,
  '2026-11-28T1590-record-changes': recordChanges,
  '2026-11-28T1600-protection': protection,
  '2026-11-28T1610-scheduler-and-alarms': schedulerAndAlarms,
  '2026-11-28T1620-alerts': alerts,
  // Registered after 1620 because it was written later; Kysely runs them in name order.
  '2026-11-28T1615-movement-codes-and-risk': movementCodesAndRisk,
  '2026-11-28T1635-webhooks': webhooks,
  '2026-11-28T1700-federation': federation,
  '2026-11-29T0900-search-row-map': searchRowMap,
  '2026-11-29T0910-pull-lease': pullLease,
};

/**
 * The whole database as Kysely sees it. Each module owns the row types of its
 * tables (`<module>.tables.ts`); this file only puts them together.
 */
import type { AlarmsTable } from '../modules/alarms/alarms.tables.js';
import type { AlertRecipientsTable, AlertsTable } from '../modules/alerts/alerts.tables.js';
import type { WebhookDeliveriesTable, WebhooksTable } from '../modules/webhooks/webhooks.tables.js';
import type {
  NodeIdentityTable,
  PeerNoncesTable,
  PeerOrganisationsTable,
  PeersTable,
  PeerSyncTable,
  StixObjectsTable,
  TaxiiCollectionsTable,
  TaxiiStatusesTable,
} from '../modules/federation/federation.tables.js';
import type { GeofenceCellsTable } from '../modules/geofences/geofences.tables.js';
import type {
  MovementApprovalsTable,
  MovementCheckinsTable,
  MovementCodesTable,
  MovementRiskTable,
  MovementManifestTable,
  MovementsTable,
  MovementTransitionsTable,
} from '../modules/movements/movements.tables.js';
import type { DeadlinesTable } from '../modules/scheduler/scheduler.tables.js';
import type {
  SiteContactsTable,
  SiteHeadcountsTable,
  SitesTable,
} from '../modules/sites/sites.tables.js';
import type { AttachmentsTable } from '../modules/attachments/attachments.tables.js';
import type { AuditHeadTable, AuditLogTable } from '../modules/audit/audit.tables.js';
import type {
  ActionItemsTable,
  DecisionsTable,
  MeetingsTable,
  WorkingGroupsTable,
} from '../modules/coordination/coordination.tables.js';
import type { ProgrammesTable } from '../modules/coordination/programmes.tables.js';
import type {
  NotificationReadsTable,
  NotificationsTable,
} from '../modules/notifications/notifications.tables.js';
import type { IncidentsTable } from '../modules/incidents/incidents.tables.js';
import type {
  CorroborationsTable,
  ThreatActorsTable,
  ThreatReportsTable,
} from '../modules/intel/intel.tables.js';
import type {
  ApiTokensTable,
  AuthThrottleTable,
  BootstrapTokensTable,
  NodeSettingsTable,
  OrganisationsTable,
  SessionsTable,
  UsersTable,
} from '../modules/identity/identity.tables.js';
import type {
  RecordChangesTable,
  RecordReleasesTable,
  RecordSearchTable,
  RecordsTable,
  RecordVersionsTable,
} from '../modules/records/records.tables.js';

export interface Database {
  node_settings: NodeSettingsTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  auth_throttle: AuthThrottleTable;
  bootstrap_tokens: BootstrapTokensTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  records: RecordsTable;
  record_releases: RecordReleasesTable;
  record_versions: RecordVersionsTable;
  record_search: RecordSearchTable;
  record_changes: RecordChangesTable;
  incidents: IncidentsTable;
  threat_actors: ThreatActorsTable;
  threat_reports: ThreatReportsTable;
  corroborations: CorroborationsTable;
  working_groups: WorkingGroupsTable;
  meetings: MeetingsTable;
  decisions: DecisionsTable;
  action_items: ActionItemsTable;
  programmes: ProgrammesTable;
  attachments: AttachmentsTable;
  notifications: NotificationsTable;
  notification_reads: NotificationReadsTable;
  sites: SitesTable;
  site_headcounts: SiteHeadcountsTable;
  site_contacts: SiteContactsTable;
  movements: MovementsTable;
  movement_transitions: MovementTransitionsTable;
  movement_approvals: MovementApprovalsTable;
  movement_checkins: MovementCheckinsTable;
  movement_manifest: MovementManifestTable;
  movement_codes: MovementCodesTable;
  movement_risk: MovementRiskTable;
  geofence_cells: GeofenceCellsTable;
  deadlines: DeadlinesTable;
  alarms: AlarmsTable;
  alerts: AlertsTable;
  alert_recipients: AlertRecipientsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  node_identity: NodeIdentityTable;
  peers: PeersTable;
  peer_organisations: PeerOrganisationsTable;
  peer_sync: PeerSyncTable;
  peer_nonces: PeerNoncesTable;
  taxii_collections: TaxiiCollectionsTable;
  stix_objects: StixObjectsTable;
  taxii_statuses: TaxiiStatusesTable;
}

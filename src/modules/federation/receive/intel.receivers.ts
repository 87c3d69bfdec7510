/**
 * Received incidents, threat reports, threat actors and corroborations: each
 * body through its module's schema, then the module's own body, search text
 * and query row. Owns only the mapping from a received version to those
 * functions; must never check what only an author is asked (which actors a
 * report names, whether a corroborated subject is open): the originator did.
 */
import { z } from 'zod';
import { fail, ok } from '../../../core/result.js';
import { REPORT_STATUSES } from '../../../core/vocabulary/intel.js';
import { INCIDENT_COLUMNS, incidentValues } from '../../incidents/incidents.bulk.repository.js';
import { saveIncidentRow } from '../../incidents/incidents.repository.js';
import { incidentInputSchema } from '../../incidents/incidents.schema.js';
import {
  incidentBody,
  incidentRow,
  incidentSearchText,
  incidentSharingOf,
} from '../../incidents/incidents.service.js';
import { saveThreatActorRow } from '../../intel/actors.repository.js';
import { actorRow, actorSearchText } from '../../intel/actors.service.js';
import { saveCorroborationRow } from '../../intel/corroborations.repository.js';
import { corroborationRow } from '../../intel/corroborations.service.js';
import { bodyOf } from '../../intel/intel.records.js';
import {
  corroborationInputSchema,
  threatActorInputSchema,
  threatReportInputSchema,
} from '../../intel/intel.schema.js';
import { reportRow } from '../../intel/reports.area.js';
import { saveThreatReportRow } from '../../intel/reports.repository.js';
import { reportBody, reportSearchText } from '../../intel/reports.write.service.js';
import {
  independentType,
  parseReceived,
  parseReceivedBody,
  type ReceivedType,
} from './received-version.js';

const receiveIncident = independentType((version) => {
  const input = parseReceivedBody(incidentInputSchema, version);
  if (!input.ok) return input;
  return ok({
    body: incidentBody(input.value),
    searchText: incidentSearchText(input.value),
    // The row copies the stored version's sharing columns, revocation included.
    saveRows: (trx, record) =>
      saveIncidentRow(trx, incidentRow(record.id, input.value, incidentSharingOf(record))),
    newRows: (record) => [
      {
        table: 'incidents',
        columns: INCIDENT_COLUMNS,
        values: incidentValues(incidentRow(record.id, input.value, incidentSharingOf(record))),
      },
    ],
  });
});

/** The report's lifecycle as its body carries it (reports.lifecycle.service.ts writes both). */
const reportLifecycleSchema = z.object({
  status: z.enum(REPORT_STATUSES),
  publishedAt: z.iso.datetime().optional(),
});

const receiveThreatReport = independentType((version) => {
  const input = parseReceivedBody(threatReportInputSchema, version);
  if (!input.ok) return input;
  const lifecycle = parseReceived(reportLifecycleSchema, version.body);
  if (!lifecycle.ok) return lifecycle;
  const { status, publishedAt } = lifecycle.value;
  // Revoking is the one step to 'revoked', and it sets both: one without the other is no report's version.
  if ((status === 'revoked') !== version.revoked) {
    return fail('body_invalid: status: does not agree with the version’s revocation');
  }
  const body = reportBody(input.value, status, publishedAt);
  return ok({
    body,
    searchText: reportSearchText(body),
    saveRows: (trx, record) => saveThreatReportRow(trx, reportRow(record.id, input.value, status)),
  });
});

const receiveThreatActor = independentType((version) => {
  const input = parseReceivedBody(threatActorInputSchema, version);
  if (!input.ok) return input;
  return ok({
    body: bodyOf(input.value),
    searchText: actorSearchText(input.value),
    saveRows: (trx, record) => saveThreatActorRow(trx, actorRow(record.id, input.value)),
  });
});

const receiveCorroboration = independentType((version) => {
  const input = parseReceivedBody(corroborationInputSchema, version);
  if (!input.ok) return input;
  return ok({
    body: bodyOf(input.value),
    // As corroborations.service.ts: no search text, which would check its marking and not its subject's.
    searchText: undefined,
    saveRows: (trx, record) => saveCorroborationRow(trx, corroborationRow(record.id, input.value)),
  });
});

export const INTEL_TYPES = {
  incident: receiveIncident,
  'threat-report': receiveThreatReport,
  'threat-actor': receiveThreatActor,
  corroboration: receiveCorroboration,
} as const satisfies Record<string, ReceivedType>;

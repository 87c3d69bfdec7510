/**
 * An alert as a CAP 1.2 message (OASIS Common Alerting Protocol, namespace
 * urn:oasis:names:tc:emergency:cap:1.2), for other alerting systems. The
 * elements follow the schema's order (alert: identifier, sender, sent,
 * status, msgType, scope, restriction, info; info: language, category, event,
 * urgency, severity, certainty, headline, description, instruction, area;
 * area: areaDesc, polygon, circle). The scope is Restricted and the
 * restriction names the TLP marking the alert travels under.
 *
 * Built only from a VisibleAlert: the description names fields of records
 * the reader was just allowed to read, and nothing else.
 */
import { parseBody } from '../intel/intel.records.js';
import type { RecordRow } from '../records/records.repository.js';
import { alertMarking, parseArea, subjectName, triggerTitle } from './alerts.presenter.js';
import type { VisibleAlert } from './alerts.visibility.js';

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';
/** CAP is XML; application/cap+xml is not registered with IANA, so plain XML is the safe type. */
export const CAP_CONTENT_TYPE = 'application/xml; charset=utf-8';
const MAX_DESCRIPTION_CHARS = 4_000;

/** XML text or attribute content: escaped, and without the characters XML 1.0 forbids. */
export function xmlEscape(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** CAP's dateTime: "2026-11-28T09:00:00+00:00", no fractional seconds, offset spelled out. */
export function capDateTime(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19)}+00:00`;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

function incidentDescription(trigger: RecordRow): string[] {
  const body = parseBody(trigger.body);
  const fatalities = (body.fatalities as { total?: unknown } | undefined)?.total;
  return [
    `${triggerTitle(trigger)}.`,
    text(body.eventType) && `Event type: ${text(body.eventType)}.`,
    typeof fatalities === 'number' ? `Fatalities: ${fatalities}.` : '',
    text(body.narrative),
  ];
}

function threatDescription(trigger: RecordRow): string[] {
  const body = parseBody(trigger.body);
  return [
    `Threat report: ${text(body.title)}.`,
    `Valid from ${text(body.validFrom)} until ${text(body.validUntil)}.`,
    `Target: ${text(body.targetType)}; grading ${text(body.sourceReliability)}${typeof body.informationCredibility === 'number' ? body.informationCredibility : ''}.`,
    text(body.narrative),
  ];
}

export function capDescription(alert: VisibleAlert): string {
  const { trigger, subject } = alert;
  const lines = [
    ...(trigger.type === 'incident' ? incidentDescription(trigger) : threatDescription(trigger)),
    `Affects ${subject.type === 'site' ? 'the site' : 'the movement'} “${subjectName(subject)}” (${subject.id}).`,
  ].filter((line) => line !== '');
  const description = lines.join('\n');
  return description.length > MAX_DESCRIPTION_CHARS
    ? `${description.slice(0, MAX_DESCRIPTION_CHARS - 1)}…`
    : description;
}

const element = (name: string, value: string, indent: string) =>
  `${indent}<${name}>${xmlEscape(value)}</${name}>`;

/** The CAP 1.2 message; `sender` identifies this node (no spaces, commas or angle brackets). */
export function renderCapXml(alert: VisibleAlert, sender: string): string {
  const { row } = alert;
  const marking = alertMarking(alert.trigger, alert.subject);
  const area = parseArea(row.area);
  const event = row.trigger_type === 'incident' ? 'Security incident' : 'Security threat';
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<alert xmlns="${CAP_NAMESPACE}">`,
    element('identifier', row.id, '  '),
    element('sender', sender, '  '),
    element('sent', capDateTime(row.created_at), '  '),
    element('status', 'Actual', '  '),
    element('msgType', 'Alert', '  '),
    element('scope', 'Restricted', '  '),
    element(
      'restriction',
      `${marking}: share only as the Traffic Light Protocol marking allows`,
      '  ',
    ),
    '  <info>',
    element('language', 'en', '    '),
    element('category', 'Security', '    '),
    element('event', event, '    '),
    element('urgency', row.urgency, '    '),
    element('severity', row.severity, '    '),
    element('certainty', row.certainty, '    '),
    element('headline', row.headline, '    '),
    element('description', capDescription(alert), '    '),
    element('instruction', row.instruction, '    '),
    '    <area>',
    element('areaDesc', area.areaDesc, '      '),
    ...(area.polygon === undefined ? [] : [element('polygon', area.polygon, '      ')]),
    ...(area.circle === undefined ? [] : [element('circle', area.circle, '      ')]),
    '    </area>',
    '  </info>',
    '</alert>',
  ];
  return `${lines.join('\n')}\n`;
}

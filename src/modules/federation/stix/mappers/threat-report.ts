/**
 * A threat report as a STIX `report` (report_types threat-report): title,
 * narrative, language, publication time and threat actors (object_refs) as
 * STIX's own properties; information credibility as `confidence` by the
 * Admiralty Credibility table of the STIX 2.1 specification (appendix
 * "Confidence scales"; 6, truth cannot be judged, is no confidence at all);
 * source reliability and whatever else STIX lacks (status, target type,
 * area, validity, modus operandi) in the Tandem intel extension. Derived for
 * generic consumers: a `location` for the area (a circle's radius as the
 * location's precision in metres; a polygon's centre, precision out to its
 * farthest vertex), `report located-at location`, and `actor targets
 * location` for each threat actor.
 *
 * `published` is required by STIX; a draft (never sent to peers by the
 * policy, but mappable) carries its creation time there, and only a report
 * whose status is past draft reads `published` back as its publication time.
 */
import { z } from 'zod';
import { haversineKm } from '../../../../core/geo/index.js';
import { fail, ok, type Result } from '../../../../core/result.js';
import { REPORT_STATUSES } from '../../../../core/vocabulary/intel.js';
import { areaSchema, threatReportInputSchema } from '../../../intel/intel.schema.js';
import { areaCentre } from '../../../intel/reports.area.js';
import type { RecordRow } from '../../../records/records.repository.js';
import {
  bodyOfRow,
  derivedObject,
  derivedRelationship,
  neverThrows,
  parseModuleBody,
  primaryObject,
  propertyExtension,
  readEnvelope,
  reasonOf,
  receivedVersion,
  stixTimestamp,
} from '../envelope.js';
import { fromStixProperties, toStixProperties } from '../property-names.js';
import { stixIdOf } from '../stix-ids.js';
import { TANDEM_EXTENSIONS, type StixMapper, type StixObject } from '../stix.types.js';

const RECORD_TYPE = 'threat-report';
const STIX_TYPE = 'report';

/** Admiralty information credibility → STIX confidence (STIX 2.1, appendix A). */
const CONFIDENCE_OF_CREDIBILITY: Readonly<Record<number, number>> = {
  1: 90,
  2: 70,
  3: 50,
  4: 30,
  5: 10,
};

/** STIX confidence → Admiralty credibility, by the same table's ranges; none → 6. */
export function credibilityOf(confidence: unknown): Result<number, string> {
  if (confidence === undefined) return ok(6);
  if (typeof confidence !== 'number' || !Number.isInteger(confidence)) {
    return fail('confidence is not an integer');
  }
  if (confidence < 0 || confidence > 100) return fail('confidence is not within 0–100');
  if (confidence >= 80) return ok(1);
  if (confidence >= 60) return ok(2);
  if (confidence >= 40) return ok(3);
  if (confidence >= 20) return ok(4);
  return ok(5);
}

export function confidenceOf(credibility: unknown): number | undefined {
  return typeof credibility === 'number' ? CONFIDENCE_OF_CREDIBILITY[credibility] : undefined;
}

function areaLocation(area: unknown, name: string): Record<string, unknown> | undefined {
  const parsed = areaSchema.safeParse(area);
  if (!parsed.success) return undefined;
  const centre = areaCentre(parsed.data);
  const radiusKm =
    parsed.data.kind === 'circle'
      ? parsed.data.radiusKm
      : Math.max(
          0,
          ...(parsed.data.polygon.coordinates[0] ?? []).map(([lon, lat]) =>
            haversineKm(centre, { lat, lon }),
          ),
        );
  return {
    name,
    latitude: centre.lat,
    longitude: centre.lon,
    precision: Math.round(radiusKm * 1000),
  };
}

const stringsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

function toStix(row: RecordRow): StixObject[] {
  const body = bodyOfRow(row);
  const {
    title,
    narrative,
    language,
    threatActorIds,
    informationCredibility,
    publishedAt,
    ...rest
  } = body;
  const primaryId = stixIdOf(row.id, STIX_TYPE);
  const name = typeof title === 'string' ? title : '';
  const actors = stringsOf(threatActorIds);
  const place = areaLocation(rest.area, `Area of: ${name}`);
  const derived: StixObject[] = [];
  if (place !== undefined) {
    const location = derivedObject(row, primaryId, 'location', 'area', place);
    derived.push(
      location,
      derivedRelationship(row, primaryId, 'located-at', location.id, primaryId),
      ...actors.map((actor) => derivedRelationship(row, actor, 'targets', location.id, primaryId)),
    );
  }
  const confidence = confidenceOf(informationCredibility);
  const primary = primaryObject(
    row,
    STIX_TYPE,
    {
      name,
      ...(typeof narrative === 'string' && narrative !== '' ? { description: narrative } : {}),
      ...(typeof language === 'string' ? { lang: language } : {}),
      report_types: ['threat-report'],
      published: typeof publishedAt === 'string' ? publishedAt : row.created,
      // STIX requires at least one ref; the area's location is always there for a valid report.
      object_refs: [...actors, ...derived.map((object) => object.id)],
      ...(confidence === undefined ? {} : { confidence }),
    },
    {
      [TANDEM_EXTENSIONS.intel]: {
        extension_type: 'property-extension',
        ...toStixProperties(rest),
      },
    },
  );
  return [primary, ...derived];
}

const reportFields = z.object({
  report_types: z.array(z.string()).refine((types) => types.includes('threat-report'), {
    message: 'does not include threat-report',
  }),
  published: stixTimestamp,
  object_refs: z.array(z.string()).min(1),
});
const statusFields = z.object({
  status: z.enum(REPORT_STATUSES),
});

function fromStix(primary: StixObject) {
  return neverThrows(() => {
    const envelope = readEnvelope(primary, RECORD_TYPE, [STIX_TYPE]);
    if (!envelope.ok) return envelope;
    const report = reportFields.safeParse(primary);
    if (!report.success) return fail(reasonOf(report.error));
    const properties = propertyExtension(primary, TANDEM_EXTENSIONS.intel);
    if (properties === undefined) return fail('no Tandem intel extension');
    const fields = fromStixProperties(properties);
    const status = statusFields.safeParse(fields);
    if (!status.success) return fail(reasonOf(status.error, 'intel extension: '));
    const credibility = credibilityOf(primary.confidence);
    if (!credibility.ok) return credibility;
    const actors = [
      ...new Set(report.data.object_refs.filter((ref) => ref.startsWith('threat-actor--'))),
    ];
    const body = parseModuleBody(
      threatReportInputSchema,
      {
        ...fields,
        title: primary.name,
        narrative: primary.description,
        language: primary.lang,
        threatActorIds: actors,
        informationCredibility: credibility.value,
      },
      envelope.value,
    );
    if (!body.ok) return body;
    const published = status.data.status === 'draft' ? {} : { publishedAt: report.data.published };
    return ok(
      receivedVersion(envelope.value, RECORD_TYPE, {
        ...body.value,
        status: status.data.status,
        ...published,
      }),
    );
  });
}

export const threatReportMapper: StixMapper = {
  recordType: RECORD_TYPE,
  stixType: STIX_TYPE,
  toStix,
  fromStix,
};

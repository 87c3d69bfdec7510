/** The list query of threat reports: filters and paging as the API accepts them. */
import { z } from 'zod';
import { TLP_MARKINGS } from '../../core/policy/types.js';
import {
  INFORMATION_CREDIBILITY,
  MAX_AREA_RADIUS_KM,
  REPORT_STATUSES,
  SOURCE_RELIABILITY,
  TARGET_TYPES,
} from '../../core/vocabulary/intel.js';

/** `A,B` -> ['A', 'B']: a short list in one query parameter. */
const commaList = z
  .string()
  .max(50)
  .transform((s) => s.split(',').map((part) => part.trim()));

/** A day means its start for `from` and its end for `to`, so a date bound includes that day. */
const bound = (endOfDay: boolean) =>
  z.union([
    z.iso.datetime({ offset: true }).transform((t) => new Date(t).toISOString()),
    z.iso.date().transform((d) => `${d}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z`),
  ]);

const filterFields = {
  /** Words that must all appear in the title, narrative or modus operandi (any language). */
  q: z.string().trim().max(200).optional(),
  status: z.enum(REPORT_STATUSES).optional(),
  /** Reports valid at some time in [from, to]. */
  from: bound(false).optional(),
  to: bound(true).optional(),
  sourceReliability: commaList.pipe(z.array(z.enum(SOURCE_RELIABILITY)).min(1)).optional(),
  informationCredibility: commaList
    .transform((parts) => parts.map(Number))
    .pipe(z.array(z.union(INFORMATION_CREDIBILITY.map((n) => z.literal(n)))).min(1))
    .optional(),
  targetType: z.enum(TARGET_TYPES).optional(),
  orgId: z
    .string()
    .regex(/^identity--[0-9a-f-]{36}$/)
    .optional(),
  marking: z.enum(TLP_MARKINGS).optional(),
};

const datesInOrder = (q: { from?: string | undefined; to?: string | undefined }) =>
  q.from === undefined || q.to === undefined || q.from <= q.to;
const datesMessage = { message: 'must not be before from', path: ['to'] };

export const reportListQuerySchema = z
  .object({
    ...filterFields,
    /** Reports whose area centre lies within radiusKm of (lat, lon). */
    lat: z.coerce.number().min(-90).max(90).optional(),
    lon: z.coerce.number().min(-180).max(180).optional(),
    radiusKm: z.coerce.number().positive().max(MAX_AREA_RADIUS_KM).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(500).optional(),
  })
  .refine(datesInOrder, datesMessage)
  .refine(
    (q) =>
      [q.lat, q.lon, q.radiusKm].every((v) => v === undefined) ||
      [q.lat, q.lon, q.radiusKm].every((v) => v !== undefined),
    { message: 'give lat, lon and radiusKm together', path: ['radiusKm'] },
  );
export type ReportListQuery = z.infer<typeof reportListQuerySchema>;

/** The filters of an export: the list's, without paging. */
export const reportExportQuerySchema = z.object(filterFields).refine(datesInOrder, datesMessage);

/** The most areas one map view returns; the answer says when there were more. */
export const MAX_MAP_AREAS = 2_000;

/** Reports whose area meets a map view (west < east: a view across 180° is asked as two). */
export const reportMapQuerySchema = z
  .object({
    ...filterFields,
    west: z.coerce.number().min(-180).max(180),
    south: z.coerce.number().min(-90).max(90),
    east: z.coerce.number().min(-180).max(180),
    north: z.coerce.number().min(-90).max(90),
  })
  .refine(datesInOrder, datesMessage)
  .refine((q) => q.south < q.north, { message: 'south must be less than north', path: ['north'] })
  .refine((q) => q.west < q.east, {
    message: 'west must be less than east (split a view that crosses 180°)',
    path: ['east'],
  });
export type ReportMapQuery = z.infer<typeof reportMapQuerySchema>;

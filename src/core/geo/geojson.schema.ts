/**
 * zod schemas for geometry arriving at Tandem's boundaries: GeoJSON Point,
 * LineString and Polygon (positions are [longitude, latitude], as RFC 7946
 * says), `{ lat, lon }` objects and map-view bounds. Each problem gets its own
 * message and path, so a client can show the user what to fix.
 *
 * Owns: input validation for geometry. Must never: compute cells or distances.
 */
import { z } from 'zod';

/** Most vertices one geometry may carry (all rings of a polygon together). */
export const MAX_VERTICES = 5_000;

const longitude = z
  .number('longitude must be a number')
  .min(-180, 'longitude must be between -180 and 180 (GeoJSON positions are [longitude, latitude])')
  .max(180, 'longitude must be between -180 and 180 (GeoJSON positions are [longitude, latitude])');
const latitude = z
  .number('latitude must be a number')
  .min(-90, 'latitude must be between -90 and 90 (GeoJSON positions are [longitude, latitude])')
  .max(90, 'latitude must be between -90 and 90 (GeoJSON positions are [longitude, latitude])');

/** [longitude, latitude] with an optional altitude, which Tandem ignores. */
export const positionSchema = z
  .tuple([longitude, latitude], z.number())
  .refine(
    (position) => position.length <= 3,
    'a position has at most 3 numbers: [longitude, latitude, altitude]',
  );
export type Position = z.infer<typeof positionSchema>;

export const geoJsonPointSchema = z.object({
  type: z.literal('Point'),
  coordinates: positionSchema,
});
export type GeoJsonPoint = z.infer<typeof geoJsonPointSchema>;

export const geoJsonLineStringSchema = z.object({
  type: z.literal('LineString'),
  coordinates: z
    .array(positionSchema)
    .min(2, 'a line needs at least 2 positions')
    .max(MAX_VERTICES, `a line may have at most ${MAX_VERTICES} positions`),
});
export type GeoJsonLineString = z.infer<typeof geoJsonLineStringSchema>;

const samePosition = (a: Position | undefined, b: Position | undefined): boolean =>
  a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];

const linearRing = z
  .array(positionSchema)
  .min(4, 'a polygon ring needs at least 4 positions (a triangle plus the closing position)')
  .refine(
    (ring) => samePosition(ring[0], ring[ring.length - 1]),
    'a polygon ring must be closed: its last position must equal its first',
  );

function longitudeSpan(rings: readonly Position[][]): number {
  let west = Infinity;
  let east = -Infinity;
  for (const ring of rings) {
    for (const position of ring) {
      west = Math.min(west, position[0]);
      east = Math.max(east, position[0]);
    }
  }
  return east - west;
}

export const geoJsonPolygonSchema = z.object({
  type: z.literal('Polygon'),
  coordinates: z
    .array(linearRing)
    .min(1, 'a polygon needs an outer ring')
    .refine(
      (rings) => rings.reduce((sum, ring) => sum + ring.length, 0) <= MAX_VERTICES,
      `a polygon may have at most ${MAX_VERTICES} positions across all its rings`,
    )
    .refine(
      (rings) => longitudeSpan(rings) <= 180,
      'a polygon may not span more than 180° of longitude; split one that crosses the antimeridian (RFC 7946 §3.1.9)',
    ),
});
export type GeoJsonPolygon = z.infer<typeof geoJsonPolygonSchema>;

export const geoJsonGeometrySchema = z.discriminatedUnion('type', [
  geoJsonPointSchema,
  geoJsonLineStringSchema,
  geoJsonPolygonSchema,
]);
export type GeoJsonGeometry = z.infer<typeof geoJsonGeometrySchema>;

/** A point as named fields, for APIs that are not GeoJSON. */
export const latLonSchema = z.object({
  lat: z
    .number('lat must be a number')
    .min(-90, 'lat must be between -90 and 90')
    .max(90, 'lat must be between -90 and 90'),
  lon: z
    .number('lon must be a number')
    .min(-180, 'lon must be between -180 and 180')
    .max(180, 'lon must be between -180 and 180'),
});

/** A map view. One that crosses the antimeridian must be sent as two views. */
export const viewBoundsSchema = z
  .object({ west: longitude, south: latitude, east: longitude, north: latitude })
  .refine((b) => b.south < b.north, { message: 'south must be less than north', path: ['north'] })
  .refine((b) => b.west < b.east, {
    message: 'west must be less than east; a view crossing the antimeridian must be split at 180°',
    path: ['east'],
  });
export type ViewBounds = z.infer<typeof viewBoundsSchema>;

/** GeoJSON LineString coordinates → the kernel's `{ lat, lon }` points. */
export function lineStringToLatLons(line: GeoJsonLineString): { lat: number; lon: number }[] {
  return line.coordinates.map(([lon, lat]) => ({ lat, lon }));
}

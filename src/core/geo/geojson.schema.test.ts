import { describe, expect, it } from 'vitest';
import {
  MAX_VERTICES,
  geoJsonGeometrySchema,
  geoJsonLineStringSchema,
  geoJsonPointSchema,
  geoJsonPolygonSchema,
  latLonSchema,
  lineStringToLatLons,
  viewBoundsSchema,
} from './geojson.schema.js';

/** The messages zod reports, with their paths, for a failed parse. */
function problems(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const square: [number, number][] = [
  [73, 33],
  [74, 33],
  [74, 34],
  [73, 34],
  [73, 33],
];

describe('GeoJSON schemas', () => {
  it('accepts a point, a line and a polygon with a hole', () => {
    expect(
      geoJsonPointSchema.safeParse({ type: 'Point', coordinates: [73.04, 33.72] }).success,
    ).toBe(true);
    expect(
      geoJsonPointSchema.safeParse({ type: 'Point', coordinates: [73.04, 33.72, 540] }).success,
    ).toBe(true);
    expect(
      geoJsonLineStringSchema.safeParse({
        type: 'LineString',
        coordinates: [
          [73, 33],
          [74, 34],
        ],
      }).success,
    ).toBe(true);
    const hole = [
      [73.4, 33.4],
      [73.4, 33.6],
      [73.6, 33.6],
      [73.4, 33.4],
    ];
    expect(
      geoJsonPolygonSchema.safeParse({ type: 'Polygon', coordinates: [square, hole] }).success,
    ).toBe(true);
  });

  it('names an out-of-range longitude and latitude with their position', () => {
    const result = geoJsonPointSchema.safeParse({ type: 'Point', coordinates: [200, 95] });
    expect(problems(result)).toEqual([
      'coordinates.0: longitude must be between -180 and 180 (GeoJSON positions are [longitude, latitude])',
      'coordinates.1: latitude must be between -90 and 90 (GeoJSON positions are [longitude, latitude])',
    ]);
  });

  it('rejects a position with a fourth number or a non-number', () => {
    expect(
      problems(geoJsonPointSchema.safeParse({ type: 'Point', coordinates: [1, 2, 3, 4] })),
    ).toEqual(['coordinates: a position has at most 3 numbers: [longitude, latitude, altitude]']);
    expect(
      problems(geoJsonPointSchema.safeParse({ type: 'Point', coordinates: ['73', 33] })),
    ).toEqual(['coordinates.0: longitude must be a number']);
  });

  it('rejects an unclosed ring and a ring of too few positions', () => {
    const open = square.slice(0, 4).concat([[73, 33.5]]);
    expect(
      problems(geoJsonPolygonSchema.safeParse({ type: 'Polygon', coordinates: [open] })),
    ).toEqual([
      'coordinates.0: a polygon ring must be closed: its last position must equal its first',
    ]);
    const tiny = [
      [73, 33],
      [74, 33],
      [73, 33],
    ];
    expect(
      problems(geoJsonPolygonSchema.safeParse({ type: 'Polygon', coordinates: [tiny] })),
    ).toEqual([
      'coordinates.0: a polygon ring needs at least 4 positions (a triangle plus the closing position)',
    ]);
    expect(problems(geoJsonPolygonSchema.safeParse({ type: 'Polygon', coordinates: [] }))).toEqual([
      'coordinates: a polygon needs an outer ring',
    ]);
  });

  it(`rejects more than ${MAX_VERTICES} vertices in a line or across a polygon's rings`, () => {
    const many = Array.from({ length: MAX_VERTICES + 1 }, (_, i): [number, number] => [
      60 + i / 1_000,
      30,
    ]);
    expect(
      problems(geoJsonLineStringSchema.safeParse({ type: 'LineString', coordinates: many })),
    ).toEqual([`coordinates: a line may have at most ${MAX_VERTICES} positions`]);
    const ring = [
      ...many.slice(0, MAX_VERTICES - 2),
      [60, 31] as [number, number],
      many[0] as [number, number],
    ];
    const result = geoJsonPolygonSchema.safeParse({ type: 'Polygon', coordinates: [ring, square] });
    expect(problems(result)).toEqual([
      `coordinates: a polygon may have at most ${MAX_VERTICES} positions across all its rings`,
    ]);
  });

  it('rejects a polygon spanning more than 180° of longitude', () => {
    const wide = [
      [-170, 0],
      [170, 0],
      [170, 10],
      [-170, 0],
    ];
    expect(
      problems(geoJsonPolygonSchema.safeParse({ type: 'Polygon', coordinates: [wide] }))[0],
    ).toMatch(/antimeridian/);
  });

  it('tells geometries apart by type and converts a line to { lat, lon } points', () => {
    expect(geoJsonGeometrySchema.safeParse({ type: 'Circle', coordinates: [0, 0] }).success).toBe(
      false,
    );
    const line = geoJsonLineStringSchema.parse({
      type: 'LineString',
      coordinates: [
        [73.0433, 33.7215],
        [73.2906, 35.2917],
      ],
    });
    expect(lineStringToLatLons(line)).toEqual([
      { lat: 33.7215, lon: 73.0433 },
      { lat: 35.2917, lon: 73.2906 },
    ]);
  });
});

describe('latLonSchema and viewBoundsSchema', () => {
  it('checks lat and lon ranges by name', () => {
    expect(latLonSchema.safeParse({ lat: 33.7, lon: 73 }).success).toBe(true);
    expect(problems(latLonSchema.safeParse({ lat: -91, lon: 181 }))).toEqual([
      'lat: lat must be between -90 and 90',
      'lon: lon must be between -180 and 180',
    ]);
  });

  it('rejects a view with south ≥ north, and one across the antimeridian with how to fix it', () => {
    expect(viewBoundsSchema.safeParse({ west: 60, south: 20, east: 80, north: 45 }).success).toBe(
      true,
    );
    expect(
      problems(viewBoundsSchema.safeParse({ west: 60, south: 45, east: 80, north: 20 })),
    ).toEqual(['north: south must be less than north']);
    expect(
      problems(viewBoundsSchema.safeParse({ west: 170, south: 0, east: -170, north: 10 })),
    ).toEqual([
      'east: west must be less than east; a view crossing the antimeridian must be split at 180°',
    ]);
  });
});

/**
 * Areas: point-in-polygon, cell covers of polygons (threat areas, site
 * outlines) and circles as polygons. Polygons are GeoJSON: positions are
 * [longitude, latitude] and, as RFC 7946 says, edges are straight lines in
 * lon/lat; holes are the rings after the first. Points are `{ lat, lon }`.
 *
 * A cell is kept when its centre is inside the polygon or an edge crosses the
 * lat/lon box around the cell's circumscribing cap (rigorous, sphere.ts): a
 * cell with an inside point and an outside centre has the boundary between
 * them, within that box. So the cover is a guaranteed superset.
 *
 * Owns: polygon geometry. Must never: validate input (geojson.schema.ts) or
 * run queries.
 */
import { latLngToCell } from 'h3-js';
import { type StoredResolution, averageEdgeKm, cellCentroid, cellCircumradiusKm } from './cells.js';
import { type CellCover, type CoverOptions, coverAtBestResolution } from './cover.js';
import { coverCells } from './flood.js';
import type { GeoJsonPolygon, Position } from './geojson.schema.js';
import {
  type LatLon,
  type LatLonBox,
  EARTH_RADIUS_KM,
  assertValidLatLon,
  assertValidRadius,
  boxAroundCap,
  destinationPoint,
} from './sphere.js';

const DEG = Math.PI / 180;
export const DEFAULT_MAX_POLYGON_CELLS = 2_000;

/** Even–odd rule over all rings, so holes are outside. Points on an edge may fall either side. */
export function pointInPolygon(point: LatLon, polygon: GeoJsonPolygon): boolean {
  const { lat: y, lon: x } = point;
  let inside = false;
  for (const ring of polygon.coordinates) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as Position;
      const [xj, yj] = ring[j] as Position;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Liang–Barsky: does the segment (x1,y1)–(x2,y2) meet the box? */
function segmentMeetsBox(x1: number, y1: number, x2: number, y2: number, box: LatLonBox): boolean {
  const dx = x2 - x1;
  const dy = y2 - y1;
  let t0 = 0;
  let t1 = 1;
  const sides: [number, number][] = [
    [-dx, x1 - box.west],
    [dx, box.east - x1],
    [-dy, y1 - box.south],
    [dy, box.north - y1],
  ];
  for (const [p, q] of sides) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      t0 = Math.max(t0, t);
    } else {
      if (t < t0) return false;
      t1 = Math.min(t1, t);
    }
  }
  return true;
}

function edgeMeetsBox(polygon: GeoJsonPolygon, box: LatLonBox): boolean {
  // A box past ±180 also stands for the longitudes 360° away, where the polygon's edges are.
  const shifts = [0, ...(box.west < -180 ? [360] : []), ...(box.east > 180 ? [-360] : [])];
  for (const shift of shifts) {
    const shifted = { ...box, west: box.west + shift, east: box.east + shift };
    for (const ring of polygon.coordinates) {
      for (let i = 1; i < ring.length; i++) {
        const [x1, y1] = ring[i - 1] as Position;
        const [x2, y2] = ring[i] as Position;
        if (segmentMeetsBox(x1, y1, x2, y2, shifted)) return true;
      }
    }
  }
  return false;
}

function polygonCellsWithin(
  polygon: GeoJsonPolygon,
  resolution: number,
  maxCells: number,
): string[] | null {
  const outer = polygon.coordinates[0] ?? [];
  const seeds = outer.map(([lon, lat]) => ({ cell: latLngToCell(lat, lon, resolution), rings: 0 }));
  return coverCells(
    seeds,
    (cell) => {
      const center = cellCentroid(cell);
      if (pointInPolygon(center, polygon)) return true;
      const radiusKm = cellCircumradiusKm(cell, center);
      return edgeMeetsBox(polygon, boxAroundCap(center, radiusKm * (1 + 1e-9) + 1e-6));
    },
    maxCells,
  );
}

/** Every cell at `resolution` (any H3 resolution) holding a point of the polygon. */
export function polygonCells(polygon: GeoJsonPolygon, resolution: number): string[] {
  return polygonCellsWithin(polygon, resolution, Infinity) ?? [];
}

/** Area (km²) by the shoelace formula in a local equirectangular projection; sizes a cover. */
function approximateAreaKm2(polygon: GeoJsonPolygon): number {
  const outer = polygon.coordinates[0] ?? [];
  const meanLat = outer.reduce((sum, position) => sum + position[1], 0) / Math.max(1, outer.length);
  const kmPerDegree = EARTH_RADIUS_KM * DEG;
  const kmPerDegreeLon = kmPerDegree * Math.cos(meanLat * DEG);
  let area = 0;
  polygon.coordinates.forEach((ring, index) => {
    let twice = 0;
    for (let i = 1; i < ring.length; i++) {
      const [x1, y1] = ring[i - 1] as Position;
      const [x2, y2] = ring[i] as Position;
      twice += x1 * y2 - x2 * y1;
    }
    area += (index === 0 ? 1 : -1) * Math.abs(twice / 2) * kmPerDegree * kmPerDegreeLon;
  });
  return Math.max(0, area);
}

/** A polygon cover at the finest stored column within `maxCells` (default 2,000). */
export function coverPolygon(polygon: GeoJsonPolygon, options: CoverOptions = {}): CellCover {
  const areaKm2 = approximateAreaKm2(polygon);
  return coverAtBestResolution(
    (resolution: StoredResolution) => {
      const edgeKm = averageEdgeKm(resolution);
      return (areaKm2 + 4 * Math.sqrt(areaKm2) * edgeKm) / (2.598 * edgeKm * edgeKm);
    },
    (resolution, maxCells) => polygonCellsWithin(polygon, resolution, maxCells),
    options,
    DEFAULT_MAX_POLYGON_CELLS,
  );
}

/**
 * A circle as a closed, counter-clockwise GeoJSON ring of `segments` vertices
 * on the circle (so it lies just inside it), for display and for storing a
 * radius as an area. Longitudes are normalised to [-180, 180].
 */
export function circleToPolygon(center: LatLon, radiusKm: number, segments = 64): GeoJsonPolygon {
  assertValidLatLon(center, 'circle centre');
  assertValidRadius(radiusKm, 5_000);
  if (!Number.isInteger(segments) || segments < 3) {
    throw new RangeError(`a circle needs an integer number of segments ≥ 3, got ${segments}`);
  }
  const ring: [number, number][] = [];
  for (let i = 0; i < segments; i++) {
    // Bearings run clockwise; walking them backwards makes the ring counter-clockwise.
    const { lat, lon } = destinationPoint(center, (-360 * i) / segments, radiusKm);
    ring.push([lon, lat]);
  }
  const [first] = ring;
  if (first) ring.push([first[0], first[1]]);
  return { type: 'Polygon', coordinates: [ring] };
}

/**
 * Exact distances on the sphere: point to point (haversine), point to segment
 * and point to polyline. Segments are great-circle arcs, computed with unit
 * vectors (cross-track distance when the foot of the perpendicular lies on the
 * arc, else the nearer end), so there is no projection error at any distance
 * or latitude; the only error is the sphere against WGS84 (< 0.45% in the
 * region, < 0.6% anywhere; see sphere.ts).
 *
 * Owns: distances. Must never: touch H3 or decide what is "near" for a query.
 */
import {
  type LatLon,
  type Vec3,
  EARTH_RADIUS_KM,
  angleBetween,
  assertValidLatLon,
  cross,
  dot,
  normalize,
  radiansToKm,
  toVec3,
} from './sphere.js';

const DEG = Math.PI / 180;

/** Great-circle distance in km (haversine formula). */
export function haversineKm(a: LatLon, b: LatLon): number {
  const dLat = (b.lat - a.lat) * DEG;
  const dLon = (b.lon - a.lon) * DEG;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * DEG) * Math.cos(b.lat * DEG) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** One arc of a polyline, with what every distance query against it needs. */
export interface Arc {
  readonly a: Vec3;
  readonly b: Vec3;
  /** Unit normal of the arc's great circle; null when the ends coincide. */
  readonly normal: Vec3 | null;
  readonly normalCrossA: Vec3;
  readonly bCrossNormal: Vec3;
  /** A bounding cap: every point of the arc is within `halfAngle` of `mid`. */
  readonly mid: Vec3;
  readonly halfAngle: number;
}

/**
 * Below this length (radians, ~6 cm) an arc is treated as a point: the normal
 * of a near-zero cross product is numerical noise.
 */
const MIN_ARC_RADIANS = 1e-8;

export function toArc(a: Vec3, b: Vec3): Arc {
  const length = angleBetween(a, b);
  const normal = length < MIN_ARC_RADIANS ? null : normalize(cross(a, b));
  const zero = { x: 0, y: 0, z: 0 };
  return {
    a,
    b,
    normal,
    normalCrossA: normal ? cross(normal, a) : zero,
    bCrossNormal: normal ? cross(b, normal) : zero,
    mid: normalize({ x: a.x + b.x, y: a.y + b.y, z: a.z + b.z }) ?? a,
    halfAngle: length / 2,
  };
}

/** Central angle (radians) from a unit vector to an arc. */
export function angleToArc(p: Vec3, arc: Arc): number {
  const toEnds = Math.min(angleBetween(p, arc.a), angleBetween(p, arc.b));
  if (arc.normal && dot(p, arc.normalCrossA) >= 0 && dot(p, arc.bCrossNormal) >= 0) {
    // Exactly, the foot is never farther than an end; the min guards rounding on short arcs.
    return Math.min(toEnds, Math.asin(Math.min(1, Math.abs(dot(p, arc.normal)))));
  }
  return toEnds;
}

/** Distance in km from `point` to the great-circle segment from `a` to `b`. */
export function distanceToSegmentKm(point: LatLon, a: LatLon, b: LatLon): number {
  return radiansToKm(angleToArc(toVec3(point), toArc(toVec3(a), toVec3(b))));
}

/**
 * A polyline compiled for many distance queries (candidate filtering, covers).
 * Arcs are grouped in chunks of ~√n consecutive arcs; a chunk's bounding cap
 * (every point of its arcs lies within `radius` of `center`) lets a query skip
 * all of its arcs at once, so a 5,000-vertex route costs ~√n checks, not n.
 */
export interface PreparedPolyline {
  readonly points: readonly LatLon[];
  readonly lengthKm: number;
  distanceKm(point: LatLon): number;
  /** The distance if it is ≤ limitKm, else Infinity; cheaper, as far arcs are skipped. */
  distanceWithinKm(point: LatLon, limitKm: number): number;
  isWithinKm(point: LatLon, km: number): boolean;
}

interface Chunk {
  readonly center: Vec3;
  readonly radius: number;
  readonly arcs: readonly Arc[];
}

function toChunk(arcs: readonly Arc[]): Chunk {
  const sum = { x: 0, y: 0, z: 0 };
  for (const { mid } of arcs) {
    sum.x += mid.x;
    sum.y += mid.y;
    sum.z += mid.z;
  }
  const center = normalize(sum) ?? (arcs[0] as Arc).mid;
  const radius = Math.max(...arcs.map((arc) => angleBetween(center, arc.mid) + arc.halfAngle));
  return { center, radius, arcs };
}

export function preparePolyline(polyline: readonly LatLon[]): PreparedPolyline {
  if (polyline.length === 0) throw new RangeError('a polyline needs at least one point');
  polyline.forEach((point, index) => assertValidLatLon(point, `polyline[${index}]`));
  const vectors = polyline.map(toVec3);
  const arcs: Arc[] = [];
  for (let i = 0; i + 1 < vectors.length; i++) {
    arcs.push(toArc(vectors[i] as Vec3, vectors[i + 1] as Vec3));
  }
  // A single point is a zero-length arc.
  if (arcs.length === 0) arcs.push(toArc(vectors[0] as Vec3, vectors[0] as Vec3));
  const lengthKm = radiansToKm(arcs.reduce((sum, arc) => sum + 2 * arc.halfAngle, 0));
  const chunkSize = Math.max(8, Math.ceil(Math.sqrt(arcs.length)));
  const chunks: Chunk[] = [];
  for (let i = 0; i < arcs.length; i += chunkSize)
    chunks.push(toChunk(arcs.slice(i, i + chunkSize)));

  // Nearest arc within `limit` (radians); with `stopEarly`, any arc within the limit will do.
  const angleWithin = (p: Vec3, limit: number, stopEarly: boolean): number => {
    let best = Infinity;
    for (const chunk of chunks) {
      if (angleBetween(p, chunk.center) - chunk.radius > Math.min(best, limit)) continue;
      for (const arc of chunk.arcs) {
        if (angleBetween(p, arc.mid) - arc.halfAngle > Math.min(best, limit)) continue;
        best = Math.min(best, angleToArc(p, arc));
        if (stopEarly && best <= limit) return best;
      }
    }
    return best;
  };
  const within = (point: LatLon, km: number, stopEarly: boolean): number => {
    const angle = angleWithin(toVec3(point), km / EARTH_RADIUS_KM, stopEarly);
    return radiansToKm(angle) <= km ? radiansToKm(angle) : Infinity;
  };
  return {
    points: polyline,
    lengthKm,
    distanceKm: (point) => radiansToKm(angleWithin(toVec3(point), Infinity, false)),
    distanceWithinKm: (point, limitKm) => within(point, limitKm, false),
    isWithinKm: (point, km) => within(point, km, true) <= km,
  };
}

/**
 * Distance in km from `point` to the nearest point of `polyline` (great-circle
 * arcs). For many points against one line, use preparePolyline.
 */
export function distanceToPolylineKm(point: LatLon, polyline: readonly LatLon[]): number {
  if (polyline.length === 0) throw new RangeError('a polyline needs at least one point');
  polyline.forEach((vertex, index) => assertValidLatLon(vertex, `polyline[${index}]`));
  const p = toVec3(point);
  let previous = toVec3(polyline[0] as LatLon);
  let best = angleBetween(p, previous);
  for (let i = 1; i < polyline.length; i++) {
    const next = toVec3(polyline[i] as LatLon);
    best = Math.min(best, angleToArc(p, toArc(previous, next)));
    previous = next;
  }
  return radiansToKm(best);
}

/**
 * Douglas–Peucker simplification on the sphere, used before covering long,
 * densely sampled routes: a cover of the simplified line at radius r + ε is a
 * cover of the original at radius r, and costs far fewer distance checks.
 *
 * Owns: line simplification with a stated bound. Must never: touch H3.
 */
import { angleToArc, toArc } from './distance.js';
import { type LatLon, type Vec3, kmToRadians, toVec3 } from './sphere.js';

/**
 * Keeps the first and last points and drops others whose distance to the kept
 * chord is ≤ `toleranceKm`. Every original vertex is then within toleranceKm of
 * the result; every original segment within toleranceKm × (1 + ~0.3% per
 * 1,000 km of segment) — the sphere's ε-band around an arc is not quite convex —
 * which callers absorb in `SIMPLIFY_SLACK`.
 */
export function simplifyPolyline(polyline: readonly LatLon[], toleranceKm: number): LatLon[] {
  if (!(toleranceKm >= 0)) throw new RangeError(`toleranceKm must be ≥ 0, got ${toleranceKm}`);
  if (polyline.length <= 2) return [...polyline];
  const vectors = polyline.map(toVec3);
  const tolerance = kmToRadians(toleranceKm);
  const keep = new Uint8Array(polyline.length);
  keep[0] = 1;
  keep[polyline.length - 1] = 1;
  const stack: [number, number][] = [[0, polyline.length - 1]];
  for (let range = stack.pop(); range; range = stack.pop()) {
    const [first, last] = range;
    const chord = toArc(vectors[first] as Vec3, vectors[last] as Vec3);
    let farthest = -1;
    let farthestAngle = tolerance;
    for (let i = first + 1; i < last; i++) {
      const angle = angleToArc(vectors[i] as Vec3, chord);
      if (angle > farthestAngle) {
        farthestAngle = angle;
        farthest = i;
      }
    }
    if (farthest >= 0) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return polyline.filter((_, index) => keep[index] === 1);
}

/** Relative and absolute slack a caller adds to the tolerance it simplified with. */
export const SIMPLIFY_SLACK = { relative: 0.01, absoluteKm: 0.001 } as const;

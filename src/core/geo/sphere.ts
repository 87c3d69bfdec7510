/**
 * Spherical primitives for the geo kernel: the `LatLon` point type (named
 * fields, so coordinate order can never be confused), range checks, unit
 * vectors, and the rigorous lat/lon box around a spherical cap. The Earth is a
 * sphere of the IUGG mean radius; against the WGS84 ellipsoid (Vincenty)
 * distances are off by < 0.45% in Tandem's region (20–45°N, 60–80°E) and
 * < 0.6% anywhere — well inside what an alert radius means.
 *
 * Owns: math on the sphere. Must never: touch H3, GeoJSON or I/O.
 */

/** A point in degrees. Every kernel function takes points in this shape. */
export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

/** IUGG mean Earth radius (km). */
export const EARTH_RADIUS_KM = 6371.0088;

const DEG = Math.PI / 180;

export function isValidLatLon(lat: number, lon: number): boolean {
  return (
    Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180
  );
}

/** Programmer error: inputs must be validated at the boundary (see geojson.schema.ts). */
export function assertValidLatLon(point: LatLon, what = 'point'): void {
  if (!isValidLatLon(point.lat, point.lon)) {
    throw new RangeError(
      `${what} must have lat in [-90, 90] and lon in [-180, 180], got lat=${point.lat}, lon=${point.lon}`,
    );
  }
}

export function assertValidRadius(radiusKm: number, maxKm: number): void {
  if (!Number.isFinite(radiusKm) || radiusKm < 0 || radiusKm > maxKm) {
    throw new RangeError(`radiusKm must be between 0 and ${maxKm}, got ${radiusKm}`);
  }
}

export interface Vec3 {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

export function toVec3(point: LatLon): Vec3 {
  const lat = point.lat * DEG;
  const lon = point.lon * DEG;
  const c = Math.cos(lat);
  return { x: c * Math.cos(lon), y: c * Math.sin(lon), z: Math.sin(lat) };
}

export function fromVec3(v: Vec3): LatLon {
  return {
    lat: Math.atan2(v.z, Math.hypot(v.x, v.y)) / DEG,
    lon: Math.atan2(v.y, v.x) / DEG,
  };
}

export const dot = (a: Vec3, b: Vec3): number => a.x * b.x + a.y * b.y + a.z * b.z;

export const cross = (a: Vec3, b: Vec3): Vec3 => ({
  x: a.y * b.z - a.z * b.y,
  y: a.z * b.x - a.x * b.z,
  z: a.x * b.y - a.y * b.x,
});

export function normalize(v: Vec3): Vec3 | null {
  const length = Math.sqrt(v.x * v.x + v.y * v.y + v.z * v.z);
  return length < 1e-15 ? null : { x: v.x / length, y: v.y / length, z: v.z / length };
}

/** Central angle (radians) between unit vectors; the chord form stays accurate for tiny angles. */
export function angleBetween(a: Vec3, b: Vec3): number {
  const dx = a.x - b.x;
  const dy = a.y - b.y;
  const dz = a.z - b.z;
  const chord = Math.sqrt(dx * dx + dy * dy + dz * dz); // Math.hypot is several times slower
  return 2 * Math.asin(Math.min(1, chord / 2));
}

export const wrapLongitude = (lon: number): number => ((((lon + 180) % 360) + 360) % 360) - 180;

/** The point `distanceKm` from `start` along the initial bearing (degrees clockwise from north). */
export function destinationPoint(start: LatLon, bearingDeg: number, distanceKm: number): LatLon {
  const d = distanceKm / EARTH_RADIUS_KM;
  const bearing = bearingDeg * DEG;
  const lat1 = start.lat * DEG;
  const lat2 = Math.asin(
    Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(bearing),
  );
  const dLon = Math.atan2(
    Math.sin(bearing) * Math.sin(d) * Math.cos(lat1),
    Math.cos(d) - Math.sin(lat1) * Math.sin(lat2),
  );
  return { lat: lat2 / DEG, lon: wrapLongitude(start.lon + dLon / DEG) };
}

/** The point a share `t` (0–1) of the way from `a` to `b` along the great circle. */
export function interpolateGreatCircle(a: LatLon, b: LatLon, t: number): LatLon {
  const u = toVec3(a);
  const v = toVec3(b);
  const angle = angleBetween(u, v);
  if (angle < 1e-12) return a;
  const wa = Math.sin((1 - t) * angle) / Math.sin(angle);
  const wb = Math.sin(t * angle) / Math.sin(angle);
  return fromVec3({ x: wa * u.x + wb * v.x, y: wa * u.y + wb * v.y, z: wa * u.z + wb * v.z });
}

export const kmToRadians = (km: number): number => km / EARTH_RADIUS_KM;
export const radiansToKm = (radians: number): number => radians * EARTH_RADIUS_KM;

/**
 * A lat/lon box (degrees) holding every point within `radiusKm` of `center`.
 * Rigorous: |Δlat| ≤ d, and sin(Δlon/2) ≤ sin(d/2) / cos(φmax) by the
 * haversine identity. `west`/`east` are unwrapped (may pass ±180); a box that
 * reaches a pole spans all longitudes.
 */
export interface LatLonBox {
  readonly south: number;
  readonly north: number;
  readonly west: number;
  readonly east: number;
}

export function boxAroundCap(center: LatLon, radiusKm: number): LatLonBox {
  const d = kmToRadians(radiusKm);
  const south = center.lat - d / DEG;
  const north = center.lat + d / DEG;
  const maxAbsLat = Math.max(Math.abs(south), Math.abs(north));
  const sinHalfLon = maxAbsLat >= 90 ? 2 : Math.sin(d / 2) / Math.cos(maxAbsLat * DEG);
  const halfLon = sinHalfLon >= 1 ? 180 : (2 * Math.asin(sinHalfLon)) / DEG;
  return {
    south: Math.max(-90, south),
    north: Math.min(90, north),
    west: center.lon - halfLon,
    east: center.lon + halfLon,
  };
}

/** Whether two boxes overlap, trying the first box shifted by -360, 0 and +360 degrees. */
export function boxesIntersect(a: LatLonBox, b: LatLonBox): boolean {
  if (a.south > b.north || a.north < b.south) return false;
  for (const shift of [-360, 0, 360]) {
    if (a.west + shift <= b.east && a.east + shift >= b.west) return true;
  }
  return false;
}

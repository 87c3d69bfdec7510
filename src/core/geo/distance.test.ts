import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  distanceToPolylineKm,
  distanceToSegmentKm,
  haversineKm,
  preparePolyline,
} from './distance.js';
import { simplifyPolyline } from './simplify.js';
import { type LatLon, destinationPoint } from './sphere.js';

const ISLAMABAD = { lat: 33.7215, lon: 73.0433 };
const BEIJING = { lat: 39.9075, lon: 116.3972 };

/** Vincenty's inverse formula on WGS84: an independent, ellipsoidal reference. */
function vincentyKm(p1: LatLon, p2: LatLon): number {
  const a = 6378.137;
  const f = 1 / 298.257223563;
  const b = a * (1 - f);
  const rad = Math.PI / 180;
  const L = (p2.lon - p1.lon) * rad;
  const U1 = Math.atan((1 - f) * Math.tan(p1.lat * rad));
  const U2 = Math.atan((1 - f) * Math.tan(p2.lat * rad));
  let lambda = L;
  for (let i = 0; i < 200; i++) {
    const sinSigma = Math.hypot(
      Math.cos(U2) * Math.sin(lambda),
      Math.cos(U1) * Math.sin(U2) - Math.sin(U1) * Math.cos(U2) * Math.cos(lambda),
    );
    const cosSigma = Math.sin(U1) * Math.sin(U2) + Math.cos(U1) * Math.cos(U2) * Math.cos(lambda);
    const sigma = Math.atan2(sinSigma, cosSigma);
    const sinAlpha = (Math.cos(U1) * Math.cos(U2) * Math.sin(lambda)) / sinSigma;
    const cos2Alpha = 1 - sinAlpha ** 2;
    // On the equator cos²α = 0 and the term vanishes.
    const cos2SigmaM =
      cos2Alpha === 0 ? 0 : cosSigma - (2 * Math.sin(U1) * Math.sin(U2)) / cos2Alpha;
    const C = (f / 16) * cos2Alpha * (4 + f * (4 - 3 * cos2Alpha));
    const previous = lambda;
    lambda =
      L +
      (1 - C) *
        f *
        sinAlpha *
        (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM ** 2)));
    if (Math.abs(lambda - previous) < 1e-12) {
      const u2 = (cos2Alpha * (a * a - b * b)) / (b * b);
      const A = 1 + (u2 / 16384) * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
      const B = (u2 / 1024) * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
      const deltaSigma =
        B *
        sinSigma *
        (cos2SigmaM +
          (B / 4) *
            (cosSigma * (-1 + 2 * cos2SigmaM ** 2) -
              (B / 6) * cos2SigmaM * (-3 + 4 * sinSigma ** 2) * (-3 + 4 * cos2SigmaM ** 2)));
      return b * A * (sigma - deltaSigma);
    }
  }
  throw new Error('Vincenty did not converge');
}

const anyPoint = fc.record({
  lat: fc.double({ min: -89, max: 89, noNaN: true }),
  lon: fc.double({ min: -180, max: 180, noNaN: true }),
});
const regionPoint = fc.record({
  lat: fc.double({ min: 20, max: 45, noNaN: true }),
  lon: fc.double({ min: 60, max: 80, noNaN: true }),
});
const regionPolyline = fc.array(regionPoint, { minLength: 1, maxLength: 8 });

describe('haversineKm', () => {
  it('puts Islamabad 3,881.5 km from Beijing, 0.22% short of Vincenty on WGS84 (3,890.0 km)', () => {
    const reference = vincentyKm(ISLAMABAD, BEIJING);
    expect(reference).toBeCloseTo(3_890.0, 1);
    expect(haversineKm(ISLAMABAD, BEIJING)).toBeCloseTo(3_881.5, 1);
    expect(Math.abs(haversineKm(ISLAMABAD, BEIJING) - reference) / reference).toBeLessThan(0.005);
  });

  it('measures one degree of latitude as 111.195 km and a point to itself as 0', () => {
    expect(haversineKm({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })).toBeCloseTo(111.195, 3);
    expect(haversineKm(ISLAMABAD, ISLAMABAD)).toBe(0);
  });

  it('is symmetric and within 0.6% of Vincenty anywhere (the sphere against WGS84)', () => {
    fc.assert(
      fc.property(anyPoint, anyPoint, (a, b) => {
        const km = haversineKm(a, b);
        expect(km).toBeCloseTo(haversineKm(b, a), 9);
        if (km > 1 && km < 15_000) expect(Math.abs(km - vincentyKm(a, b)) / km).toBeLessThan(0.006);
      }),
    );
  });

  it('is within 0.45% of Vincenty in the region 20–45°N, 60–80°E', () => {
    fc.assert(
      fc.property(regionPoint, regionPoint, (a, b) => {
        const km = haversineKm(a, b);
        if (km > 1) expect(Math.abs(km - vincentyKm(a, b)) / km).toBeLessThan(0.0045);
      }),
    );
  });
});

describe('distanceToPolylineKm', () => {
  it('measures 1° north of an equatorial segment as 111.195 km and off its end to the end point', () => {
    const segment = [
      { lat: 0, lon: -1 },
      { lat: 0, lon: 1 },
    ];
    expect(distanceToPolylineKm({ lat: 1, lon: 0.3 }, segment)).toBeCloseTo(111.195, 3);
    expect(distanceToPolylineKm({ lat: 0, lon: 3 }, segment)).toBeCloseTo(2 * 111.195, 3);
    expect(
      distanceToSegmentKm({ lat: -1, lon: 0 }, { lat: 0, lon: -1 }, { lat: 0, lon: 1 }),
    ).toBeCloseTo(111.195, 3);
  });

  it('is ≥ 0, ≤ the distance to every vertex, and 0 at a vertex', () => {
    fc.assert(
      fc.property(regionPoint, regionPolyline, (point, polyline) => {
        const km = distanceToPolylineKm(point, polyline);
        expect(km).toBeGreaterThanOrEqual(0);
        for (const vertex of polyline)
          expect(km).toBeLessThanOrEqual(haversineKm(point, vertex) + 1e-9);
        expect(distanceToPolylineKm(polyline[0] as LatLon, polyline)).toBeLessThan(1e-6);
      }),
    );
  });

  it('agrees with the minimum over densely sampled points of the line', () => {
    fc.assert(
      fc.property(
        regionPoint,
        fc.array(regionPoint, { minLength: 2, maxLength: 4 }),
        (point, polyline) => {
          const km = distanceToPolylineKm(point, polyline);
          let sampledMin = Infinity;
          let sampleStepKm = 0;
          for (let i = 1; i < polyline.length; i++) {
            const a = polyline[i - 1] as LatLon;
            const b = polyline[i] as LatLon;
            const length = haversineKm(a, b);
            const steps = 400;
            sampleStepKm = Math.max(sampleStepKm, length / steps);
            for (let s = 0; s <= steps; s++) {
              const bearing = initialBearing(a, b);
              sampledMin = Math.min(
                sampledMin,
                haversineKm(point, destinationPoint(a, bearing, (length * s) / steps)),
              );
            }
          }
          expect(km).toBeLessThanOrEqual(sampledMin + 1e-6);
          expect(km).toBeGreaterThanOrEqual(sampledMin - sampleStepKm / 2 - 1e-6);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('finds the same distance on a long, chunked polyline as by checking every segment', () => {
    fc.assert(
      fc.property(
        regionPoint,
        fc.array(regionPoint, { minLength: 100, maxLength: 400 }),
        (point, line) => {
          let slow = Infinity;
          for (let i = 1; i < line.length; i++) {
            slow = Math.min(
              slow,
              distanceToSegmentKm(point, line[i - 1] as LatLon, line[i] as LatLon),
            );
          }
          const prepared = preparePolyline(line);
          expect(prepared.distanceKm(point)).toBeCloseTo(slow, 9);
          expect(prepared.distanceWithinKm(point, slow + 1)).toBeCloseTo(slow, 9);
          expect(prepared.distanceWithinKm(point, slow * 0.99 - 1e-6)).toBe(Infinity);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('answers isWithinKm exactly as distanceKm compared with the radius', () => {
    fc.assert(
      fc.property(
        regionPoint,
        regionPolyline,
        fc.double({ min: 0, max: 500, noNaN: true }),
        (point, polyline, km) => {
          const prepared = preparePolyline(polyline);
          expect(prepared.isWithinKm(point, km)).toBe(prepared.distanceKm(point) <= km);
        },
      ),
    );
  });

  it('treats a segment between two almost equal points as a point', () => {
    const line = [
      { lat: 20, lon: 60.00000000000006 },
      { lat: 20, lon: 60 },
    ];
    expect(distanceToPolylineKm({ lat: 20, lon: 60 }, line)).toBeLessThan(1e-6);
    expect(distanceToPolylineKm({ lat: 21, lon: 60 }, line)).toBeCloseTo(111.195, 3);
  });

  it('rejects an empty polyline and an out-of-range vertex', () => {
    expect(() => distanceToPolylineKm(ISLAMABAD, [])).toThrow(RangeError);
    expect(() => distanceToPolylineKm(ISLAMABAD, [{ lat: 91, lon: 0 }])).toThrow(/polyline\[0\]/);
  });
});

describe('simplifyPolyline', () => {
  it('keeps every original vertex within the tolerance of the simplified line', () => {
    fc.assert(
      fc.property(
        fc.array(regionPoint, { minLength: 3, maxLength: 60 }),
        fc.double({ min: 0.01, max: 20, noNaN: true }),
        (line, km) => {
          const simplified = simplifyPolyline(line, km);
          expect(simplified[0]).toEqual(line[0]);
          expect(simplified[simplified.length - 1]).toEqual(line[line.length - 1]);
          for (const vertex of line)
            expect(distanceToPolylineKm(vertex, simplified)).toBeLessThanOrEqual(km + 1e-9);
        },
      ),
      { numRuns: 50 },
    );
  });
});

function initialBearing(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const y = Math.sin((b.lon - a.lon) * rad) * Math.cos(b.lat * rad);
  const x =
    Math.cos(a.lat * rad) * Math.sin(b.lat * rad) -
    Math.sin(a.lat * rad) * Math.cos(b.lat * rad) * Math.cos((b.lon - a.lon) * rad);
  return Math.atan2(y, x) / rad;
}

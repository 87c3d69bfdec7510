/** Whether a threat area meets a site's fence: circles and polygons, point and polygon sites. */
import { describe, expect, it } from 'vitest';
import { circleToPolygon, destinationPoint } from '../../core/geo/index.js';
import type { Fence } from '../geofences/geofences.js';
import { areaMeetsFence } from './sites.nearby.service.js';

const DASU = { lat: 35.3, lon: 73.22 };
const pointSite: Fence = { base: { kind: 'point', point: DASU }, bufferKm: 5 };
const polygonSite: Fence = {
  base: { kind: 'polygon', polygon: circleToPolygon(DASU, 3, 12) },
  bufferKm: 2,
};
const circle = (km: number, radiusKm: number) => ({
  kind: 'circle' as const,
  ...destinationPoint(DASU, 90, km),
  radiusKm,
});
const polygon = (km: number, radiusKm: number) => ({
  kind: 'polygon' as const,
  polygon: circleToPolygon(destinationPoint(DASU, 90, km), radiusKm, 24),
});

describe('threat areas against site fences', () => {
  it('meets a circle that reaches the buffer, and not one that stops short', () => {
    expect(areaMeetsFence(pointSite, circle(12, 7.5))).toBe(true);
    expect(areaMeetsFence(pointSite, circle(12, 6.5))).toBe(false);
    expect(areaMeetsFence(polygonSite, circle(12, 7.5))).toBe(true);
    expect(areaMeetsFence(polygonSite, circle(12, 6.5))).toBe(false);
  });

  it('meets a polygon holding the site, reaching into its buffer, or with a vertex inside it', () => {
    expect(areaMeetsFence(pointSite, polygon(0, 20))).toBe(true);
    expect(areaMeetsFence(pointSite, polygon(12, 7.5))).toBe(true);
    expect(areaMeetsFence(pointSite, polygon(12, 6))).toBe(false);
    expect(areaMeetsFence(polygonSite, polygon(12, 7.5))).toBe(true);
    expect(areaMeetsFence(polygonSite, polygon(12, 6))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import {
  featureBounds,
  groundPixels,
  movementFeatures,
  ringFromText,
  ringToText,
  siteFeatures,
} from './geoFeatures';

describe('protection map features', () => {
  it('draws a buffer that doubles in pixels with each zoom level and covers the distance', () => {
    const expression = groundPixels(10, 0);
    expect(expression.slice(0, 3)).toEqual(['interpolate', ['exponential', 2], ['zoom']]);
    const atZoom0 = expression[4] as number;
    const atZoom22 = expression[6] as number;
    expect(atZoom22 / atZoom0).toBe(2 ** 22);
    // 10 km at the equator, zoom 0, 512-px tiles: 10 000 m / 78 271.5 m per pixel.
    expect(atZoom0).toBeCloseTo(10_000 / 78_271.517, 5);
    // Further north a kilometre takes more pixels.
    expect((groundPixels(10, 60)[4] as number) / atZoom0).toBeCloseTo(2, 5);
  });

  it('draws a route from origin through waypoints to destination when none is stored', () => {
    const collection = movementFeatures({
      route: { coordinates: [] },
      origin: { name: 'Islamabad', lat: 33.7, lon: 73.0 },
      destination: { name: 'Dasu', lat: 35.3, lon: 73.2 },
      waypoints: [{ name: 'Besham', lat: 34.9, lon: 72.9 }],
      lastPosition: { lat: 34.0, lon: 73.0 },
    });
    const route = collection.features[0];
    expect(route?.properties?.role).toBe('route');
    expect(route?.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [73.0, 33.7],
        [72.9, 34.9],
        [73.2, 35.3],
      ],
    });
    expect(collection.features.map((f) => f.properties?.role)).toEqual([
      'route',
      'waypoint',
      'origin',
      'destination',
      'last',
    ]);
  });

  it('frames every feature widened by the buffer', () => {
    const bounds = featureBounds(
      siteFeatures({ name: 'Dasu', location: { type: 'Point', coordinates: [73.2, 35.3] } }),
      11.132,
    );
    expect(bounds?.[0][1]).toBeCloseTo(35.2, 5);
    expect(bounds?.[1][1]).toBeCloseTo(35.4, 5);
    expect(bounds?.[0][0]).toBeLessThan(73.2 - 0.1);
    expect(featureBounds({ type: 'FeatureCollection', features: [] }, 5)).toBeNull();
  });

  it('reads polygon vertices typed as lat, lon lines into a closed ring and back', () => {
    const ring = ringFromText('35.1, 73.1\n35.2 73.2\n\n35.1;73.3');
    expect(ring).toEqual([
      [73.1, 35.1],
      [73.2, 35.2],
      [73.3, 35.1],
      [73.1, 35.1],
    ]);
    expect(ring && ringToText(ring)).toBe('35.1, 73.1\n35.2, 73.2\n35.1, 73.3');
    expect(ringFromText('35.1, 73.1\n35.2, 73.2')).toBeNull();
    expect(ringFromText('35.1, 73.1\nnorth, east\n35.1, 73.3')).toBeNull();
    expect(ringFromText('95, 73.1\n35.2, 73.2\n35.1, 73.3')).toBeNull();
  });
});

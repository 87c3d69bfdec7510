/**
 * The offline basemap: Natural Earth 1:50m from the `world-atlas` package,
 * shipped as same-origin static assets and turned into GeoJSON sources here.
 * No tiles, glyphs or sprites are fetched from anywhere, so the map works on
 * an isolated network and under a `connect-src 'self'` policy. Later layers
 * (places, sites, routes, incidents) are added on top of these.
 */
import type { FeatureCollection, Geometry, MultiLineString } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import landUrl from 'world-atlas/land-50m.json?url';

export const BASEMAP_COLOURS = {
  water: '#c9d9e6',
  land: '#f2efe9',
  coastline: '#8fa9bf',
  border: '#7d8794',
} as const;

interface BasemapData {
  land: FeatureCollection<Geometry>;
  borders: MultiLineString;
}

async function fetchTopology(url: string): Promise<Topology> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`Basemap data answered ${response.status}.`);
  return (await response.json()) as Topology;
}

function asCollection(value: ReturnType<typeof feature>): FeatureCollection<Geometry> {
  return value.type === 'FeatureCollection'
    ? value
    : { type: 'FeatureCollection', features: [value] };
}

async function loadBasemapData(): Promise<BasemapData> {
  const [countries, land] = await Promise.all([
    fetchTopology(countriesUrl),
    fetchTopology(landUrl),
  ]);
  const countryObject = countries.objects.countries as GeometryCollection | undefined;
  const landObject = land.objects.land as GeometryCollection | undefined;
  if (!countryObject || !landObject)
    throw new Error('Basemap data is missing its countries or land.');
  return {
    land: asCollection(feature(land, landObject)),
    // Shared edges only: land borders between two countries, not coastlines.
    borders: mesh(countries, countryObject, (a, b) => a !== b),
  };
}

let pending: Promise<BasemapData> | null = null;

/** Loads (once per page life) and converts the atlas. */
export function basemapData(): Promise<BasemapData> {
  pending ??= loadBasemapData().catch((error: unknown) => {
    pending = null; // let the next attempt try again
    throw error;
  });
  return pending;
}

export function basemapStyle(data: BasemapData): StyleSpecification {
  return {
    version: 8,
    name: 'Tandem offline basemap',
    sources: {
      land: { type: 'geojson', data: data.land, tolerance: 0.3 },
      borders: {
        type: 'geojson',
        data: { type: 'Feature', geometry: data.borders, properties: {} },
      },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': BASEMAP_COLOURS.water } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': BASEMAP_COLOURS.land } },
      {
        id: 'coastline',
        type: 'line',
        source: 'land',
        paint: {
          'line-color': BASEMAP_COLOURS.coastline,
          'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.4, 8, 1.2],
        },
      },
      {
        id: 'country-borders',
        type: 'line',
        source: 'borders',
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': BASEMAP_COLOURS.border,
          'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.6, 8, 1.8],
        },
      },
    ],
  };
}

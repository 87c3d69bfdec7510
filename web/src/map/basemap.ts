/**
 * The offline basemap: Natural Earth from the `world-atlas` package, shipped
 * as same-origin static assets and turned into one GeoJSON source here. No
 * tiles, glyphs or sprites are fetched from anywhere, so the map works on an
 * isolated network and under a `connect-src 'self'` policy. Later layers
 * (places, sites, routes, incidents) are added on top of these.
 *
 * Two levels of detail: 1:50m (`detailed`) and 1:110m (`overview`), a tenth
 * of the size. A map can open on the overview, which the browser's map
 * worker tiles in a fraction of the time, and swap in the detail once it
 * has drawn (`upgradeBasemap`).
 */
import type { FeatureCollection, Geometry, MultiLineString } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110mUrl from 'world-atlas/countries-110m.json?url';
import countries50mUrl from 'world-atlas/countries-50m.json?url';
import land110mUrl from 'world-atlas/land-110m.json?url';
import land50mUrl from 'world-atlas/land-50m.json?url';

const ATLAS = {
  overview: { countries: countries110mUrl, land: land110mUrl },
  detailed: { countries: countries50mUrl, land: land50mUrl },
} as const;
export type BasemapDetail = keyof typeof ATLAS;
const BASEMAP_SOURCE = 'basemap';

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

async function loadBasemapData(detail: BasemapDetail): Promise<BasemapData> {
  const [countries, land] = await Promise.all([
    fetchTopology(ATLAS[detail].countries),
    fetchTopology(ATLAS[detail].land),
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

const pending = new Map<BasemapDetail, Promise<BasemapData>>();

/** Loads (once per page life) and converts the atlas at this level of detail. */
export function basemapData(detail: BasemapDetail = 'detailed'): Promise<BasemapData> {
  let loading = pending.get(detail);
  if (!loading) {
    loading = loadBasemapData(detail).catch((error: unknown) => {
      pending.delete(detail); // let the next attempt try again
      throw error;
    });
    pending.set(detail, loading);
  }
  return loading;
}

function basemapFeatures(data: BasemapData): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: [
      ...data.land.features.map((land) => ({ ...land, properties: { kind: 'land' } })),
      { type: 'Feature', geometry: data.borders, properties: { kind: 'border' } },
    ],
  };
}

/** Swaps the detailed atlas into a map opened on the overview; the map keeps the overview if that fails. */
export async function upgradeBasemap(map: MapLibreMap, isCurrent: () => boolean): Promise<void> {
  try {
    const detailed = await basemapData('detailed');
    if (isCurrent())
      map.getSource<GeoJSONSource>(BASEMAP_SOURCE)?.setData(basemapFeatures(detailed));
  } catch (error) {
    console.error('The detailed basemap could not be loaded', error);
  }
}

export function basemapStyle(data: BasemapData): StyleSpecification {
  return {
    version: 8,
    name: 'Tandem offline basemap',
    // No animated paint changes: each animation frame is expensive where WebGL is software-rendered.
    transition: { duration: 0, delay: 0 },
    sources: {
      // Land and borders in one source: one tiling job in the worker and one wave of tiles,
      // which on a software-rendered map means fewer frames before the first complete one.
      [BASEMAP_SOURCE]: { type: 'geojson', data: basemapFeatures(data), tolerance: 0.3 },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': BASEMAP_COLOURS.water } },
      {
        id: 'land',
        type: 'fill',
        source: BASEMAP_SOURCE,
        filter: ['==', ['get', 'kind'], 'land'],
        paint: { 'fill-color': BASEMAP_COLOURS.land },
      },
      {
        id: 'coastline',
        type: 'line',
        source: BASEMAP_SOURCE,
        filter: ['==', ['get', 'kind'], 'land'],
        paint: {
          'line-color': BASEMAP_COLOURS.coastline,
          'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.4, 8, 1.2],
        },
      },
      {
        id: 'country-borders',
        type: 'line',
        source: BASEMAP_SOURCE,
        filter: ['==', ['get', 'kind'], 'border'],
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': BASEMAP_COLOURS.border,
          'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.6, 8, 1.8],
        },
      },
    ],
  };
}

/**
 * The map page's state lives in the address (`/map?lat=…&lon=…&z=…&from=…`)
 * so that a view — where, when, which layers, which event type — can be
 * bookmarked and sent to a colleague. Defaults are left out of the address;
 * anything unreadable falls back to its default rather than failing.
 */
import { isEventType, type AcledEventType } from '../../lib/acled';
import { defaultRange, isIsoDate, sameRange, type DateRange } from './timeRange';

export const LAYER_NAMES = ['incidents', 'threats'] as const;
export type LayerName = (typeof LAYER_NAMES)[number];

export const THREAT_COLOURINGS = ['grading', 'marking'] as const;
export type ThreatColouring = (typeof THREAT_COLOURINGS)[number];

export interface MapCamera {
  lat: number;
  lon: number;
  zoom: number;
}

export interface MapState {
  /** Undefined: open where the map was last left. */
  camera: MapCamera | undefined;
  range: DateRange;
  layers: Record<LayerName, boolean>;
  eventType: AcledEventType | undefined;
  threatColouring: ThreatColouring;
}

const ALL_LAYERS: Record<LayerName, boolean> = { incidents: true, threats: true };

function finiteIn(value: string | null, min: number, max: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) && number >= min && number <= max ? number : undefined;
}

function cameraFrom(params: URLSearchParams): MapCamera | undefined {
  const lat = finiteIn(params.get('lat'), -85, 85);
  const lon = finiteIn(params.get('lon'), -180, 180);
  const zoom = finiteIn(params.get('z'), 0, 24);
  return lat === undefined || lon === undefined || zoom === undefined
    ? undefined
    : { lat, lon, zoom };
}

function rangeFrom(params: URLSearchParams, today: string): DateRange {
  if (params.get('period') === 'all') return { from: undefined, to: undefined };
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const range = {
    from: isIsoDate(from) ? from : undefined,
    to: isIsoDate(to) ? to : undefined,
  };
  if (range.from === undefined && range.to === undefined) return defaultRange(today);
  // A range written backwards is read as meant.
  if (range.from !== undefined && range.to !== undefined && range.from > range.to)
    return { from: range.to, to: range.from };
  return range;
}

function layersFrom(params: URLSearchParams): Record<LayerName, boolean> {
  const listed = params.get('layers');
  if (listed === null) return ALL_LAYERS;
  const names = new Set(listed.split(','));
  return { incidents: names.has('incidents'), threats: names.has('threats') };
}

export function mapStateFromSearch(search: string, today: string): MapState {
  const params = new URLSearchParams(search);
  const eventType = params.get('eventType') ?? '';
  const colouring = params.get('colour');
  return {
    camera: cameraFrom(params),
    range: rangeFrom(params, today),
    layers: layersFrom(params),
    eventType: isEventType(eventType) ? eventType : undefined,
    threatColouring: colouring === 'marking' ? 'marking' : 'grading',
  };
}

export function searchFromMapState(state: MapState, today: string): string {
  const params = new URLSearchParams();
  if (state.camera) {
    params.set('lat', state.camera.lat.toFixed(4));
    params.set('lon', state.camera.lon.toFixed(4));
    params.set('z', state.camera.zoom.toFixed(2));
  }
  const { from, to } = state.range;
  if (from === undefined && to === undefined) params.set('period', 'all');
  else if (!sameRange(state.range, defaultRange(today))) {
    if (from !== undefined) params.set('from', from);
    if (to !== undefined) params.set('to', to);
  }
  if (!state.layers.incidents || !state.layers.threats)
    params.set('layers', LAYER_NAMES.filter((name) => state.layers[name]).join(','));
  if (state.eventType) params.set('eventType', state.eventType);
  if (state.threatColouring !== 'grading') params.set('colour', state.threatColouring);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

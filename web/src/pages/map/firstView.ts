/**
 * The first view's data, asked for while MapLibre and the basemap are still
 * loading: the page knows where the map will open and how large it will be,
 * so it can work out the view the map will report — Web Mercator on 512-px
 * tiles, as MapLibre computes it — and request that view at once. The
 * answers then reach the map before its first tiles are laid out, and the
 * first complete frame already carries the incidents. Pure but for the start.
 */
import type { IncidentMapFilters } from './mapApi';
import { forgetEarly } from './earlyRequests';
import { startIncidentMap, startThreatMap, viewBoxes } from './mapApi';
import type { LayerName } from './mapState';
import type { DateRange } from './timeRange';
import type { Viewport } from './useViewRequests';

const TILE_SIZE = 512;

function mercatorX(lon: number): number {
  return (180 + lon) / 360;
}

function mercatorY(lat: number): number {
  return (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / 360;
}

function lonOf(x: number): number {
  return x * 360 - 180;
}

function latOf(y: number): number {
  return (360 / Math.PI) * Math.atan(Math.exp(((180 - y * 360) * Math.PI) / 180)) - 90;
}

/** The view of an unrotated, untilted map of `width`×`height` CSS pixels. */
export function predictViewport(
  center: [number, number],
  zoom: number,
  width: number,
  height: number,
): Viewport {
  const worldSize = TILE_SIZE * 2 ** zoom;
  const x = mercatorX(center[0]) * worldSize;
  const y = mercatorY(center[1]) * worldSize;
  return {
    boxes: viewBoxes({
      west: lonOf((x - width / 2) / worldSize),
      east: lonOf((x + width / 2) / worldSize),
      north: latOf((y - height / 2) / worldSize),
      south: latOf((y + height / 2) / worldSize),
    }),
    zoom,
  };
}

export function startFirstView(
  viewport: Viewport,
  layers: Record<LayerName, boolean>,
  incidentFilters: IncidentMapFilters,
  range: DateRange,
): void {
  forgetEarly();
  if (layers.incidents) startIncidentMap(viewport.boxes, viewport.zoom, incidentFilters);
  if (layers.threats) startThreatMap(viewport.boxes, range);
}

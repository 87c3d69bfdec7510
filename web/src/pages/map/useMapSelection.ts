/**
 * What a click on the map picks: a cluster zooms in on itself; incident
 * points and threat areas under the pointer become the selection shown in
 * the side panel. Threat areas overlap, so a selection can hold several.
 * The "What is in view" list picks through the same paths (`select`,
 * `zoomIntoCluster`), so that a keyboard reaches what a pointer does.
 */
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { useCallback, useEffect, useState } from 'react';
import type { IncidentPoint, ThreatAreaProperties } from './mapApi';
import { LAYERS } from './operationalLayers';

export interface MapSelection {
  incidents: IncidentPoint[];
  threats: ThreatAreaProperties[];
}

/** Each click on a cluster brings the next finer clustering (or single incidents) into view. */
const CLUSTER_ZOOM_STEP = 2;
const CLICKABLE = [LAYERS.clusters, LAYERS.points, LAYERS.threatFill];

/** What a click on a cluster does: centre on it, one step of clustering finer. */
export function zoomIntoCluster(map: MapLibreMap, [lon, lat]: [number, number]): void {
  map.easeTo({
    center: [lon, lat],
    zoom: Math.min(map.getZoom() + CLUSTER_ZOOM_STEP, map.getMaxZoom()),
  });
}

function idsOf(features: { layer: { id: string }; properties: unknown }[], layer: string) {
  const ids = new Set<string>();
  for (const feature of features) {
    const { id } = feature.properties as { id?: unknown };
    if (feature.layer.id === layer && typeof id === 'string') ids.add(id);
  }
  return [...ids];
}

export function useMapSelection(
  map: MapLibreMap | null,
  pointById: (id: string) => IncidentPoint | undefined,
  areaById: (id: string) => ThreatAreaProperties | undefined,
): {
  selection: MapSelection | null;
  select: (selection: MapSelection) => void;
  clearSelection: () => void;
} {
  const [selection, setSelection] = useState<MapSelection | null>(null);

  useEffect(() => {
    if (!map) return;
    const onClick = (event: MapMouseEvent) => {
      const layers = CLICKABLE.filter((id) => map.getLayoutProperty(id, 'visibility') !== 'none');
      const features = map.queryRenderedFeatures(event.point, { layers });
      const cluster = features.find((feature) => feature.layer.id === LAYERS.clusters);
      if (cluster && cluster.geometry.type === 'Point') {
        const [lon = 0, lat = 0] = cluster.geometry.coordinates;
        zoomIntoCluster(map, [lon, lat]);
        return;
      }
      const incidents = idsOf(features, LAYERS.points).flatMap((id) => pointById(id) ?? []);
      const threats = idsOf(features, LAYERS.threatFill).flatMap((id) => areaById(id) ?? []);
      setSelection(incidents.length + threats.length > 0 ? { incidents, threats } : null);
    };
    const canvas = map.getCanvasContainer();
    const pointer = () => (canvas.style.cursor = 'pointer');
    const plain = () => (canvas.style.cursor = '');
    map.on('click', onClick);
    for (const layer of CLICKABLE) {
      map.on('mouseenter', layer, pointer);
      map.on('mouseleave', layer, plain);
    }
    return () => {
      map.off('click', onClick);
      for (const layer of CLICKABLE) {
        map.off('mouseenter', layer, pointer);
        map.off('mouseleave', layer, plain);
      }
    };
  }, [map, pointById, areaById]);

  const select = useCallback((picked: MapSelection) => setSelection(picked), []);
  const clearSelection = useCallback(() => setSelection(null), []);
  return { selection, select, clearSelection };
}

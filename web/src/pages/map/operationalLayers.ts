/**
 * The operational layers on top of the basemap, added once per map, empty,
 * in drawing order: threat areas (translucent fill, outline) under incident
 * points, under incident clusters and their counts. The layer hooks only
 * replace the sources' data and switch visibility.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type {
  DataDrivenPropertyValueSpecification,
  GeoJSONSource,
  Map as MapLibreMap,
} from 'maplibre-gl';
import { eventTypeColour } from '../../lib/acled';
import { COUNT_IMAGE_PREFIX, countLabel, ensureCountImages } from './countImages';
import type { IncidentMapAnswer, ThreatArea } from './mapApi';
import type { LayerName, ThreatColouring } from './mapState';
import {
  CLUSTER_COLOUR,
  CLUSTER_OUTLINE,
  GRADING_COLOURS,
  gradingBand,
  markingColour,
} from './mapColours';

export const SOURCES = {
  clusters: 'incident-clusters',
  points: 'incident-points',
  threats: 'threat-areas',
} as const;

export const LAYERS = {
  threatFill: 'threat-areas-fill',
  threatOutline: 'threat-areas-outline',
  points: 'incident-points',
  clusters: 'incident-clusters',
  clusterCounts: 'incident-cluster-counts',
} as const;

const LAYERS_OF: Record<LayerName, readonly string[]> = {
  incidents: [LAYERS.points, LAYERS.clusters, LAYERS.clusterCounts],
  threats: [LAYERS.threatFill, LAYERS.threatOutline],
};

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Circle area grows with the count, so a cluster of 10,000 is not 10,000 times a single one. */
const clusterRadius: DataDrivenPropertyValueSpecification<number> = [
  'interpolate',
  ['linear'],
  ['sqrt', ['get', 'count']],
  1,
  11,
  10,
  17,
  100,
  32,
];

export function addOperationalLayers(map: MapLibreMap): void {
  for (const source of Object.values(SOURCES))
    map.addSource(source, { type: 'geojson', data: EMPTY });
  map.addLayer({
    id: LAYERS.threatFill,
    type: 'fill',
    source: SOURCES.threats,
    paint: { 'fill-color': ['get', 'gradingColour'], 'fill-opacity': 0.2 },
  });
  map.addLayer({
    id: LAYERS.threatOutline,
    type: 'line',
    source: SOURCES.threats,
    paint: { 'line-color': ['get', 'gradingColour'], 'line-width': 1.6, 'line-opacity': 0.9 },
  });
  map.addLayer({
    id: LAYERS.points,
    type: 'circle',
    source: SOURCES.points,
    paint: {
      // Each point carries its colour (set in setIncidentData), as the legend's.
      'circle-color': ['get', 'colour'],
      'circle-radius': 6,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1.5,
    },
  });
  map.addLayer({
    id: LAYERS.clusters,
    type: 'circle',
    source: SOURCES.clusters,
    paint: {
      'circle-color': CLUSTER_COLOUR,
      'circle-opacity': 0.85,
      'circle-radius': clusterRadius,
      'circle-stroke-color': CLUSTER_OUTLINE,
      'circle-stroke-width': 1.5,
    },
  });
  map.addLayer({
    id: LAYERS.clusterCounts,
    type: 'symbol',
    source: SOURCES.clusters,
    layout: {
      'icon-image': ['concat', COUNT_IMAGE_PREFIX, ['get', 'label']],
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
    },
  });
}

/** Sources holding features, per map: setting an empty source empty again would re-tile it for nothing. */
const filledSources = new WeakMap<MapLibreMap, Set<string>>();

function replaceData(map: MapLibreMap, id: string, data: FeatureCollection): void {
  let filled = filledSources.get(map);
  if (!filled) filledSources.set(map, (filled = new Set()));
  if (data.features.length === 0 && !filled.has(id)) return;
  if (data.features.length === 0) filled.delete(id);
  else filled.add(id);
  map.getSource<GeoJSONSource>(id)?.setData(data);
}

export function showLayer(map: MapLibreMap, layer: LayerName, visible: boolean): void {
  for (const id of LAYERS_OF[layer])
    map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
}

export function setIncidentData(
  map: MapLibreMap,
  answer: IncidentMapAnswer | null,
  locale: string,
): void {
  let clusters: FeatureCollection = EMPTY;
  let points: FeatureCollection = EMPTY;
  if (answer?.kind === 'clusters') {
    const labelled = answer.features.map((feature) => ({
      ...feature,
      properties: { ...feature.properties, label: countLabel(feature.properties.count, locale) },
    }));
    ensureCountImages(
      map,
      labelled.map((feature) => feature.properties.label),
    );
    clusters = { type: 'FeatureCollection', features: labelled };
  } else if (answer?.kind === 'points') {
    points = {
      type: 'FeatureCollection',
      features: answer.points.map((point): Feature<Point> => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [point.lon, point.lat] },
        properties: { id: point.id, colour: eventTypeColour(point.event_type) },
      })),
    };
  }
  replaceData(map, SOURCES.clusters, clusters);
  replaceData(map, SOURCES.points, points);
}

/** Both colourings are stored on each feature; the layer picks one (see colourThreatsBy). */
export function setThreatData(map: MapLibreMap, areas: readonly ThreatArea[]): void {
  replaceData(map, SOURCES.threats, {
    type: 'FeatureCollection',
    features: areas.map((area) => ({
      type: 'Feature',
      geometry: area.geometry,
      properties: {
        id: area.properties.id,
        gradingColour:
          GRADING_COLOURS[
            gradingBand(area.properties.sourceReliability, area.properties.informationCredibility)
          ],
        markingColour: markingColour(area.properties.marking),
      },
    })),
  });
}

export function colourThreatsBy(map: MapLibreMap, colouring: ThreatColouring): void {
  const property = colouring === 'marking' ? 'markingColour' : 'gradingColour';
  const current: unknown = map.getPaintProperty(LAYERS.threatFill, 'fill-color');
  // Restyling repaints: only when the colouring really changes.
  if (Array.isArray(current) && current[1] === property) return;
  map.setPaintProperty(LAYERS.threatFill, 'fill-color', ['get', property]);
  map.setPaintProperty(LAYERS.threatOutline, 'line-color', ['get', property]);
}

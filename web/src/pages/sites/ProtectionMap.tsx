/**
 * A small map of a site or a movement on the offline basemap: the point,
 * polygon or route, the buffer or corridor around it at its true width on
 * the ground, the route's ends and waypoints, and the last check-in. Made
 * with the shared small-map opener (map/smallMap.ts) and, like PointMap,
 * made again when the language changes. Optionally a picker: a click hands
 * back the position (the form's lat/lon fields stay the keyboard way).
 */
import type { FeatureCollection } from 'geojson';
import {
  ScaleControl,
  type GeoJSONSource,
  type Map as MapLibreMap,
  type StyleSpecification,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/Notice';
import { OVERVIEW_CAMERA, openSmallMap } from '../../map/smallMap';
import { featureBounds, groundPixels, type Bounds } from './geoFeatures';

const ZONE_COLOUR = '#1d4f91';
const SHAPE_COLOUR = '#b42318';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

function withLayers(style: StyleSpecification, bufferKm: number, lat: number): StyleSpecification {
  return {
    ...style,
    sources: { ...style.sources, shapes: { type: 'geojson', data: EMPTY } },
    layers: [
      ...style.layers,
      // The buffer or corridor: around the outline or route, and around a point site.
      {
        id: 'zone-line',
        type: 'line',
        source: 'shapes',
        filter: ['any', ['==', ['get', 'role'], 'route'], ['==', ['get', 'role'], 'site']],
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: {
          'line-color': ZONE_COLOUR,
          'line-opacity': 0.16,
          'line-width': groundPixels(2 * bufferKm, lat),
        },
      },
      {
        id: 'zone-circle',
        type: 'circle',
        source: 'shapes',
        filter: ['all', ['==', ['geometry-type'], 'Point'], ['==', ['get', 'role'], 'site']],
        paint: {
          'circle-color': ZONE_COLOUR,
          'circle-opacity': 0.16,
          'circle-radius': groundPixels(bufferKm, lat),
          'circle-pitch-alignment': 'map',
        },
      },
      {
        id: 'shape-fill',
        type: 'fill',
        source: 'shapes',
        filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'fill-color': SHAPE_COLOUR, 'fill-opacity': 0.2 },
      },
      {
        id: 'shape-line',
        type: 'line',
        source: 'shapes',
        filter: ['!=', ['geometry-type'], 'Point'],
        layout: { 'line-join': 'round' },
        paint: { 'line-color': SHAPE_COLOUR, 'line-width': 2.5 },
      },
      {
        id: 'shape-points',
        type: 'circle',
        source: 'shapes',
        filter: ['==', ['geometry-type'], 'Point'],
        paint: {
          'circle-radius': ['match', ['get', 'role'], 'waypoint', 4, 'last', 7, 6],
          'circle-color': [
            'match',
            ['get', 'role'],
            'last',
            '#1d4f91',
            'destination',
            SHAPE_COLOUR,
            '#ffffff',
          ],
          'circle-stroke-color': ['match', ['get', 'role'], 'last', '#ffffff', SHAPE_COLOUR],
          'circle-stroke-width': 2,
        },
      },
    ],
  };
}

export function ProtectionMap({
  features,
  bufferKm,
  label,
  testId,
  onPick,
}: {
  features: FeatureCollection;
  /** The site's buffer or the movement's corridor half-width. */
  bufferKm: number;
  label: string;
  testId: string;
  onPick?: (point: { lat: number; lon: number }) => void;
}) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const bounds = useMemo(() => featureBounds(features, bufferKm), [features, bufferKm]);
  const latest = useRef<{ bounds: Bounds | null; bufferKm: number; onPick: typeof onPick }>({
    bounds,
    bufferKm,
    onPick,
  });
  useEffect(() => {
    latest.current = { bounds, bufferKm, onPick };
  });
  const picking = onPick !== undefined;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const startBounds = latest.current.bounds;
    const midLat = startBounds ? (startBounds[0][1] + startBounds[1][1]) / 2 : 30;
    const cancel = openSmallMap(container, {
      t,
      camera: () =>
        startBounds
          ? { bounds: startBounds, fitBoundsOptions: { padding: 24, maxZoom: 10 } }
          : OVERVIEW_CAMERA,
      style: (basemap) => withLayers(basemap, latest.current.bufferKm, midLat),
      onMap: (map) => {
        map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 100 }), 'bottom-left');
        if (picking) {
          map.getCanvas().style.cursor = 'crosshair';
          map.on('click', (event) =>
            latest.current.onPick?.({
              lat: Math.round(event.lngLat.lat * 1e5) / 1e5,
              lon: Math.round(event.lngLat.lng * 1e5) / 1e5,
            }),
          );
        }
        map.on('load', () => setReady(true));
        mapRef.current = map;
      },
      onFail: () => setFailed(true),
    });
    return () => {
      cancel();
      setReady(false);
      mapRef.current?.remove();
      mapRef.current = null;
    };
  }, [t, picking]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    map.getSource<GeoJSONSource>('shapes')?.setData(features);
    const box = latest.current.bounds;
    const lat = box ? (box[0][1] + box[1][1]) / 2 : 30;
    map.setPaintProperty('zone-line', 'line-width', groundPixels(2 * bufferKm, lat));
    map.setPaintProperty('zone-circle', 'circle-radius', groundPixels(bufferKm, lat));
    if (box && !picking) map.fitBounds(box, { padding: 24, maxZoom: 10, duration: 0 });
  }, [ready, features, bufferKm, picking]);

  return (
    <div className="point-map protection-map">
      <div
        ref={containerRef}
        className="point-map-canvas"
        data-testid={testId}
        data-ready={ready ? 'true' : 'false'}
        dir="ltr"
        role="region"
        aria-label={label}
      />
      {failed ? <Notice tone="error">{t('map.failed')}</Notice> : null}
    </div>
  );
}

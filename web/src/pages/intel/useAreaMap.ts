/**
 * A small MapLibre map on the offline basemap with one GeoJSON layer set for
 * a threat report's area (fill, outline, points), used both to show an area
 * and to draw one. The caller hands in the features; clicks come back as
 * positions. The map is made again when the language changes (its controls
 * are labelled in it), as PointMap does.
 */
import {
  ScaleControl,
  type GeoJSONSource,
  type Map as MapLibreMap,
  type StyleSpecification,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Position } from '../../api/intel';
import { OVERVIEW_CAMERA, openSmallMap } from '../../map/smallMap';

const AREA_COLOUR = '#b42318';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

type Bounds = [[number, number], [number, number]];

function withAreaLayers(style: StyleSpecification): StyleSpecification {
  return {
    ...style,
    sources: { ...style.sources, area: { type: 'geojson', data: EMPTY } },
    layers: [
      ...style.layers,
      {
        id: 'area-fill',
        type: 'fill',
        source: 'area',
        filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'fill-color': AREA_COLOUR, 'fill-opacity': 0.16 },
      },
      {
        id: 'area-line',
        type: 'line',
        source: 'area',
        filter: ['!=', ['geometry-type'], 'Point'],
        layout: { 'line-join': 'round' },
        paint: { 'line-color': AREA_COLOUR, 'line-width': 2 },
      },
      {
        id: 'area-points',
        type: 'circle',
        source: 'area',
        filter: ['==', ['geometry-type'], 'Point'],
        paint: {
          'circle-radius': ['match', ['get', 'role'], 'first', 6, 4.5],
          'circle-color': ['match', ['get', 'role'], 'first', '#ffffff', AREA_COLOUR],
          'circle-stroke-color': AREA_COLOUR,
          'circle-stroke-width': 2,
        },
      },
    ],
  };
}

export interface AreaMapHandle {
  ready: boolean;
  failed: boolean;
  /** The map's centre now, for keyboard drawing ("add a point at the centre"). */
  centre: () => Position | null;
  /** Where a position is on screen, to tell a click on the first vertex. */
  project: (position: Position) => { x: number; y: number } | null;
}

export function useAreaMap(
  containerRef: RefObject<HTMLDivElement | null>,
  options: {
    features: FeatureCollection;
    /** Framed once the map is made (and whenever `frameKey` changes). */
    bounds: Bounds | null;
    frameKey?: string;
    onClick?: (position: Position, point: { x: number; y: number }) => void;
  },
): AreaMapHandle {
  const { t } = useTranslation();
  const mapRef = useRef<MapLibreMap | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const onClickRef = useRef(options.onClick);
  const boundsRef = useRef(options.bounds);
  useEffect(() => {
    onClickRef.current = options.onClick;
    boundsRef.current = options.bounds;
  });
  const drawing = options.onClick !== undefined;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const cancelOpening = openSmallMap(container, {
      t,
      camera: () => {
        const bounds = boundsRef.current;
        return bounds ? { bounds, fitBoundsOptions: { padding: 30, maxZoom: 9 } } : OVERVIEW_CAMERA;
      },
      style: withAreaLayers,
      onMap: (map) => {
        map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 100 }), 'bottom-left');
        if (drawing) {
          // Quick clicks add vertices; they must not zoom.
          map.doubleClickZoom.disable();
          map.getCanvas().style.cursor = 'crosshair';
          map.on('click', (event) =>
            onClickRef.current?.([event.lngLat.lng, event.lngLat.lat], event.point),
          );
        }
        map.on('load', () => setReady(true));
        mapRef.current = map;
      },
      onFail: () => setFailed(true),
    });
    return () => {
      cancelOpening();
      setReady(false);
      mapRef.current?.remove();
      mapRef.current = null;
    };
  }, [t, drawing, containerRef]);

  const { features } = options;
  useEffect(() => {
    if (!ready) return;
    const source = mapRef.current?.getSource<GeoJSONSource>('area');
    source?.setData(features);
  }, [ready, features]);

  const frameKey = options.frameKey;
  useEffect(() => {
    const bounds = boundsRef.current;
    if (!ready || frameKey === undefined || !bounds) return;
    mapRef.current?.fitBounds(bounds, { padding: 30, maxZoom: 9, duration: 0 });
  }, [ready, frameKey]);

  return {
    ready,
    failed,
    centre: () => {
      const centre = mapRef.current?.getCenter();
      return centre ? [centre.lng, centre.lat] : null;
    },
    project: (position) => {
      const point = mapRef.current?.project(position);
      return point ? { x: point.x, y: point.y } : null;
    },
  };
}

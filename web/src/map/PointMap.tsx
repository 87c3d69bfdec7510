/**
 * A small map showing one point on the offline basemap. With `onPick` it is
 * a picker: a click sets the point and the marker can be dragged; the
 * latitude/longitude fields beside it remain the keyboard way to do the same.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { Marker } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../components/Notice';
import { OVERVIEW_CAMERA, openSmallMap } from './smallMap';

export interface Point {
  lat: number;
  lon: number;
}

const POINT_ZOOM = 6;
const MARKER_COLOUR = '#b42318';

function round(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

export function PointMap({
  point,
  onPick,
  label,
}: {
  point: Point | null;
  onPick?: (point: Point) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const markerRef = useRef<Marker | null>(null);
  const onPickRef = useRef(onPick);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  // Bumped when a map is made, so that the marker effect runs again for it.
  const [mapVersion, setMapVersion] = useState(0);
  const editable = onPick !== undefined;
  useEffect(() => {
    onPickRef.current = onPick;
  }, [onPick]);
  const initialPoint = useRef(point);
  // The last point set on the map itself: the camera stays put for those.
  const pickedHere = useRef<Point | null>(null);
  const pickHere = (picked: Point) => {
    pickedHere.current = picked;
    onPickRef.current?.(picked);
  };
  const pickHereRef = useRef(pickHere);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const cancel = openSmallMap(container, {
      t,
      camera: () => {
        const start = initialPoint.current;
        return start
          ? { center: [start.lon, start.lat], zoom: POINT_ZOOM }
          : { center: OVERVIEW_CAMERA.center, zoom: OVERVIEW_CAMERA.zoom };
      },
      onMap: (map) => {
        if (editable) {
          map.getCanvas().style.cursor = 'crosshair';
          map.on('click', (event) =>
            pickHereRef.current({ lat: round(event.lngLat.lat), lon: round(event.lngLat.lng) }),
          );
        }
        map.on('load', () => setReady(true));
        mapRef.current = map;
        setReady(false);
        // Let the point effect place the marker now that there is a map.
        setMapVersion((version) => version + 1);
      },
      onFail: () => setFailed(true),
    });
    return () => {
      cancel();
      markerRef.current?.remove();
      markerRef.current = null;
      mapRef.current?.remove();
      mapRef.current = null;
    };
  }, [t, editable]);

  const lat = point?.lat;
  const lon = point?.lon;
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (lat === undefined || lon === undefined) {
      markerRef.current?.remove();
      markerRef.current = null;
      return;
    }
    let marker = markerRef.current;
    if (!marker) {
      marker = new Marker({ color: MARKER_COLOUR, draggable: editable })
        .setLngLat([lon, lat])
        .addTo(map);
      marker.getElement().setAttribute('data-testid', 'map-marker');
      marker.on('dragend', () => {
        const position = marker?.getLngLat();
        if (position) pickHereRef.current({ lat: round(position.lat), lon: round(position.lng) });
      });
      markerRef.current = marker;
    } else {
      marker.setLngLat([lon, lat]);
    }
    const picked = pickedHere.current;
    const fromThisMap = picked !== null && picked.lat === lat && picked.lon === lon;
    if (!fromThisMap) {
      // Typed or found elsewhere: bring the point into view, close enough to adjust it.
      map.jumpTo({ center: [lon, lat], zoom: Math.max(map.getZoom(), POINT_ZOOM - 1) });
    }
  }, [lat, lon, editable, mapVersion]);

  return (
    <div className="point-map">
      <div
        ref={containerRef}
        className="point-map-canvas"
        data-testid="point-map"
        data-ready={ready ? 'true' : 'false'}
        dir="ltr"
        role="region"
        aria-label={label}
      />
      {failed ? <Notice tone="error">{t('map.failed')}</Notice> : null}
    </div>
  );
}

/**
 * The MapLibre map on the offline basemap, with zoom/compass and a scale
 * bar. The camera survives leaving the page and switching language.
 */
import { Map as MapLibreMap, NavigationControl, ScaleControl, type LngLat } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../components/Notice';
import { basemapData, basemapStyle } from './basemap';

declare global {
  interface Window {
    /** Set once the map has rendered its basemap; the browser tests wait on it. */
    __tandemMapLoaded?: boolean;
  }
}

/** Pakistan and western China. */
const INITIAL_CAMERA = { center: [70, 31] as [number, number], zoom: 4, bearing: 0, pitch: 0 };
let lastCamera = INITIAL_CAMERA;

export function MapView({ onPointer }: { onPointer?: (position: LngLat | null) => void }) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const onPointerRef = useRef(onPointer);
  useEffect(() => {
    onPointerRef.current = onPointer;
  }, [onPointer]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let map: MapLibreMap | null = null;
    let cancelled = false;
    window.__tandemMapLoaded = false;

    basemapData().then(
      (data) => {
        if (cancelled) return;
        map = new MapLibreMap({
          container,
          style: basemapStyle(data),
          ...lastCamera,
          minZoom: 1,
          maxZoom: 11,
          attributionControl: { compact: true, customAttribution: t('map.attribution') },
          locale: {
            'NavigationControl.ZoomIn': t('map.zoomIn'),
            'NavigationControl.ZoomOut': t('map.zoomOut'),
            'NavigationControl.ResetBearing': t('map.resetBearing'),
            'AttributionControl.ToggleAttribution': t('map.toggleAttribution'),
          },
        });
        map.addControl(new NavigationControl({ visualizePitch: true }), 'top-right');
        map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
        map.on('load', () => {
          window.__tandemMapLoaded = true;
        });
        map.on('moveend', () => {
          if (!map) return;
          const center = map.getCenter();
          lastCamera = {
            center: [center.lng, center.lat],
            zoom: map.getZoom(),
            bearing: map.getBearing(),
            pitch: map.getPitch(),
          };
        });
        map.on('mousemove', (event) => onPointerRef.current?.(event.lngLat));
        map.on('mouseout', () => onPointerRef.current?.(null));
        map.on('error', (event) => console.error('Map error', event.error));
      },
      (error: unknown) => {
        console.error(error);
        if (!cancelled) setFailed(true);
      },
    );

    return () => {
      cancelled = true;
      map?.remove();
      window.__tandemMapLoaded = false;
    };
  }, [t]);

  return (
    <>
      <div
        ref={containerRef}
        className="map-canvas"
        data-testid="map"
        dir="ltr"
        aria-label={t('map.label')}
        role="region"
      />
      {failed ? (
        <div className="map-failure">
          <Notice tone="error">{t('map.failed')}</Notice>
        </div>
      ) : null}
    </>
  );
}

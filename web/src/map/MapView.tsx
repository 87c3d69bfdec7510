/**
 * The MapLibre map on the offline basemap, with zoom/compass and a scale
 * bar. The camera survives leaving the page and switching language. Pages
 * that draw their own layers take the map from `onReady` once its style has
 * loaded (and get null when it goes away, e.g. when the language changes).
 * It opens on the overview atlas and swaps in the detailed one after its
 * first complete frame: the first view is what the map page's budget
 * (first render ≤ 1.5 s) is about, and on software WebGL the atlas size
 * dominates it.
 */
import {
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  type ControlPosition,
  type LngLat,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../components/Notice';
import { basemapData, basemapStyle, upgradeBasemap } from './basemap';

declare global {
  interface Window {
    /** Set once the map has rendered its basemap; the browser tests wait on it. */
    __tandemMapLoaded?: boolean;
  }
}

/** Pakistan and western China. */
const INITIAL_CAMERA = { center: [70, 31] as [number, number], zoom: 4, bearing: 0, pitch: 0 };
let lastCamera = INITIAL_CAMERA;
const DEFAULT_MAX_ZOOM = 11;

export interface CameraPosition {
  center: [number, number];
  zoom: number;
}

/** Where a map made now would open, given the camera the page asks for. */
export function startingCamera(initial: CameraPosition | undefined): CameraPosition {
  return initial ?? { center: lastCamera.center, zoom: lastCamera.zoom };
}

interface MapViewProps {
  onPointer?: (position: LngLat | null) => void;
  /** Where to open (read when the map is made); without it, where the map was last left. */
  initialCamera?: CameraPosition | undefined;
  maxZoom?: number;
  /**
   * The map as soon as its style has loaded, before its first complete frame: sources and
   * layers added then are part of that frame. Null when the map is removed.
   */
  onReady?: (map: MapLibreMap | null) => void;
  /** After every move, where the map came to rest. */
  onCameraChange?: (camera: CameraPosition) => void;
}

export function MapView({
  onPointer,
  initialCamera,
  maxZoom = DEFAULT_MAX_ZOOM,
  onReady,
  onCameraChange,
}: MapViewProps) {
  const { t, i18n } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  // Callbacks and the starting camera are read through refs: changing them must not remake the map.
  const onPointerRef = useRef(onPointer);
  const onReadyRef = useRef(onReady);
  const onCameraChangeRef = useRef(onCameraChange);
  const initialCameraRef = useRef(initialCamera);
  useEffect(() => {
    onPointerRef.current = onPointer;
    onReadyRef.current = onReady;
    onCameraChangeRef.current = onCameraChange;
    initialCameraRef.current = initialCamera;
  }, [onPointer, onReady, onCameraChange, initialCamera]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let map: MapLibreMap | null = null;
    let cancelled = false;
    window.__tandemMapLoaded = false;
    // Controls sit at the inline end and the scale at the inline start, as the page mirrors.
    const rtl = i18n.dir() === 'rtl';
    const controlCorner: ControlPosition = rtl ? 'top-left' : 'top-right';
    const scaleCorner: ControlPosition = rtl ? 'bottom-right' : 'bottom-left';

    // Open on the light overview atlas; the detail follows once the map has drawn.
    basemapData('overview').then(
      (data) => {
        if (cancelled) return;
        // Marks for the first-render benchmark (bench/map-page.bench.ts): where the time goes.
        performance.mark('tandem:basemap-ready');
        const start = initialCameraRef.current;
        map = new MapLibreMap({
          container,
          style: basemapStyle(data),
          ...lastCamera,
          ...(start ? { center: start.center, zoom: start.zoom } : {}),
          minZoom: 1,
          maxZoom,
          // Labels (cluster counts) appear at once: a fade costs frames, and frames are what
          // a software-rendered first view is slow at.
          fadeDuration: 0,
          attributionControl: { compact: true, customAttribution: t('map.attribution') },
          locale: {
            'NavigationControl.ZoomIn': t('map.zoomIn'),
            'NavigationControl.ZoomOut': t('map.zoomOut'),
            'NavigationControl.ResetBearing': t('map.resetBearing'),
            'AttributionControl.ToggleAttribution': t('map.toggleAttribution'),
          },
        });
        map.addControl(new NavigationControl({ visualizePitch: true }), controlCorner);
        map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), scaleCorner);
        void map.once('style.load', () => onReadyRef.current?.(map));
        map.on('load', () => {
          performance.mark('tandem:map-loaded');
          window.__tandemMapLoaded = true;
        });
        void map.once('idle', () => {
          if (map) void upgradeBasemap(map, () => !cancelled);
        });
        map.on('moveend', () => {
          // Removing the map can end a gesture with one last moveend: not a move the page should follow.
          if (!map || cancelled) return;
          const center = map.getCenter();
          lastCamera = {
            center: [center.lng, center.lat],
            zoom: map.getZoom(),
            bearing: map.getBearing(),
            pitch: map.getPitch(),
          };
          onCameraChangeRef.current?.({ center: lastCamera.center, zoom: lastCamera.zoom });
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
      if (map) onReadyRef.current?.(null);
      map?.remove();
      window.__tandemMapLoaded = false;
    };
  }, [t, i18n, maxZoom]);

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

/**
 * Opens the small MapLibre maps that sit beside a record (the threat area of
 * a report; the point of an incident as PointMap draws it) on the offline
 * basemap: flat and north up, since rotating or tilting a map this small
 * only disorients; zoom from the world to a district; controls labelled in
 * the interface language, so a caller makes its map again when the
 * language changes. The caller adds its own layers, controls and handlers.
 */
import type { TFunction } from 'i18next';
import {
  Map as MapLibreMap,
  NavigationControl,
  type MapOptions,
  type StyleSpecification,
} from 'maplibre-gl';
import { basemapData, basemapStyle } from './basemap';

/** Where a small map opens when it has nothing to frame: Pakistan and its neighbours. */
export const OVERVIEW_CAMERA = { center: [70, 31] as [number, number], zoom: 3.6 };

export type SmallMapCamera = Pick<MapOptions, 'center' | 'zoom' | 'bounds' | 'fitBoundsOptions'>;

export interface SmallMapOptions {
  t: TFunction;
  /** Asked once the basemap has arrived, so that it frames what is current then. */
  camera: () => SmallMapCamera;
  /** Adds the caller's sources and layers to the basemap's style. */
  style?: (basemap: StyleSpecification) => StyleSpecification;
  onMap: (map: MapLibreMap) => void;
  /** The basemap could not be loaded (the error is logged). */
  onFail: () => void;
}

/**
 * Loads the basemap, then makes the map in `container` and hands it to
 * `onMap`. Returns a function that cancels the opening if it has not
 * happened yet; removing a map once made is the caller's.
 */
export function openSmallMap(container: HTMLElement, options: SmallMapOptions): () => void {
  let cancelled = false;
  basemapData().then(
    (data) => {
      if (cancelled) return;
      const basemap = basemapStyle(data);
      options.onMap(
        createSmallMap(
          container,
          options.style ? options.style(basemap) : basemap,
          options.camera(),
          options.t,
        ),
      );
    },
    (error: unknown) => {
      console.error(error);
      if (!cancelled) options.onFail();
    },
  );
  return () => {
    cancelled = true;
  };
}

function createSmallMap(
  container: HTMLElement,
  style: StyleSpecification,
  camera: SmallMapCamera,
  t: TFunction,
): MapLibreMap {
  const map = new MapLibreMap({
    container,
    style,
    ...camera,
    minZoom: 1,
    maxZoom: 11,
    dragRotate: false,
    pitchWithRotate: false,
    attributionControl: { compact: true, customAttribution: t('map.attribution') },
    locale: {
      'NavigationControl.ZoomIn': t('map.zoomIn'),
      'NavigationControl.ZoomOut': t('map.zoomOut'),
      'AttributionControl.ToggleAttribution': t('map.toggleAttribution'),
    },
  });
  map.touchZoomRotate.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.on('error', (event) => console.error('Map error', event.error));
  return map;
}

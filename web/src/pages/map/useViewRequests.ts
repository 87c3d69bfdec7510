/**
 * Reloads a layer for the map's current view: at once when the layer is
 * switched on or its filters change (`key`), and shortly after the map
 * stops moving. Each new request aborts the one still running, so a slow
 * answer for an old view can never replace the answer for the current one.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { viewBoxes, type ViewBox } from './mapApi';

/** Long enough to let a fling or a double-click zoom finish; short enough to feel live. */
export const MOVE_DEBOUNCE_MS = 250;

export interface Viewport {
  boxes: ViewBox[];
  zoom: number;
}

export function viewportOf(map: MapLibreMap): Viewport {
  const bounds = map.getBounds();
  return {
    boxes: viewBoxes({
      west: bounds.getWest(),
      south: bounds.getSouth(),
      east: bounds.getEast(),
      north: bounds.getNorth(),
    }),
    zoom: map.getZoom(),
  };
}

export function useViewRequests(
  map: MapLibreMap | null,
  enabled: boolean,
  key: string,
  /** Must catch its own errors; it is told through `signal` when it has been superseded. */
  load: (viewport: Viewport, signal: AbortSignal) => Promise<void>,
): void {
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  }, [load]);

  useEffect(() => {
    if (!map || !enabled) return;
    let controller: AbortController | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reload = () => {
      controller?.abort();
      const current = new AbortController();
      controller = current;
      void loadRef.current(viewportOf(map), current.signal);
    };
    const onMoveEnd = () => {
      clearTimeout(timer);
      timer = setTimeout(reload, MOVE_DEBOUNCE_MS);
    };
    // A move starting again cancels the pending reload: only where the map comes to rest counts.
    const onMoveStart = () => clearTimeout(timer);
    map.on('moveend', onMoveEnd);
    map.on('movestart', onMoveStart);
    reload();
    return () => {
      map.off('moveend', onMoveEnd);
      map.off('movestart', onMoveStart);
      clearTimeout(timer);
      controller?.abort();
    };
  }, [map, enabled, key]);
}

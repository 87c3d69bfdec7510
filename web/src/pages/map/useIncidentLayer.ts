/**
 * The incidents layer: asks the server for the view (clusters when zoomed
 * out, with counts equal to the filtered total), draws the answer, and once
 * the map has drawn it marks the page — `data-incidents-state="drawn"` and
 * `data-incidents-drawn` (the count actually on screen) on the map element,
 * and a `tandem:incidents-drawn` performance mark — for the browser tests
 * and the first-render benchmark. The answer drawn is returned as well, so
 * that the page's "What is in view" list shows exactly what the map does
 * without asking the server twice.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  fetchIncidentMap,
  type IncidentMapAnswer,
  type IncidentMapFilters,
  type IncidentPoint,
} from './mapApi';
import { LAYERS, setIncidentData, showLayer } from './operationalLayers';
import { useViewRequests, type Viewport } from './useViewRequests';

export const INCIDENTS_DRAWN_MARK = 'tandem:incidents-drawn';

export type IncidentLayerStatus =
  | { state: 'hidden' }
  | { state: 'loading'; total: number | undefined }
  | { state: 'ready'; kind: 'clusters' | 'points'; total: number; truncated: boolean }
  | { state: 'error'; error: unknown };

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Resolves when the map has drawn everything asked of it and stands still. */
function nextIdle(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    void map.once('idle', () => resolve());
  });
}

/** What the map really drew: the counts of the clusters on screen, or the points on screen. */
function drawnCount(map: MapLibreMap): number {
  const clusters = new Map<string, number>();
  for (const feature of map.queryRenderedFeatures({ layers: [LAYERS.clusters] })) {
    const { cell, count } = feature.properties as { cell?: string; count?: number };
    if (cell !== undefined) clusters.set(cell, Number(count ?? 0));
  }
  const points = new Set<string>();
  for (const feature of map.queryRenderedFeatures({ layers: [LAYERS.points] })) {
    const { id } = feature.properties as { id?: string };
    if (id !== undefined) points.add(id);
  }
  let sum = points.size;
  for (const count of clusters.values()) sum += count;
  return sum;
}

export function useIncidentLayer(
  map: MapLibreMap | null,
  visible: boolean,
  filters: IncidentMapFilters,
  locale: string,
): {
  status: IncidentLayerStatus;
  /** What the map last drew; it stays while the next view loads, and is null when hidden. */
  drawn: IncidentMapAnswer | null;
  pointById: (id: string) => IncidentPoint | undefined;
} {
  const [status, setStatus] = useState<IncidentLayerStatus>({ state: 'hidden' });
  const [drawn, setDrawn] = useState<IncidentMapAnswer | null>(null);
  const points = useRef(new Map<string, IncidentPoint>());

  useEffect(() => {
    if (!map) return;
    showLayer(map, 'incidents', visible);
    if (visible) return;
    setStatus({ state: 'hidden' });
    setDrawn(null);
    const container = map.getContainer();
    container.dataset.incidentsState = 'hiding';
    let current = true;
    // Hidden means gone from the screen: recount what is drawn once the map has redrawn.
    void nextIdle(map).then(() => {
      if (!current) return;
      container.dataset.incidentsDrawn = String(drawnCount(map));
      container.dataset.incidentsState = 'hidden';
    });
    return () => {
      current = false;
    };
  }, [map, visible]);

  const load = useCallback(
    async (viewport: Viewport, signal: AbortSignal) => {
      if (!map) return;
      const container = map.getContainer();
      container.dataset.incidentsState = 'loading';
      setStatus((previous) => ({
        state: 'loading',
        total: previous.state === 'ready' ? previous.total : undefined,
      }));
      try {
        // The server answers a zoomed-in, quiet view with points and a busy one with clusters.
        const answer = await fetchIncidentMap(viewport.boxes, viewport.zoom, filters, signal);
        if (signal.aborted) return;
        points.current = new Map(
          answer.kind === 'points' ? answer.points.map((point) => [point.id, point]) : [],
        );
        setIncidentData(map, answer, locale);
        setDrawn(answer);
        setStatus({
          state: 'ready',
          kind: answer.kind,
          total: answer.total,
          truncated: answer.kind === 'points' && answer.truncated,
        });
        // Drawn means drawn: wait until the map has rendered the new data and is at rest.
        await nextIdle(map);
        if (signal.aborted) return;
        container.dataset.incidentsDrawn = String(drawnCount(map));
        container.dataset.incidentsTotal = String(answer.total);
        container.dataset.incidentsState = 'drawn';
        performance.mark(INCIDENTS_DRAWN_MARK);
      } catch (error) {
        if (signal.aborted || isAbort(error)) return;
        container.dataset.incidentsState = 'error';
        setStatus({ state: 'error', error });
      }
    },
    [map, filters, locale],
  );

  const filterKey = `${filters.range.from}|${filters.range.to}|${filters.eventType}|${locale}`;
  useViewRequests(map, visible, filterKey, load);

  const pointById = useCallback((id: string) => points.current.get(id), []);
  return { status, drawn, pointById };
}

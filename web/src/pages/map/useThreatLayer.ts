/**
 * The threat areas layer: the areas of threat reports whose validity
 * overlaps the time range, in the view, as translucent polygons. A server
 * that does not offer the threat map yet is reported as `unsupported`, not
 * as an error: the rest of the map works without it. The areas drawn are
 * returned too, for the page's "What is in view" list.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchThreatMap, type ThreatArea, type ThreatAreaProperties } from './mapApi';
import { colourThreatsBy, setThreatData, showLayer } from './operationalLayers';
import type { ThreatColouring } from './mapState';
import type { DateRange } from './timeRange';
import { useViewRequests, type Viewport } from './useViewRequests';

export type ThreatLayerStatus =
  | { state: 'hidden' }
  | { state: 'loading'; count: number | undefined }
  | { state: 'ready'; count: number; truncated: boolean }
  | { state: 'unsupported' }
  | { state: 'error'; error: unknown };

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export function useThreatLayer(
  map: MapLibreMap | null,
  visible: boolean,
  range: DateRange,
  colouring: ThreatColouring,
): {
  status: ThreatLayerStatus;
  /** The areas the map last drew; they stay while the next view loads, null when hidden. */
  drawn: readonly ThreatArea[] | null;
  areaById: (id: string) => ThreatAreaProperties | undefined;
} {
  const [status, setStatus] = useState<ThreatLayerStatus>({ state: 'hidden' });
  const [drawn, setDrawn] = useState<readonly ThreatArea[] | null>(null);
  const areas = useRef(new Map<string, ThreatAreaProperties>());

  useEffect(() => {
    if (!map) return;
    showLayer(map, 'threats', visible);
    if (visible) return;
    setStatus({ state: 'hidden' });
    setDrawn(null);
  }, [map, visible]);

  useEffect(() => {
    if (map) colourThreatsBy(map, colouring);
  }, [map, colouring]);

  const load = useCallback(
    async (viewport: Viewport, signal: AbortSignal) => {
      if (!map) return;
      setStatus((previous) => ({
        state: 'loading',
        count: previous.state === 'ready' ? previous.count : undefined,
      }));
      try {
        const answer = await fetchThreatMap(viewport.boxes, range, signal);
        if (signal.aborted) return;
        if (answer === null) {
          setStatus({ state: 'unsupported' });
          setDrawn(null);
          return;
        }
        areas.current = new Map(answer.features.map((area) => [area.id, area.properties]));
        setThreatData(map, answer.features);
        setDrawn(answer.features);
        setStatus({ state: 'ready', count: answer.features.length, truncated: answer.truncated });
      } catch (error) {
        if (signal.aborted || isAbort(error)) return;
        setStatus({ state: 'error', error });
      }
    },
    [map, range],
  );

  useViewRequests(map, visible, `${range.from}|${range.to}`, load);

  const areaById = useCallback((id: string) => areas.current.get(id), []);
  return { status, drawn, areaById };
}

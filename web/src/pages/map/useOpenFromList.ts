/**
 * Opening what the "What is in view" list names, as a click on the map
 * would: a threat area or an incident becomes the selection (the side panel
 * takes focus when it opens) and the map eases to it; a cluster zooms in.
 * Closing a selection the list opened gives focus back to its entry — or,
 * when the view changed and the entry is gone, to the list's own heading —
 * so that a keyboard user is never dropped at the top of the page.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useCallback, useRef, type RefObject } from 'react';
import { zoomIntoCluster, type MapSelection } from './useMapSelection';
import { boundsOf, type InViewEntry } from './viewContents';

/** Keeps what is opened clear of the panels along the map's edges. */
const EASE_PADDING = 48;

/** The list's entry for `key`, else the list's heading button (always there while the page is). */
export function focusInViewEntry(list: HTMLElement | null, key: string | null): void {
  if (!list) return;
  const entry =
    key === null ? null : list.querySelector<HTMLElement>(`[data-entry-key="${CSS.escape(key)}"]`);
  (entry ?? list.querySelector<HTMLElement>('[data-in-view-home]'))?.focus();
}

export function useOpenFromList(
  map: MapLibreMap | null,
  selection: MapSelection | null,
  select: (selection: MapSelection) => void,
  clearSelection: () => void,
  listRef: RefObject<HTMLElement | null>,
): { open: (entry: InViewEntry) => void; close: () => void } {
  const openedFrom = useRef<{ key: string; selection: MapSelection } | null>(null);

  const open = useCallback(
    (entry: InViewEntry) => {
      if (!map) return;
      switch (entry.kind) {
        case 'cluster':
          zoomIntoCluster(map, entry.cluster.geometry.coordinates);
          // Finer clusters replace this entry: hold focus at the list, not on a vanishing button.
          focusInViewEntry(listRef.current, null);
          return;
        case 'threat': {
          const picked = { incidents: [], threats: [entry.area.properties] };
          openedFrom.current = { key: entry.key, selection: picked };
          select(picked);
          // Never closer than now: only out, when the area is larger than the view.
          map.fitBounds(boundsOf(entry.area.geometry), {
            padding: EASE_PADDING,
            maxZoom: map.getZoom(),
          });
          return;
        }
        case 'point': {
          const picked = { incidents: [entry.point], threats: [] };
          openedFrom.current = { key: entry.key, selection: picked };
          select(picked);
          map.easeTo({ center: [entry.point.lon, entry.point.lat] });
          return;
        }
      }
    },
    [map, select, listRef],
  );

  const close = useCallback(() => {
    const from = openedFrom.current;
    openedFrom.current = null;
    clearSelection();
    // A selection picked on the map since then was not opened from the list: focus stays put.
    if (from && from.selection === selection) focusInViewEntry(listRef.current, from.key);
  }, [clearSelection, selection, listRef]);

  return { open, close };
}

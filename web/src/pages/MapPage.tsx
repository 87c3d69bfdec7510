/**
 * The operational picture: incidents (clustered by the server) and threat
 * report areas on the offline basemap, under one time range. Where the map
 * is, when, and which layers are on all live in the address, so that a view
 * can be shared; see pages/map/mapState.ts. Beside the layer panel, "What is
 * in view" lists what the layers drew, so that a keyboard opens what a
 * pointer can (pages/map/InViewPanel.tsx).
 */
import type { LngLat, Map as MapLibreMap } from 'maplibre-gl';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isWithin, navigate, useSearch } from '../app/router';
import { currentLocale } from '../i18n';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { MapView, startingCamera, type CameraPosition } from '../map/MapView';
import { installCountImages } from './map/countImages';
import { predictViewport, startFirstView } from './map/firstView';
import { InViewPanel } from './map/InViewPanel';
import { LayerPanel } from './map/LayerPanel';
import { mapStateFromSearch, searchFromMapState, type MapState } from './map/mapState';
import { addOperationalLayers } from './map/operationalLayers';
import { SelectionPanel } from './map/SelectionPanel';
import { TimeSlider } from './map/TimeSlider';
import { todayIso, type DateRange } from './map/timeRange';
import { useIncidentLayer } from './map/useIncidentLayer';
import { useMapSelection } from './map/useMapSelection';
import { useOpenFromList } from './map/useOpenFromList';
import { useThreatLayer } from './map/useThreatLayer';
import { formatCoordinate } from './map/viewContents';

/** Far enough for the server's single-incident view (zoom 14 and closer). */
const MAX_ZOOM = 16;

/** The map follows the address when it changes from outside (back button, a pasted link). */
function useCameraFromAddress(map: MapLibreMap | null, camera: MapState['camera']): void {
  const lat = camera?.lat;
  const lon = camera?.lon;
  const zoom = camera?.zoom;
  useEffect(() => {
    if (!map || lat === undefined || lon === undefined || zoom === undefined) return;
    const centre = map.getCenter();
    // The address holds rounded values; within that rounding it is where the map already is.
    const moved =
      Math.abs(centre.lat - lat) > 1e-3 ||
      Math.abs(centre.lng - lon) > 1e-3 ||
      Math.abs(map.getZoom() - zoom) > 0.01;
    if (moved) map.jumpTo({ center: [lon, lat], zoom });
  }, [map, lat, lon, zoom]);
}

export default function MapPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  useDocumentTitle(t('nav.map'));
  const search = useSearch();
  const today = useMemo(() => todayIso(), []);
  const state = useMemo(() => mapStateFromSearch(search, today), [search, today]);
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);
  const update = useCallback(
    (changes: Partial<MapState>) => {
      // Leaving the page hides the map before removing it, and the resize ends in a moveend:
      // by then the address belongs to the next page.
      if (!isWithin(window.location.pathname, '/map')) return;
      const next = { ...stateRef.current, ...changes };
      stateRef.current = next;
      navigate(`/map${searchFromMapState(next, today)}`, { replace: true });
    },
    [today],
  );

  const [map, setMap] = useState<MapLibreMap | null>(null);
  const onReady = useCallback((ready: MapLibreMap | null) => {
    if (ready) {
      installCountImages(ready);
      addOperationalLayers(ready);
    }
    setMap(ready);
  }, []);
  const onCameraChange = useCallback(
    (camera: CameraPosition) =>
      update({ camera: { lon: camera.center[0], lat: camera.center[1], zoom: camera.zoom } }),
    [update],
  );
  const initialCamera = useMemo<CameraPosition | undefined>(
    () =>
      state.camera
        ? { center: [state.camera.lon, state.camera.lat], zoom: state.camera.zoom }
        : undefined,
    [state.camera],
  );
  useCameraFromAddress(map, state.camera);

  const { from, to } = state.range;
  const range = useMemo<DateRange>(() => ({ from, to }), [from, to]);
  const incidentFilters = useMemo(
    () => ({ range, eventType: state.eventType }),
    [range, state.eventType],
  );
  const incidents = useIncidentLayer(map, state.layers.incidents, incidentFilters, locale);
  const threats = useThreatLayer(map, state.layers.threats, range, state.threatColouring);
  const { selection, select, clearSelection } = useMapSelection(
    map,
    incidents.pointById,
    threats.areaById,
  );
  const inViewRef = useRef<HTMLElement>(null);
  const fromList = useOpenFromList(map, selection, select, clearSelection, inViewRef);

  // Ask for the first view's data while MapLibre and the basemap load (see map/firstView.ts).
  const pageRef = useRef<HTMLDivElement>(null);
  const firstView = useRef({ initialCamera, layers: state.layers, incidentFilters, range });
  useEffect(() => {
    const page = pageRef.current;
    if (!page) return;
    const {
      initialCamera: camera,
      layers,
      incidentFilters: filters,
      range: dates,
    } = firstView.current;
    const start = startingCamera(camera);
    const viewport = predictViewport(start.center, start.zoom, page.clientWidth, page.clientHeight);
    startFirstView(viewport, layers, filters, dates);
  }, []);

  const [pointer, setPointer] = useState<LngLat | null>(null);
  const frame = useRef(0);
  // One state update per animation frame, however fast the pointer moves.
  const onPointer = useCallback((position: LngLat | null) => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setPointer(position));
  }, []);

  return (
    <div className="page-map" ref={pageRef}>
      <h1 className="visually-hidden">{t('nav.map')}</h1>
      <LayerPanel
        state={state}
        locale={locale}
        incidents={incidents.status}
        threats={threats.status}
        onChange={update}
      />
      <InViewPanel
        locale={locale}
        incidents={incidents}
        threats={threats}
        onOpen={fromList.open}
        panelRef={inViewRef}
      />
      <TimeSlider
        range={range}
        today={today}
        locale={locale}
        onChange={(next) => update({ range: next })}
      />
      {selection ? (
        <SelectionPanel selection={selection} locale={locale} onClose={fromList.close} />
      ) : null}
      <MapView
        onPointer={onPointer}
        initialCamera={initialCamera}
        maxZoom={MAX_ZOOM}
        onReady={onReady}
        onCameraChange={onCameraChange}
      />
      {pointer ? (
        <div className="map-readout" dir="ltr" aria-hidden="true">
          {formatCoordinate(pointer.lat, 'N', 'S')} · {formatCoordinate(pointer.lng, 'E', 'W')}
        </div>
      ) : null}
    </div>
  );
}

/**
 * The operations room's live map: protected sites with their buffers,
 * today's routes coloured by state, each movement's last check-in, threat
 * areas valid today and incidents of the last 7 days in the view (the map
 * page's own reads and layers). Threats and incidents are read again when
 * the map comes to rest and when a live alert says something new happened;
 * routes and check-ins follow the movement events the page already hears.
 * A route opens its movement on click; the board lists the same movements
 * as links for keyboard and screen-reader users.
 */
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap, MapLayerMouseEvent } from 'maplibre-gl';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveEvents } from '../../api/live';
import { listAllSites, type Site } from '../../api/sites';
import { navigate } from '../../app/router';
import { Notice } from '../../components/Notice';
import { currentLocale } from '../../i18n';
import { MapView } from '../../map/MapView';
import { fetchIncidentMap, fetchThreatMap } from '../map/mapApi';
import { addOperationalLayers, setIncidentData, setThreatData } from '../map/operationalLayers';
import { addDays, type DateRange } from '../map/timeRange';
import { useViewRequests, type Viewport } from '../map/useViewRequests';
import { stateColour } from './movementBoard';
import {
  boundsOf,
  checkinCollection,
  routeCollection,
  siteCollection,
  type OpsRoute,
} from './opsMapData';

/** One state per route colour (movementBoard.ts stateColour). */
const LEGEND_STATES = ['overdue', 'in_transit', 'approved', 'submitted', 'arrived'] as const;
const SOURCES = { sites: 'ops-sites', routes: 'ops-routes', checkins: 'ops-checkins' } as const;
const SITE_COLOUR = '#5b3a9e';
const CAMERA = { center: [71, 31] as [number, number], zoom: 4.4 };

function addOpsLayers(map: MapLibreMap): void {
  addOperationalLayers(map);
  const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
  for (const source of Object.values(SOURCES))
    map.addSource(source, { type: 'geojson', data: empty });
  map.addLayer({
    id: 'ops-site-buffers',
    type: 'fill',
    source: SOURCES.sites,
    filter: ['==', ['get', 'role'], 'buffer'],
    paint: { 'fill-color': SITE_COLOUR, 'fill-opacity': 0.08 },
  });
  map.addLayer({
    id: 'ops-site-buffer-lines',
    type: 'line',
    source: SOURCES.sites,
    filter: ['==', ['get', 'role'], 'buffer'],
    paint: { 'line-color': SITE_COLOUR, 'line-width': 1, 'line-dasharray': [2, 2] },
  });
  map.addLayer({
    id: 'ops-site-areas',
    type: 'fill',
    source: SOURCES.sites,
    filter: ['all', ['==', ['get', 'role'], 'site'], ['==', ['geometry-type'], 'Polygon']],
    paint: { 'fill-color': SITE_COLOUR, 'fill-opacity': 0.35 },
  });
  map.addLayer({
    id: 'ops-site-points',
    type: 'circle',
    source: SOURCES.sites,
    filter: ['all', ['==', ['get', 'role'], 'site'], ['==', ['geometry-type'], 'Point']],
    paint: {
      'circle-color': SITE_COLOUR,
      'circle-radius': 6,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  });
  map.addLayer({
    id: 'ops-routes',
    type: 'line',
    source: SOURCES.routes,
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: { 'line-color': ['get', 'colour'], 'line-width': 4, 'line-opacity': 0.9 },
  });
  map.addLayer({
    id: 'ops-checkins',
    type: 'circle',
    source: SOURCES.checkins,
    paint: {
      'circle-color': '#ffffff',
      'circle-radius': 6,
      'circle-stroke-color': ['get', 'colour'],
      'circle-stroke-width': 3,
    },
  });
  map.on('click', 'ops-routes', (event: MapLayerMouseEvent) => {
    const id: unknown = event.features?.[0]?.properties.id;
    if (typeof id === 'string') navigate(`/movements/${encodeURIComponent(id)}`);
  });
  map.on('mouseenter', 'ops-routes', () => (map.getCanvas().style.cursor = 'pointer'));
  map.on('mouseleave', 'ops-routes', () => (map.getCanvas().style.cursor = ''));
}

function setSource(map: MapLibreMap, id: string, data: FeatureCollection): void {
  map.getSource<GeoJSONSource>(id)?.setData(data);
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export function OpsMap({
  day,
  routes,
  routesTruncated,
}: {
  day: string;
  routes: readonly OpsRoute[];
  routesTruncated: boolean;
}) {
  const { t } = useTranslation();
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [sites, setSites] = useState<Site[]>([]);
  const [failed, setFailed] = useState(false);
  const [news, setNews] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    listAllSites(controller.signal).then(setSites, (error: unknown) => {
      if (!controller.signal.aborted && !isAbort(error)) setFailed(true);
    });
    return () => controller.abort();
  }, []);

  const onReady = useCallback((ready: MapLibreMap | null) => {
    if (ready) addOpsLayers(ready);
    setMap(ready);
  }, []);

  useEffect(() => {
    if (map) setSource(map, SOURCES.sites, siteCollection(sites));
  }, [map, sites]);

  // Frame what there is to watch, once, when it first arrives; after that the camera is the user's.
  const framed = useRef(false);
  useEffect(() => {
    if (!map || framed.current) return;
    const bounds = boundsOf(sites, routes);
    if (!bounds) return;
    framed.current = true;
    map.fitBounds(bounds, { padding: 40, maxZoom: 8, duration: 0 });
  }, [map, sites, routes]);
  useEffect(() => {
    if (!map) return;
    setSource(map, SOURCES.routes, routeCollection(routes));
    setSource(map, SOURCES.checkins, checkinCollection(routes));
  }, [map, routes]);

  // A new alert means a new threat or incident somewhere: read the view again.
  useLiveEvents(['alert'], (message) => {
    if (message.change === 'raised') setNews((count) => count + 1);
  });

  const incidentRange: DateRange = useMemo(() => ({ from: addDays(day, -6), to: day }), [day]);
  const load = useCallback(
    async (viewport: Viewport, signal: AbortSignal) => {
      if (!map) return;
      try {
        const [incidents, threats] = await Promise.all([
          fetchIncidentMap(
            viewport.boxes,
            viewport.zoom,
            { range: incidentRange, eventType: undefined },
            signal,
          ),
          fetchThreatMap(viewport.boxes, { from: day, to: day }, signal),
        ]);
        if (signal.aborted) return;
        setIncidentData(map, incidents, currentLocale());
        setThreatData(map, threats?.features ?? []);
      } catch (error) {
        if (!signal.aborted && !isAbort(error)) setFailed(true);
      }
    },
    [map, day, incidentRange],
  );
  useViewRequests(map, map !== null, `${day}|${news}`, load);

  return (
    <section className="card ops-map-card" aria-labelledby="ops-map-title">
      <div className="card-header">
        <h2 id="ops-map-title">{t('ops.map.title')}</h2>
      </div>
      <div className="ops-map" aria-describedby="ops-map-summary">
        <MapView initialCamera={CAMERA} onReady={onReady} />
      </div>
      {failed ? <Notice tone="warning">{t('ops.failed')}</Notice> : null}
      <ul className="ops-legend" aria-label={t('ops.map.legendLabel')}>
        <li>
          <span className="ops-legend-site" aria-hidden="true" />
          {t('ops.map.site')}
        </li>
        <li>
          <span className="ops-legend-checkin" aria-hidden="true" />
          {t('ops.map.checkin')}
        </li>
        <li>
          <span className="ops-legend-threat" aria-hidden="true" />
          {t('ops.map.threat')}
        </li>
        <li>
          <span className="ops-legend-incident" aria-hidden="true" />
          {t('ops.map.incident')}
        </li>
        <li>
          {t('ops.map.routeState')}
          {LEGEND_STATES.map((state) => (
            <span key={state} className="ops-legend-route">
              <span
                className="ops-legend-line"
                style={{ background: stateColour(state) }}
                aria-hidden="true"
              />
              {t(`ops.state.${state}`)}
            </span>
          ))}
        </li>
      </ul>
      <p id="ops-map-summary" className="ops-note">
        {t('ops.map.summary', {
          sites: t('ops.map.sites', { count: sites.length }),
          routes: t('ops.map.routes', { count: routes.length }),
        })}{' '}
        {routesTruncated ? t('ops.map.routesTruncated', { count: routes.length }) : null}
      </p>
    </section>
  );
}

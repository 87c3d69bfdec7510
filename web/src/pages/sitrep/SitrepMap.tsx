/**
 * The report's map on the offline basemap, as the PDF draws it: the day's
 * incidents as dots and the centres of the threat areas as triangles,
 * framed to fit them. The tables below say the same in words; the map adds
 * where. Made again when the language changes (its controls are labelled).
 */
import type { FeatureCollection, Point } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SitrepIncident, SitrepThreat } from '../../api/sitrep';
import { Notice } from '../../components/Notice';
import { OVERVIEW_CAMERA, openSmallMap, type SmallMapCamera } from '../../map/smallMap';
import { INCIDENT_COLOUR, THREAT_COLOUR, triangleImage } from './mapSymbols';
import { boundsOf, type Bounds } from './sitrepDays';
import { SitrepSection } from './SitrepParts';

const SOURCE = 'sitrep';
const TRIANGLE = 'sitrep-threat-triangle';
// Not closer than a province: a report map is for where things happened relative to each other.
const FRAME = { padding: 36, maxZoom: 6 };

type Points = FeatureCollection<Point, { kind: 'incident' | 'threat' }>;

function withReportLayers(style: StyleSpecification, points: Points): StyleSpecification {
  return {
    ...style,
    sources: { ...style.sources, [SOURCE]: { type: 'geojson', data: points } },
    layers: [
      ...style.layers,
      {
        id: 'sitrep-incidents',
        type: 'circle',
        source: SOURCE,
        filter: ['==', ['get', 'kind'], 'incident'],
        paint: {
          'circle-radius': 5,
          'circle-color': INCIDENT_COLOUR,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      },
      {
        id: 'sitrep-threats',
        type: 'symbol',
        source: SOURCE,
        filter: ['==', ['get', 'kind'], 'threat'],
        layout: { 'icon-image': TRIANGLE, 'icon-allow-overlap': true },
      },
    ],
  };
}

function cameraFor(bounds: Bounds | null): SmallMapCamera {
  if (!bounds) return OVERVIEW_CAMERA;
  return {
    bounds: [
      [bounds.west, bounds.south],
      [bounds.east, bounds.north],
    ],
    fitBoundsOptions: FRAME,
  };
}

export function SitrepMap({
  incidents,
  threats,
}: {
  incidents: readonly SitrepIncident[];
  threats: readonly SitrepThreat[];
}) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);

  const threatCentres = useMemo(
    () => threats.flatMap((threat) => (threat.centroid ? [threat.centroid] : [])),
    [threats],
  );
  const points = useMemo<Points>(
    () => ({
      type: 'FeatureCollection',
      features: [
        ...incidents.map((item) => ({
          type: 'Feature' as const,
          geometry: { type: 'Point' as const, coordinates: [item.longitude, item.latitude] },
          properties: { kind: 'incident' as const },
        })),
        ...threatCentres.map((centre) => ({
          type: 'Feature' as const,
          geometry: { type: 'Point' as const, coordinates: [centre[0], centre[1]] },
          properties: { kind: 'threat' as const },
        })),
      ],
    }),
    [incidents, threatCentres],
  );
  const bounds = useMemo(
    () =>
      boundsOf([
        ...incidents.map((item): [number, number] => [item.longitude, item.latitude]),
        ...threatCentres,
      ]),
    [incidents, threatCentres],
  );
  // The map is made once per language; what it shows then is whatever is current.
  const current = useRef({ points, bounds });
  useEffect(() => {
    current.current = { points, bounds };
  });

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const cancel = openSmallMap(container, {
      t,
      camera: () => cameraFor(current.current.bounds),
      style: (basemap) => withReportLayers(basemap, current.current.points),
      onMap: (map) => {
        // The basemap has no sprite: the triangle is supplied when the layer first asks for it.
        map.on('styleimagemissing', (event: { id: string }) => {
          if (event.id === TRIANGLE && !map.hasImage(TRIANGLE))
            map.addImage(TRIANGLE, triangleImage(18, THREAT_COLOUR), { pixelRatio: 1.5 });
        });
        map.on('load', () => setReady(true));
        mapRef.current = map;
      },
      onFail: () => setFailed(true),
    });
    return () => {
      cancel();
      setReady(false);
      mapRef.current?.remove();
      mapRef.current = null;
    };
  }, [t]);

  // Another day's report on the same map: new points, framed again.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    map.getSource<GeoJSONSource>(SOURCE)?.setData(points);
    const camera = cameraFor(bounds);
    if (camera.bounds) map.fitBounds(camera.bounds, { ...FRAME, duration: 0 });
    else map.jumpTo({ center: OVERVIEW_CAMERA.center, zoom: OVERVIEW_CAMERA.zoom });
  }, [ready, points, bounds]);

  const title = t('sitrep.map.title');
  const nothing = incidents.length === 0 && threatCentres.length === 0;
  return (
    <SitrepSection id="sitrep-map" title={title}>
      <div
        ref={containerRef}
        className="sitrep-map-canvas"
        data-testid="sitrep-map"
        data-ready={ready ? 'true' : 'false'}
        dir="ltr"
        role="region"
        aria-label={t('sitrep.map.label')}
        aria-describedby="sitrep-map-summary"
      />
      {failed ? <Notice tone="error">{t('map.failed')}</Notice> : null}
      <ul className="sitrep-map-legend">
        <li>
          <span className="sitrep-legend-dot" aria-hidden="true" />
          {t('sitrep.map.incident')}
        </li>
        <li>
          <span className="sitrep-legend-triangle" aria-hidden="true" />
          {t('sitrep.map.threat')}
        </li>
      </ul>
      <p id="sitrep-map-summary" className="sitrep-note">
        {nothing
          ? t('sitrep.map.empty')
          : t('sitrep.map.shown', {
              incidents: t('sitrep.map.incidents', { count: incidents.length }),
              threats: t('sitrep.map.threats', { count: threatCentres.length }),
            })}
      </p>
    </SitrepSection>
  );
}

import type { LngLat } from 'maplibre-gl';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { MapView } from '../map/MapView';

function formatCoordinate(value: number, positive: string, negative: string): string {
  return `${Math.abs(value).toFixed(4)}° ${value >= 0 ? positive : negative}`;
}

export default function MapPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('nav.map'));
  const [pointer, setPointer] = useState<LngLat | null>(null);
  const frame = useRef(0);
  // One state update per animation frame, however fast the pointer moves.
  const onPointer = useCallback((position: LngLat | null) => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setPointer(position));
  }, []);

  return (
    <div className="page-map">
      <h1 className="visually-hidden">{t('nav.map')}</h1>
      <MapView onPointer={onPointer} />
      {pointer ? (
        <div className="map-readout" dir="ltr" aria-hidden="true">
          {formatCoordinate(pointer.lat, 'N', 'S')} · {formatCoordinate(pointer.lng, 'E', 'W')}
        </div>
      ) : null}
    </div>
  );
}

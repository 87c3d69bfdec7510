/** A threat report's area on a small map, framed to fit it. */
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThreatArea } from '../../api/intel';
import { Notice } from '../../components/Notice';
import { draftBounds, draftFeatures, draftFromArea } from './areaGeometry';
import { useAreaMap } from './useAreaMap';

export function AreaMap({ area, label }: { area: ThreatArea; label: string }) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const draft = useMemo(() => draftFromArea(area), [area]);
  const features = useMemo(() => draftFeatures(draft, false), [draft]);
  const bounds = useMemo(() => draftBounds(draft), [draft]);
  const map = useAreaMap(containerRef, { features, bounds });
  return (
    <div className="point-map">
      <div
        ref={containerRef}
        className="point-map-canvas"
        data-testid="area-map"
        data-ready={map.ready ? 'true' : 'false'}
        dir="ltr"
        role="region"
        aria-label={label}
      />
      {map.failed ? <Notice tone="error">{t('map.failed')}</Notice> : null}
    </div>
  );
}

/** A threat report's area on a small map, framed to fit it; and the map element both area maps use. */
import { useMemo, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThreatArea } from '../../api/intel';
import { Notice } from '../../components/Notice';
import { draftBounds, draftFeatures, draftFromArea } from './areaGeometry';
import { useAreaMap, type AreaMapHandle } from './useAreaMap';

export function AreaMap({ area, label }: { area: ThreatArea; label: string }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const draft = useMemo(() => draftFromArea(area), [area]);
  const features = useMemo(() => draftFeatures(draft, false), [draft]);
  const bounds = useMemo(() => draftBounds(draft), [draft]);
  const map = useAreaMap(containerRef, { features, bounds });
  return (
    <AreaMapCanvas
      className="point-map"
      containerRef={containerRef}
      map={map}
      testId="area-map"
      label={label}
    />
  );
}

/**
 * Where useAreaMap draws: a labelled region (the map pans with the arrow
 * keys once focused) whose `data-ready` tells when the map has loaded, and
 * a notice in its place if it could not be made.
 */
export function AreaMapCanvas({
  className,
  containerRef,
  map,
  testId,
  label,
  describedBy,
}: {
  className: string;
  containerRef: RefObject<HTMLDivElement | null>;
  map: AreaMapHandle;
  testId: string;
  label: string;
  describedBy?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className={className}>
      <div
        ref={containerRef}
        className="point-map-canvas"
        data-testid={testId}
        data-ready={map.ready ? 'true' : 'false'}
        dir="ltr"
        role="region"
        aria-label={label}
        aria-describedby={describedBy}
      />
      {map.failed ? <Notice tone="error">{t('map.failed')}</Notice> : null}
    </div>
  );
}

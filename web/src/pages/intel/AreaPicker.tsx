/**
 * Draws a threat report's area on the map: a circle (click the centre, type
 * the radius) or a polygon (click the corners, then close it on its first
 * corner or with the button; undo and clear as needed). The buttons that
 * use the map's centre are the keyboard way to do the same: the map pans
 * with the arrow keys once focused.
 */
import { useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_AREA_RADIUS_KM, type Position } from '../../api/intel';
import { FieldError, TextField } from '../../components/Field';
import { AreaMapCanvas } from './AreaMap';
import { draftBounds, draftFeatures, round5, type AreaDraft } from './areaGeometry';
import { useAreaMap } from './useAreaMap';

/** A click this close to the first corner (in pixels) closes the polygon. */
const CLOSE_DISTANCE_PX = 12;

export function AreaPicker({
  value,
  onChange,
  error,
}: {
  value: AreaDraft;
  onChange: (draft: AreaDraft) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  const features = useMemo(() => draftFeatures(value, true), [value]);
  // Framed once, on the area the form opened with.
  const initialBounds = useRef(draftBounds(value));
  const rounded = (position: Position): Position => [round5(position[0]), round5(position[1])];

  function add(position: Position, point?: { x: number; y: number }): void {
    if (value.mode === 'circle') {
      const [lon, lat] = rounded(position);
      onChange({ ...value, centre: { lat, lon } });
      return;
    }
    if (value.closed) return;
    const first = value.vertices[0];
    const firstOnScreen = first && point ? map.project(first) : null;
    const onFirst =
      firstOnScreen !== null &&
      point !== undefined &&
      Math.hypot(firstOnScreen.x - point.x, firstOnScreen.y - point.y) <= CLOSE_DISTANCE_PX;
    if (onFirst && value.vertices.length >= 3) onChange({ ...value, closed: true });
    else onChange({ ...value, vertices: [...value.vertices, rounded(position)] });
  }

  const map = useAreaMap(containerRef, {
    features,
    bounds: initialBounds.current,
    onClick: (position, point) => add(position, point),
  });

  const addAtCentre = () => {
    const centre = map.centre();
    if (centre) add(centre);
  };
  const count = value.vertices.length;

  return (
    <div className="area-picker" data-testid="area-picker">
      <fieldset className="field">
        <legend className="field-label">{t('intel.area.shape')}</legend>
        <div className="segmented">
          {(['circle', 'polygon'] as const).map((mode) => (
            <label
              key={mode}
              className={mode === value.mode ? 'segment segment-selected' : 'segment'}
            >
              <input
                type="radio"
                name={`${id}-mode`}
                value={mode}
                checked={mode === value.mode}
                onChange={() => onChange({ ...value, mode })}
              />
              {t(`intel.area.modes.${mode}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <AreaMapCanvas
        className="area-picker-map"
        containerRef={containerRef}
        map={map}
        testId="area-picker-map"
        label={t('intel.area.mapLabel')}
        describedBy={`${id}-hint`}
      />
      <p id={`${id}-hint`} className="field-hint">
        {value.mode === 'circle' ? t('intel.area.circleHint') : t('intel.area.polygonHint')}
      </p>
      {value.mode === 'circle' ? (
        <div className="area-controls">
          <TextField
            label={t('intel.area.radius')}
            inputMode="decimal"
            dir="ltr"
            className="input input-number"
            value={value.radiusKm}
            onValueChange={(radiusKm) => onChange({ ...value, radiusKm })}
            hint={t('intel.area.radiusHint', { max: MAX_AREA_RADIUS_KM })}
          />
          <div className="area-status" aria-live="polite">
            <span className="field-label">{t('intel.area.centre')}</span>
            {value.centre ? (
              <span className="code" dir="ltr" data-testid="area-centre">
                {value.centre.lat.toFixed(5)}, {value.centre.lon.toFixed(5)}
              </span>
            ) : (
              <span className="cell-muted">{t('intel.area.noCentre')}</span>
            )}
          </div>
          <button type="button" className="button button-secondary" onClick={addAtCentre}>
            {t('intel.area.centreHere')}
          </button>
        </div>
      ) : (
        <div className="area-controls">
          <p className="area-status" aria-live="polite" data-testid="area-status">
            {value.closed ? t('intel.area.closed', { count }) : t('intel.area.corners', { count })}
          </p>
          <div className="area-buttons">
            <button
              type="button"
              className="button button-secondary"
              onClick={addAtCentre}
              disabled={value.closed}
            >
              {t('intel.area.addHere')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => onChange({ ...value, closed: true })}
              disabled={value.closed || count < 3}
            >
              {t('intel.area.close')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                onChange(
                  value.closed
                    ? { ...value, closed: false }
                    : { ...value, vertices: value.vertices.slice(0, -1) },
                )
              }
              disabled={count === 0}
            >
              {t('intel.area.undo')}
            </button>
            <button
              type="button"
              className="button button-link"
              onClick={() => onChange({ ...value, vertices: [], closed: false })}
              disabled={count === 0}
            >
              {t('intel.area.clear')}
            </button>
          </div>
        </div>
      )}
      <FieldError message={error} />
    </div>
  );
}

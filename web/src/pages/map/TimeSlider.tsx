/**
 * The time range of both layers: presets (30 days, 90 days, a year, all)
 * and a two-thumb slider over the last ten years. The thumbs are two native
 * range inputs on one track, so each is keyboard-operable (arrows move a
 * day, Page Up/Down further, Home/End to the ends), announced with its date,
 * and mirrored for right-to-left languages by the browser. While a thumb is
 * dragged the range is a draft; it is applied once the thumb rests briefly.
 */
import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../api/types';
import { formatEventDate } from '../../lib/format';
import {
  addDays,
  daysBetween,
  presetOf,
  presetRange,
  RANGE_PRESETS,
  sliderDomain,
  type DateRange,
} from './timeRange';

/** How long a thumb must rest before the layers reload for the new range. */
const APPLY_AFTER_MS = 300;

interface Props {
  range: DateRange;
  today: string;
  locale: Locale;
  onChange: (range: DateRange) => void;
}

export function TimeSlider({ range, today, locale, onChange }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<DateRange | null>(null);
  const shown = draft ?? range;
  const domain = useMemo(() => sliderDomain(range, today), [range, today]);
  const span = daysBetween(domain.start, domain.end);
  const startIndex = shown.from === undefined ? 0 : daysBetween(domain.start, shown.from);
  const endIndex = shown.to === undefined ? span : daysBetween(domain.start, shown.to);
  const activePreset = presetOf(shown, today);

  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  useEffect(() => {
    if (!draft) return;
    const timer = setTimeout(() => {
      onChangeRef.current(draft);
      setDraft(null);
    }, APPLY_AFTER_MS);
    return () => clearTimeout(timer);
  }, [draft]);

  const date = (value: string | undefined, open: string) =>
    value === undefined ? open : formatEventDate(value, 1, locale);
  const moveStart = (index: number) =>
    setDraft({ ...shown, from: addDays(domain.start, Math.min(index, endIndex)) });
  const moveEnd = (index: number) =>
    setDraft({ ...shown, to: addDays(domain.start, Math.max(index, startIndex)) });
  const percent = (index: number) => (span === 0 ? 0 : (index / span) * 100);
  const selected = {
    '--range-start': `${percent(startIndex)}%`,
    '--range-end': `${100 - percent(endIndex)}%`,
  } as CSSProperties;

  return (
    <section className="map-panel map-time" aria-labelledby="map-time-title" data-testid="map-time">
      <div className="map-time-head">
        <h2 id="map-time-title" className="map-panel-title">
          {t('mapLayers.time.label')}
        </h2>
        <output className="map-time-range" data-testid="map-time-range" aria-live="polite">
          {shown.from === undefined && shown.to === undefined
            ? t('mapLayers.time.allDates')
            : t('mapLayers.time.range', {
                from: date(shown.from, t('mapLayers.time.beginning')),
                to: date(shown.to, t('mapLayers.time.now')),
              })}
        </output>
        <div className="map-time-presets" role="group" aria-label={t('mapLayers.time.presets')}>
          {RANGE_PRESETS.map((preset) => (
            <button
              key={preset}
              type="button"
              className="button button-secondary button-small"
              aria-pressed={activePreset === preset}
              onClick={() => {
                setDraft(null);
                onChange(presetRange(preset, today));
              }}
            >
              {t(`mapLayers.time.preset.${preset}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="range-slider" style={selected}>
        <div className="range-slider-track" aria-hidden="true">
          <div className="range-slider-selected" />
        </div>
        <input
          type="range"
          className="range-slider-input range-slider-start"
          min={0}
          max={span}
          step={1}
          value={startIndex}
          aria-label={t('mapLayers.time.start')}
          aria-valuetext={date(shown.from ?? domain.start, '')}
          // When both thumbs meet at the far end, the start thumb must stay reachable.
          data-on-top={startIndex >= span - 1 ? 'true' : undefined}
          onChange={(event) => moveStart(Number(event.target.value))}
        />
        <input
          type="range"
          className="range-slider-input range-slider-end"
          min={0}
          max={span}
          step={1}
          value={endIndex}
          aria-label={t('mapLayers.time.end')}
          aria-valuetext={date(shown.to ?? domain.end, '')}
          onChange={(event) => moveEnd(Number(event.target.value))}
        />
      </div>
      <div className="range-slider-ends" aria-hidden="true">
        <span>{date(domain.start, '')}</span>
        <span>{date(domain.end, '')}</span>
      </div>
    </section>
  );
}

/**
 * The map's control panel: which layers are on, what each shows in the
 * current view, the incident event-type filter, how threat areas are
 * coloured, and the legend. The counts are not a live region: "What is in
 * view" (InViewPanel.tsx) announces them once per settled move, where two
 * regions saying "Loading…" at every pan would drown each other out.
 */
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/Field';
import { describeError } from '../../i18n/errors';
import { EVENT_TYPES, isEventType } from '../../lib/acled';
import { formatCount } from '../../lib/format';
import type { Locale } from '../../api/types';
import { MapLegend } from './MapLegend';
import type { LayerName, MapState, ThreatColouring } from './mapState';
import type { IncidentLayerStatus } from './useIncidentLayer';
import type { ThreatLayerStatus } from './useThreatLayer';

interface Props {
  state: MapState;
  locale: Locale;
  incidents: IncidentLayerStatus;
  threats: ThreatLayerStatus;
  onChange: (changes: Partial<MapState>) => void;
}

function IncidentSummary({ status, locale }: { status: IncidentLayerStatus; locale: Locale }) {
  const { t } = useTranslation();
  switch (status.state) {
    case 'hidden':
      return null;
    case 'loading':
      return (
        <span className="map-layer-status map-layer-loading">{t('mapLayers.status.loading')}</span>
      );
    case 'error':
      return (
        <span className="map-layer-status map-layer-error">{describeError(status.error, t)}</span>
      );
    case 'ready':
      return (
        <span className="map-layer-status" data-testid="incidents-in-view">
          {t('mapLayers.status.incidentsInView', {
            count: status.total,
            formatted: formatCount(status.total, locale),
          })}
          {status.truncated ? ` ${t('mapLayers.status.truncated')}` : ''}
        </span>
      );
  }
}

function ThreatSummary({ status, locale }: { status: ThreatLayerStatus; locale: Locale }) {
  const { t } = useTranslation();
  switch (status.state) {
    case 'hidden':
      return null;
    case 'loading':
      return (
        <span className="map-layer-status map-layer-loading">{t('mapLayers.status.loading')}</span>
      );
    case 'unsupported':
      return <span className="map-layer-status">{t('mapLayers.status.threatsUnavailable')}</span>;
    case 'error':
      return (
        <span className="map-layer-status map-layer-error">{describeError(status.error, t)}</span>
      );
    case 'ready':
      return (
        <span className="map-layer-status" data-testid="threats-in-view">
          {t('mapLayers.status.threatsInView', {
            count: status.count,
            formatted: formatCount(status.count, locale),
          })}
          {status.truncated ? ` ${t('mapLayers.status.truncated')}` : ''}
        </span>
      );
  }
}

export function LayerPanel({ state, locale, incidents, threats, onChange }: Props) {
  const { t } = useTranslation();
  const toggle = (layer: LayerName, on: boolean) =>
    onChange({ layers: { ...state.layers, [layer]: on } });
  const busy = incidents.state === 'loading' || threats.state === 'loading';

  return (
    <section
      className="map-panel map-layers"
      aria-labelledby="map-layers-title"
      aria-busy={busy}
      data-testid="map-layers"
    >
      <h2 id="map-layers-title" className="map-panel-title">
        {t('mapLayers.title')}
        {busy ? <span className="map-busy" aria-hidden="true" /> : null}
      </h2>
      <fieldset className="map-layer-list">
        <legend className="visually-hidden">{t('mapLayers.layers.label')}</legend>
        <label className="map-layer">
          <input
            type="checkbox"
            checked={state.layers.incidents}
            onChange={(event) => toggle('incidents', event.target.checked)}
          />
          <span className="map-layer-name">{t('mapLayers.layers.incidents')}</span>
        </label>
        <div className="map-layer-summary">
          <IncidentSummary status={incidents} locale={locale} />
        </div>
        <label className="map-layer">
          <input
            type="checkbox"
            checked={state.layers.threats}
            onChange={(event) => toggle('threats', event.target.checked)}
          />
          <span className="map-layer-name">{t('mapLayers.layers.threats')}</span>
        </label>
        <div className="map-layer-summary">
          <ThreatSummary status={threats} locale={locale} />
        </div>
      </fieldset>
      <SelectField
        label={t('mapLayers.eventType')}
        value={state.eventType ?? ''}
        disabled={!state.layers.incidents}
        onValueChange={(value) => onChange({ eventType: isEventType(value) ? value : undefined })}
        options={[
          { value: '', label: t('mapLayers.allEventTypes') },
          ...EVENT_TYPES.map((type) => ({ value: type, label: t(`acled.eventTypes.${type}`) })),
        ]}
      />
      <SelectField
        label={t('mapLayers.threatColouring.label')}
        value={state.threatColouring}
        disabled={!state.layers.threats}
        onValueChange={(value) =>
          onChange({ threatColouring: value === 'marking' ? 'marking' : 'grading' })
        }
        options={(['grading', 'marking'] as const satisfies readonly ThreatColouring[]).map(
          (colouring) => ({ value: colouring, label: t(`mapLayers.threatColouring.${colouring}`) }),
        )}
      />
      <MapLegend layers={state.layers} threatColouring={state.threatColouring} />
    </section>
  );
}

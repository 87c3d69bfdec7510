/**
 * The side panel for what was clicked on the map: incidents (type, place,
 * date, fatalities) linking to their page, and threat areas (title, grading,
 * marking, validity) linking to their report. Escape or the close button
 * dismisses it; focus moves to it when it opens so that keyboard and
 * screen-reader users land on what they picked.
 */
import { useEffect, useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../api/types';
import { Link } from '../../app/router';
import { Icon } from '../../components/icons';
import { MarkingBadge } from '../../components/MarkingBadge';
import { eventTypeColour, isEventType, isSubEventType } from '../../lib/acled';
import { formatCount, formatDateTime, formatEventDate } from '../../lib/format';
import type { IncidentPoint, ThreatAreaProperties } from './mapApi';
import type { MapSelection } from './useMapSelection';

const REPORT_STATUSES = ['draft', 'published', 'revoked'] as const;
const TARGET_TYPES = ['site', 'route', 'personnel'] as const;

function IncidentItem({ incident, locale }: { incident: IncidentPoint; locale: Locale }) {
  const { t } = useTranslation();
  const type = incident.event_type;
  const sub = incident.sub_event_type;
  return (
    <li className="map-selection-item" data-testid="selected-incident">
      <p className="map-selection-heading">
        <span
          className="map-swatch map-swatch-dot"
          style={{ '--swatch-colour': eventTypeColour(type) } as CSSProperties}
          aria-hidden="true"
        />
        {isSubEventType(sub) ? t(`acled.subEventTypes.${sub}`) : sub} — {incident.location}
      </p>
      <p className="muted">
        {isEventType(type) ? t(`acled.eventTypes.${type}`) : type} ·{' '}
        {formatEventDate(incident.event_date, 1, locale)}
        {incident.fatalities !== null
          ? ` · ${t('mapLayers.selection.fatalities', { count: incident.fatalities, formatted: formatCount(incident.fatalities, locale) })}`
          : ''}
      </p>
      <div className="map-selection-actions">
        <MarkingBadge marking={incident.marking} />
        <Link to={`/incidents/${encodeURIComponent(incident.id)}`}>
          {t('mapLayers.selection.openIncident')}
        </Link>
      </div>
    </li>
  );
}

function ThreatItem({ area, locale }: { area: ThreatAreaProperties; locale: Locale }) {
  const { t } = useTranslation();
  const status = REPORT_STATUSES.find((known) => known === area.status);
  const target = TARGET_TYPES.find((known) => known === area.targetType);
  return (
    <li className="map-selection-item" data-testid="selected-threat">
      <p className="map-selection-heading">{area.title}</p>
      <dl className="map-selection-facts">
        <dt>{t('mapLayers.selection.grading')}</dt>
        <dd dir="ltr">{`${area.sourceReliability}${area.informationCredibility}`}</dd>
        <dt>{t('mapLayers.selection.validity')}</dt>
        <dd>
          {t('mapLayers.time.range', {
            from: formatDateTime(area.validFrom, locale),
            to: formatDateTime(area.validUntil, locale),
          })}
        </dd>
        {target ? (
          <>
            <dt>{t('mapLayers.selection.target')}</dt>
            <dd>{t(`mapLayers.selection.targetType.${target}`)}</dd>
          </>
        ) : null}
        {status ? (
          <>
            <dt>{t('mapLayers.selection.status')}</dt>
            <dd>{t(`mapLayers.selection.reportStatus.${status}`)}</dd>
          </>
        ) : null}
      </dl>
      <div className="map-selection-actions">
        <MarkingBadge marking={area.marking} />
        <Link to={`/intel/${encodeURIComponent(area.id)}`}>
          {t('mapLayers.selection.openReport')}
        </Link>
      </div>
    </li>
  );
}

export function SelectionPanel({
  selection,
  locale,
  onClose,
}: {
  selection: MapSelection;
  locale: Locale;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), [selection]);

  return (
    <aside
      className="map-panel map-selection"
      aria-labelledby="map-selection-title"
      data-testid="map-selection"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className="map-selection-head">
        <h2 id="map-selection-title" className="map-panel-title" tabIndex={-1} ref={titleRef}>
          {t('mapLayers.selection.title')}
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('mapLayers.selection.close')}
          onClick={onClose}
        >
          <Icon name="close" />
        </button>
      </div>
      {selection.incidents.length > 0 ? (
        <>
          <h3 className="map-panel-subtitle">{t('mapLayers.layers.incidents')}</h3>
          <ul className="map-selection-list">
            {selection.incidents.map((incident) => (
              <IncidentItem key={incident.id} incident={incident} locale={locale} />
            ))}
          </ul>
        </>
      ) : null}
      {selection.threats.length > 0 ? (
        <>
          <h3 className="map-panel-subtitle">{t('mapLayers.layers.threats')}</h3>
          <ul className="map-selection-list">
            {selection.threats.map((area) => (
              <ThreatItem key={area.id} area={area} locale={locale} />
            ))}
          </ul>
        </>
      ) : null}
    </aside>
  );
}

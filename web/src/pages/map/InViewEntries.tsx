/**
 * The entries of the "What is in view" list, one button each: threat areas
 * (title, grading, marking), incident clusters (how many, and where) and
 * single incidents (event type, date, place). A cut list ends by saying how
 * many more the view holds. Buttons take Enter and Space natively; the page
 * decides what opening an entry does.
 */
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../api/types';
import { MarkingBadge } from '../../components/MarkingBadge';
import { eventTypeColour, isEventType } from '../../lib/acled';
import { formatCount, formatEventDate } from '../../lib/format';
import {
  entryKey,
  formatPlace,
  gradingOf,
  type Capped,
  type IncidentsInView,
  type InViewEntry,
} from './viewContents';
import type { ThreatArea } from './mapApi';
import { CLUSTER_COLOUR } from './mapColours';

/** Keeps coordinates ("30.18° N, 66.98° E") in their own order inside right-to-left text. */
const isolated = (text: string) => `\u2066${text}\u2069`;

function More({ count, locale }: { count: number; locale: Locale }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <p className="map-in-view-more" data-testid="in-view-more">
      {t('mapLayers.inView.more', { count, formatted: formatCount(count, locale) })}
    </p>
  );
}

function Swatch({ colour, shape }: { colour: string; shape: 'dot' | 'cluster' }) {
  return (
    <span
      className={`map-swatch map-swatch-${shape}`}
      style={{ '--swatch-colour': colour } as CSSProperties}
      aria-hidden="true"
    />
  );
}

export function InViewThreats({
  threats,
  locale,
  onOpen,
}: {
  threats: Capped<ThreatArea>;
  locale: Locale;
  onOpen: (entry: InViewEntry) => void;
}) {
  const { t } = useTranslation();
  if (threats.shown.length === 0) return null;
  return (
    <>
      <h3 className="map-panel-subtitle">{t('mapLayers.layers.threats')}</h3>
      <ul className="map-in-view-list">
        {threats.shown.map((area) => {
          const key = entryKey.threat(area);
          return (
            <li key={key}>
              <button
                type="button"
                className="map-in-view-entry"
                data-entry-key={key}
                data-testid="in-view-threat"
                onClick={() => onOpen({ kind: 'threat', key, area })}
              >
                <span className="map-in-view-name">{area.properties.title}</span>
                <span className="map-in-view-detail">
                  <span>
                    {t('mapLayers.selection.grading')} <span dir="ltr">{gradingOf(area)}</span>
                  </span>
                  <MarkingBadge marking={area.properties.marking} />
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <More count={threats.more} locale={locale} />
    </>
  );
}

export function InViewIncidents({
  incidents,
  locale,
  onOpen,
}: {
  incidents: IncidentsInView;
  locale: Locale;
  onOpen: (entry: InViewEntry) => void;
}) {
  const { t } = useTranslation();
  if (incidents.total === 0) return null;
  const { more } = incidents.kind === 'clusters' ? incidents.clusters : incidents.points;
  return (
    <>
      <h3 className="map-panel-subtitle">{t('mapLayers.layers.incidents')}</h3>
      <ul className="map-in-view-list">
        {incidents.kind === 'clusters'
          ? incidents.clusters.shown.map((cluster) => {
              const key = entryKey.cluster(cluster);
              const { count } = cluster.properties;
              const [lon, lat] = cluster.geometry.coordinates;
              return (
                <li key={key}>
                  <button
                    type="button"
                    className="map-in-view-entry"
                    data-entry-key={key}
                    data-testid="in-view-cluster"
                    data-count={count}
                    onClick={() => onOpen({ kind: 'cluster', key, cluster })}
                  >
                    <span className="map-in-view-name">
                      <Swatch colour={CLUSTER_COLOUR} shape="cluster" />
                      {t('mapLayers.inView.incidents', {
                        count,
                        formatted: formatCount(count, locale),
                      })}
                    </span>
                    <span className="map-in-view-detail">
                      {t('mapLayers.inView.around', { place: isolated(formatPlace(lon, lat)) })}
                    </span>
                  </button>
                </li>
              );
            })
          : incidents.points.shown.map((point) => {
              const key = entryKey.point(point);
              const type = point.event_type;
              return (
                <li key={key}>
                  <button
                    type="button"
                    className="map-in-view-entry"
                    data-entry-key={key}
                    data-testid="in-view-point"
                    onClick={() => onOpen({ kind: 'point', key, point })}
                  >
                    <span className="map-in-view-name">
                      <Swatch colour={eventTypeColour(type)} shape="dot" />
                      {isEventType(type) ? t(`acled.eventTypes.${type}`) : type}
                    </span>
                    <span className="map-in-view-detail">
                      {formatEventDate(point.event_date, 1, locale)} · {point.location}
                    </span>
                  </button>
                </li>
              );
            })}
      </ul>
      <More count={more} locale={locale} />
    </>
  );
}

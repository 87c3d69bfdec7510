/**
 * The sentence a screen reader hears after the map moves ("12 incidents and
 * 3 threat areas in view"). It is said only once both layers have settled
 * on the new view, a moment after they did (a pan that goes on is not
 * announced view by view), never more often than every few seconds, and
 * never twice the same: a polite live region that chatters gets ignored.
 */
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../api/types';
import { describeError } from '../../i18n/errors';
import { formatCount } from '../../lib/format';
import type { IncidentLayerStatus } from './useIncidentLayer';
import type { ThreatLayerStatus } from './useThreatLayer';
import { announcementDelay } from './viewContents';

/** Quiet after the layers settle before speaking: about the pause between two pans. */
const SETTLE_MS = 500;
/** The least time between two announcements. */
const MIN_GAP_MS = 2_000;

function describeView(
  t: TFunction,
  locale: Locale,
  incidents: IncidentLayerStatus,
  threats: ThreatLayerStatus,
): string {
  const counts: string[] = [];
  const failures: string[] = [];
  if (incidents.state === 'ready')
    counts.push(
      t('mapLayers.inView.incidents', {
        count: incidents.total,
        formatted: formatCount(incidents.total, locale),
      }),
    );
  else if (incidents.state === 'error') failures.push(describeError(incidents.error, t));
  if (threats.state === 'ready')
    counts.push(
      t('mapLayers.inView.threats', {
        count: threats.count,
        formatted: formatCount(threats.count, locale),
      }),
    );
  else if (threats.state === 'error') failures.push(describeError(threats.error, t));
  const [first, second] = counts;
  const summary =
    first === undefined
      ? ''
      : second === undefined
        ? t('mapLayers.inView.summaryOne', { what: first })
        : t('mapLayers.inView.summaryBoth', { incidents: first, threats: second });
  return [summary, ...failures].filter((part) => part !== '').join(' ');
}

export function useInViewAnnouncement(
  incidents: IncidentLayerStatus,
  threats: ThreatLayerStatus,
  locale: Locale,
): string {
  const { t } = useTranslation();
  const settled = incidents.state !== 'loading' && threats.state !== 'loading';
  const text = settled ? describeView(t, locale, incidents, threats) : null;
  // Kept with its language: after a switch, an announcement in the old one is not shown.
  const [announced, setAnnounced] = useState({ text: '', locale });
  const lastAnnouncedAt = useRef(-Infinity);

  useEffect(() => {
    if (text === null || (text === announced.text && locale === announced.locale)) return;
    // A new language speaks as soon as the layers settle; otherwise the usual pacing.
    const wait =
      locale === announced.locale
        ? announcementDelay(performance.now(), lastAnnouncedAt.current, SETTLE_MS, MIN_GAP_MS)
        : 0;
    // A new move (the layers loading again) or a newer text cancels this one.
    const timer = setTimeout(() => {
      lastAnnouncedAt.current = performance.now();
      setAnnounced({ text, locale });
    }, wait);
    return () => clearTimeout(timer);
  }, [text, locale, announced]);

  return announced.locale === locale ? announced.text : '';
}

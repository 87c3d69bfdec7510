/**
 * "What is in view": the threat areas and incidents (clusters or single
 * points) the map shows, as a list of buttons, so that keyboard and
 * screen-reader users reach everything a pointer does. Enter or Space on an
 * entry opens it as a click on the map would (see useOpenFromList.ts). The
 * list is made from what the layers already drew, after they drew it and at
 * low priority: it must never delay the map's first frame nor ask the server
 * anything. A polite live summary says what the view holds after each move.
 */
import { useDeferredValue, useMemo, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../api/types';
import { Icon } from '../../components/icons';
import type { IncidentMapAnswer, ThreatArea } from './mapApi';
import { InViewIncidents, InViewThreats } from './InViewEntries';
import type { IncidentLayerStatus } from './useIncidentLayer';
import { useInViewAnnouncement } from './useInViewAnnouncement';
import type { ThreatLayerStatus } from './useThreatLayer';
import { incidentsInView, threatsInView, type InViewEntry } from './viewContents';

/** Whether the list is open survives reloads: an officer who closed it wants it closed. */
const OPEN_KEY = 'tandem.map.inViewOpen';

function initiallyOpen(): boolean {
  try {
    return window.localStorage.getItem(OPEN_KEY) !== 'false';
  } catch {
    return true; // storage refused (private mode, policy): open, as for everyone else
  }
}

function remember(open: boolean): void {
  try {
    window.localStorage.setItem(OPEN_KEY, String(open));
  } catch {
    // Not remembered; the panel still works.
  }
}

interface Props {
  locale: Locale;
  incidents: { status: IncidentLayerStatus; drawn: IncidentMapAnswer | null };
  threats: { status: ThreatLayerStatus; drawn: readonly ThreatArea[] | null };
  onOpen: (entry: InViewEntry) => void;
  /** The panel, where focus returns when a selection it opened closes. */
  panelRef: RefObject<HTMLElement | null>;
}

export function InViewPanel({ locale, incidents, threats, onOpen, panelRef }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(initiallyOpen);
  const announcement = useInViewAnnouncement(incidents.status, threats.status, locale);
  // Drawing the map comes first; the list follows in a low-priority render.
  const incidentAnswer = useDeferredValue(incidents.drawn);
  const threatAreas = useDeferredValue(threats.drawn);
  const incidentList = useMemo(() => incidentsInView(incidentAnswer), [incidentAnswer]);
  const threatList = useMemo(() => threatsInView(threatAreas), [threatAreas]);
  const busy = incidents.status.state === 'loading' || threats.status.state === 'loading';
  const noLayers =
    incidents.status.state === 'hidden' &&
    (threats.status.state === 'hidden' || threats.status.state === 'unsupported');
  const empty =
    (incidentList !== null || threatList !== null) &&
    (incidentList?.total ?? 0) === 0 &&
    (threatList?.shown.length ?? 0) === 0;

  const toggle = () => {
    setOpen(!open);
    remember(!open);
  };

  return (
    <section
      ref={panelRef}
      className="map-panel map-in-view"
      aria-labelledby="map-in-view-title"
      aria-busy={busy}
      data-testid="map-in-view"
    >
      <h2 id="map-in-view-title" className="map-panel-title">
        <button
          type="button"
          className="map-in-view-toggle"
          aria-expanded={open}
          aria-controls="map-in-view-list"
          onClick={toggle}
          data-in-view-home=""
        >
          <Icon name="chevronDown" />
          {t('mapLayers.inView.title')}
        </button>
      </h2>
      <p
        className="map-in-view-summary"
        role="status"
        aria-live="polite"
        data-testid="in-view-summary"
      >
        {announcement}
      </p>
      <div id="map-in-view-list" className="map-in-view-body" hidden={!open}>
        {open ? (
          <>
            {threatList ? (
              <InViewThreats threats={threatList} locale={locale} onOpen={onOpen} />
            ) : null}
            {incidentList ? (
              <InViewIncidents incidents={incidentList} locale={locale} onOpen={onOpen} />
            ) : null}
            {empty ? <p className="muted">{t('mapLayers.inView.empty')}</p> : null}
            {noLayers ? <p className="muted">{t('mapLayers.inView.noLayers')}</p> : null}
          </>
        ) : null}
      </div>
    </section>
  );
}

/** The day's incidents: summed up by area and event type, and listed with links to each. */
import { useTranslation } from 'react-i18next';
import type { Sitrep } from '../../api/sitrep';
import { Link } from '../../app/router';
import { MarkingBadge } from '../../components/MarkingBadge';
import { currentLocale } from '../../i18n';
import { eventTypeColour } from '../../lib/acled';
import { countryName } from '../../lib/countries';
import { formatCount, formatEventDate } from '../../lib/format';
import {
  eventTypeLabel,
  SitrepEmpty,
  SitrepNote,
  SitrepSection,
  SitrepTable,
  subEventTypeLabel,
} from './SitrepParts';

type Incidents = Sitrep['incidents'];

export function SitrepIncidentsByArea({ incidents }: { incidents: Incidents }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const title = t('sitrep.byArea.title');
  return (
    <SitrepSection id="sitrep-by-area" title={title}>
      {incidents.byArea.length === 0 ? (
        <SitrepEmpty testId="sitrep-by-area-empty">{t('sitrep.byArea.empty')}</SitrepEmpty>
      ) : (
        <SitrepTable
          testId="sitrep-by-area"
          caption={title}
          columns={[
            { label: t('sitrep.byArea.country') },
            { label: t('sitrep.byArea.area') },
            { label: t('sitrep.byArea.count'), numeric: true },
            { label: t('sitrep.byArea.fatalities'), numeric: true },
            { label: t('sitrep.byArea.types') },
          ]}
        >
          {incidents.byArea.map((area) => (
            <tr key={`${area.country}|${area.area}`}>
              <td>{countryName(area.country, locale)}</td>
              <td>
                {area.area || <span className="muted">{t('sitrep.byArea.unknownArea')}</span>}
              </td>
              <td className="cell-number cell-strong">{formatCount(area.count, locale)}</td>
              <td className="cell-number">{formatCount(area.fatalities, locale)}</td>
              <td>
                <ul className="sitrep-type-counts">
                  {area.byEventType.map((entry) => (
                    <li key={entry.eventType}>
                      <span
                        className="swatch"
                        style={{ background: eventTypeColour(entry.eventType) }}
                      />
                      {eventTypeLabel(entry.eventType, t)}{' '}
                      <span className="cell-strong">{formatCount(entry.count, locale)}</span>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </SitrepTable>
      )}
    </SitrepSection>
  );
}

export function SitrepIncidentList({ incidents }: { incidents: Incidents }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const title = t('sitrep.incidents.title');
  return (
    <SitrepSection id="sitrep-incidents" title={title}>
      {incidents.items.length === 0 ? (
        <SitrepEmpty testId="sitrep-incidents-empty">{t('sitrep.incidents.empty')}</SitrepEmpty>
      ) : (
        <>
          <SitrepTable
            testId="sitrep-incidents"
            caption={title}
            columns={[
              { label: t('sitrep.incidents.date') },
              { label: t('sitrep.incidents.type') },
              { label: t('sitrep.incidents.place') },
              { label: t('sitrep.incidents.fatalities'), numeric: true },
              { label: t('sitrep.incidents.marking') },
            ]}
          >
            {incidents.items.map((item) => (
              <tr key={item.id}>
                <td className="cell-muted">{formatEventDate(item.eventDate, 1, locale)}</td>
                <td>
                  <Link to={`/incidents/${item.id}`} className="row-link row-link-wrap">
                    {subEventTypeLabel(item.subEventType, t)}
                  </Link>
                  <div className="cell-muted">{eventTypeLabel(item.eventType, t)}</div>
                </td>
                <td>
                  {[item.place, item.admin1, countryName(item.country, locale)]
                    .filter(Boolean)
                    .join(', ')}
                </td>
                <td className="cell-number">
                  {item.fatalities === null ? '–' : formatCount(item.fatalities, locale)}
                </td>
                <td>
                  <MarkingBadge marking={item.marking} />
                </td>
              </tr>
            ))}
          </SitrepTable>
          {incidents.truncated ? (
            <SitrepNote>
              {t('sitrep.incidents.truncated', {
                shown: formatCount(incidents.items.length, locale),
                total: formatCount(incidents.total, locale),
              })}
            </SitrepNote>
          ) : null}
        </>
      )}
    </SitrepSection>
  );
}

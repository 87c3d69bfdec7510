/**
 * Which day the report shows (a date field and the days either side), and
 * the report as a PDF in the interface language or printed. Days are UTC
 * days, as the report counts them; a day after today (UTC) is not offered.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { sitrepPdfUrl } from '../../api/sitrep';
import { Icon } from '../../components/icons';
import { currentLocale } from '../../i18n';
import { isCalendarDay, shiftDay, utcToday } from './sitrepDays';

export function SitrepControls({
  day,
  onDay,
}: {
  /** The day shown; undefined until the server has said which day "today" is. */
  day: string | undefined;
  /** Undefined for today. */
  onDay: (day: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const dateId = useId();
  const today = utcToday();
  return (
    <div className="sitrep-controls" role="group" aria-label={t('sitrep.controls.label')}>
      <div className="sitrep-day">
        <button
          type="button"
          className="button button-secondary"
          disabled={!day}
          onClick={() => day && onDay(shiftDay(day, -1))}
        >
          {t('sitrep.controls.previousDay')}
        </button>
        <label htmlFor={dateId} className="sitrep-day-label">
          {t('sitrep.controls.date')}
        </label>
        <input
          id={dateId}
          type="date"
          className="input sitrep-day-input"
          value={day ?? ''}
          max={today}
          data-testid="sitrep-date"
          onChange={(event) => {
            const value = event.target.value;
            // A date field reports '' while a part of the date is being typed: wait for a whole day.
            if (isCalendarDay(value)) onDay(value);
          }}
        />
        <button
          type="button"
          className="button button-secondary"
          disabled={!day || day >= today}
          onClick={() => day && onDay(shiftDay(day, 1))}
        >
          {t('sitrep.controls.nextDay')}
        </button>
        {day && day !== today ? (
          <button type="button" className="button button-link" onClick={() => onDay(undefined)}>
            {t('sitrep.controls.today')}
          </button>
        ) : null}
      </div>
      <div className="sitrep-outputs">
        {day ? (
          <a
            className="button button-secondary"
            href={sitrepPdfUrl(day, currentLocale())}
            download
            data-testid="sitrep-pdf"
          >
            <Icon name="download" />
            {t('sitrep.controls.downloadPdf')}
          </a>
        ) : null}
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('sitrep.controls.print')}
        </button>
      </div>
    </div>
  );
}

/**
 * A place-name search box (WAI-ARIA combobox with a list box): type a few
 * letters, move through the matches with the arrow keys, Enter or a click
 * picks one. Matches come from GeoNames through GET /api/places.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchPlaces, type PlaceMatch } from '../../api/incidents';
import { SearchCombobox, useCombobox } from '../../components/SearchCombobox';
import { currentLocale } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { countryName } from '../../lib/countries';
import { formatCount } from '../../lib/format';
import { useDebouncedSearch } from '../../lib/useDebouncedSearch';

const DELAY_MS = 200;
const LIMIT = 10;

export function PlaceSearch({ onPick }: { onPick: (place: PlaceMatch) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [text, setText] = useState('');
  const results = useDebouncedSearch(
    text.trim() === '' ? null : text,
    (query, signal) => searchPlaces(query.trim(), LIMIT, signal),
    DELAY_MS,
  );
  const combobox = useCombobox({
    results,
    items: results.status === 'ready' ? results.result : [],
    onPick: (place) => {
      onPick(place);
      setText('');
    },
    closeOnPick: true,
  });

  return (
    <SearchCombobox
      combobox={combobox}
      text={text}
      onTextChange={setText}
      label={t('incidents.form.placeSearch')}
      placeholder={t('incidents.form.placeSearchPlaceholder')}
      listLabel={t('incidents.form.placeMatches')}
      noMatch={t('incidents.form.placeNoMatch')}
      describeFailure={(error) => describeError(error, t)}
      itemKey={(place) => `${place.name}|${place.country}|${place.lat}|${place.lon}`}
      renderItem={(place) => (
        <>
          <span className="cell-strong">{place.name}</span>
          <span className="cell-muted">{countryName(place.country, locale)}</span>
          <span className="place-option-extra" dir="ltr">
            {place.population > 0 ? formatCount(place.population, locale) : ''}{' '}
            <span className="code">
              {place.lat.toFixed(2)}, {place.lon.toFixed(2)}
            </span>
          </span>
        </>
      )}
    />
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../api/types';
import { currentLocale, isLocale, LOCALE_NAMES } from '../i18n';
import { Icon } from './icons';

/** The language switch; each language is named in itself. */
export function LanguageSelect({
  onSelect,
  tone = 'dark',
}: {
  onSelect: (locale: Locale) => void;
  tone?: 'dark' | 'light';
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className={`language-select language-select-${tone}`}>
      <Icon name="globe" />
      <label htmlFor={id} className="visually-hidden">
        {t('language.label')}
      </label>
      <select
        id={id}
        data-testid="language-select"
        value={currentLocale()}
        onChange={(event) => {
          if (isLocale(event.target.value)) onSelect(event.target.value);
        }}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * People on site: each readable site's latest count on or before the
 * report's day, by nationality, and the totals over those sites. Counts
 * only, never names.
 */
import { useTranslation } from 'react-i18next';
import type { NationalityCount, Sitrep } from '../../api/sitrep';
import { Link } from '../../app/router';
import { MarkingBadge } from '../../components/MarkingBadge';
import { currentLocale } from '../../i18n';
import { countryName } from '../../lib/countries';
import { formatCount, formatEventDate } from '../../lib/format';
import { SitrepEmpty, SitrepNote, SitrepSection, SitrepTable } from './SitrepParts';

export function SitrepPeople({ people }: { people: Sitrep['people'] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const title = t('sitrep.people.title');
  const nationality = (code: string) =>
    code === 'XX' ? t('sitrep.people.other') : countryName(code, locale);
  // The language's own list punctuation (Urdu joins with '،').
  const joiner = new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' });
  const list = (counts: readonly NationalityCount[]) =>
    joiner.format(
      counts.map((n) => `${nationality(n.nationality)} ${formatCount(n.count, locale)}`),
    );
  if (people.siteCount === 0) {
    return (
      <SitrepSection id="sitrep-people" title={title}>
        <SitrepEmpty testId="sitrep-people-empty">{t('sitrep.people.empty')}</SitrepEmpty>
      </SitrepSection>
    );
  }
  return (
    <SitrepSection id="sitrep-people" title={title}>
      <dl className="sitrep-mini-figures" data-testid="sitrep-people-total">
        <div>
          <dt>{t('sitrep.people.total')}</dt>
          <dd>{formatCount(people.total, locale)}</dd>
        </div>
        <div>
          <dt>{t('sitrep.people.sites')}</dt>
          <dd>{formatCount(people.siteCount, locale)}</dd>
        </div>
      </dl>
      <h3 className="sitrep-subtitle">{t('sitrep.people.byNationality')}</h3>
      <ul className="chips" data-testid="sitrep-people-nationalities">
        {people.byNationality.map((n) => (
          <li key={n.nationality} className="chip">
            {nationality(n.nationality)}{' '}
            <span className="cell-strong">{formatCount(n.count, locale)}</span>
          </li>
        ))}
      </ul>
      <SitrepTable
        testId="sitrep-people"
        caption={title}
        columns={[
          { label: t('sitrep.people.site') },
          { label: t('sitrep.people.day') },
          { label: t('sitrep.people.nationalities') },
          { label: t('sitrep.people.count'), numeric: true },
        ]}
      >
        {people.sites.map((site) => (
          <tr key={site.id}>
            <td className="cell-title">
              <Link to={`/sites/${site.id}`} className="row-link row-link-wrap" dir="auto">
                {site.name}
              </Link>
              <div>
                <MarkingBadge marking={site.marking} />
              </div>
            </td>
            <td className="cell-muted">{formatEventDate(site.day, 1, locale)}</td>
            <td>{list(site.byNationality)}</td>
            <td className="cell-number cell-strong">{formatCount(site.total, locale)}</td>
          </tr>
        ))}
      </SitrepTable>
      {people.truncated ? (
        <SitrepNote>
          {t('sitrep.people.truncated', {
            shown: formatCount(people.sites.length, locale),
            total: formatCount(people.siteCount, locale),
          })}
        </SitrepNote>
      ) : null}
    </SitrepSection>
  );
}

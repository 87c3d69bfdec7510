/** The threats of the day: counted by area, and the threat reports with their grading and marking. */
import { useTranslation } from 'react-i18next';
import type { Sitrep } from '../../api/sitrep';
import { Link } from '../../app/router';
import { MarkingBadge } from '../../components/MarkingBadge';
import { currentLocale } from '../../i18n';
import { formatCount, formatEventDate } from '../../lib/format';
import { GradeCode } from '../intel/Grading';
import { SitrepEmpty, SitrepNote, SitrepSection, SitrepTable } from './SitrepParts';

export function SitrepThreats({ threats }: { threats: Sitrep['threats'] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const title = t('sitrep.threats.title');
  const day = (iso: string) => formatEventDate(iso.slice(0, 10), 1, locale);
  if (threats.items.length === 0) {
    return (
      <SitrepSection id="sitrep-threats" title={title}>
        <SitrepEmpty testId="sitrep-threats-empty">{t('sitrep.threats.empty')}</SitrepEmpty>
      </SitrepSection>
    );
  }
  return (
    <SitrepSection id="sitrep-threats" title={title}>
      {threats.byArea.length > 0 ? (
        <div className="sitrep-threat-areas">
          <h3 className="sitrep-subtitle">{t('sitrep.threats.byArea')}</h3>
          <ul className="chips" data-testid="sitrep-threat-areas">
            {threats.byArea.map((area) => (
              <li key={area.area} className="chip">
                {area.area || t('sitrep.threats.noArea')}{' '}
                <span className="cell-strong">{formatCount(area.count, locale)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <SitrepTable
        testId="sitrep-threats"
        caption={title}
        columns={[
          { label: t('sitrep.threats.report') },
          { label: t('sitrep.threats.area') },
          { label: t('sitrep.threats.grading') },
          { label: t('sitrep.threats.valid') },
          { label: t('sitrep.threats.marking') },
        ]}
      >
        {threats.items.map((item) => (
          <tr key={item.id}>
            <td className="cell-title">
              <Link
                to={`/intel/${item.id}`}
                className="row-link row-link-wrap"
                lang={item.language}
                dir="auto"
              >
                {item.title}
              </Link>
            </td>
            <td>{item.area || <span className="muted">–</span>}</td>
            <td>
              <GradeCode
                reliability={item.sourceReliability}
                credibility={item.informationCredibility}
              />
            </td>
            <td className="cell-muted">
              {day(item.validFrom)} – {day(item.validUntil)}
            </td>
            <td>
              <MarkingBadge marking={item.marking} />
            </td>
          </tr>
        ))}
      </SitrepTable>
      {threats.truncated ? (
        <SitrepNote>
          {t('sitrep.threats.truncated', {
            shown: formatCount(threats.items.length, locale),
            total: formatCount(threats.total, locale),
          })}
        </SitrepNote>
      ) : null}
    </SitrepSection>
  );
}

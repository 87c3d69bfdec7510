/**
 * Movements of the day: the outcomes in figures and every movement in its
 * state at the end of the day, with route, risk, escort and last check-in,
 * each leading to its page. States and risk levels are named in words
 * (the movements pages' own labels), never by colour alone.
 */
import { MOVEMENT_STATES, type MovementState } from '@vocabulary/protection';
import { useTranslation } from 'react-i18next';
import type { Sitrep } from '../../api/sitrep';
import { Link } from '../../app/router';
import { MarkingBadge } from '../../components/MarkingBadge';
import { currentLocale } from '../../i18n';
import { formatCount, formatDateTime } from '../../lib/format';
import { isRiskLevel } from '../movements/riskLevels';
import { StateBadge } from '../movements/StateBadge';
import { SitrepEmpty, SitrepNote, SitrepSection, SitrepTable } from './SitrepParts';

const isMovementState = (value: string): value is MovementState =>
  (MOVEMENT_STATES as readonly string[]).includes(value);

export function SitrepMovements({ movements }: { movements: Sitrep['movements'] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const title = t('sitrep.movements.title');
  if (movements.total === 0) {
    return (
      <SitrepSection id="sitrep-movements" title={title}>
        <SitrepEmpty testId="sitrep-movements-empty">{t('sitrep.movements.empty')}</SitrepEmpty>
      </SitrepSection>
    );
  }
  const outcomes = [
    { key: 'total', value: movements.total },
    { key: 'arrived', value: movements.outcomes.arrived },
    { key: 'overdue', value: movements.outcomes.overdue },
    { key: 'incident', value: movements.outcomes.incident },
    { key: 'cancelled', value: movements.outcomes.cancelled },
  ] as const;
  return (
    <SitrepSection id="sitrep-movements" title={title}>
      <dl className="sitrep-mini-figures" data-testid="sitrep-movement-outcomes">
        {outcomes.map((o) => (
          <div key={o.key}>
            <dt>{t(`sitrep.movements.outcomes.${o.key}`)}</dt>
            <dd>{formatCount(o.value, locale)}</dd>
          </div>
        ))}
      </dl>
      <h3 className="sitrep-subtitle">{t('sitrep.movements.byState')}</h3>
      <ul className="chips" data-testid="sitrep-movement-states">
        {movements.byState.map((s) => (
          <li key={s.state} className="chip">
            {isMovementState(s.state) ? t(`movements.states.${s.state}`) : s.state}{' '}
            <span className="cell-strong">{formatCount(s.count, locale)}</span>
          </li>
        ))}
      </ul>
      <SitrepTable
        testId="sitrep-movements"
        caption={title}
        columns={[
          { label: t('sitrep.movements.movement') },
          { label: t('sitrep.movements.route') },
          { label: t('sitrep.movements.state') },
          { label: t('sitrep.movements.risk') },
          { label: t('sitrep.movements.escort') },
          { label: t('sitrep.movements.lastCheckin') },
        ]}
      >
        {movements.items.map((m) => (
          <tr key={m.id}>
            <td className="cell-title">
              <Link to={`/movements/${m.id}`} className="row-link row-link-wrap" dir="auto">
                {m.title}
              </Link>
              <div>
                <MarkingBadge marking={m.marking} />
              </div>
            </td>
            <td>
              <span dir="auto">{m.origin}</span> – <span dir="auto">{m.destination}</span>
            </td>
            <td>{isMovementState(m.state) ? <StateBadge state={m.state} /> : m.state}</td>
            <td>
              {isRiskLevel(m.riskLevel)
                ? t(`movements.risk.levels.${m.riskLevel}`)
                : t('movements.risk.notAssessed')}
            </td>
            <td>
              {m.escortOrg ? m.escortOrg.name || m.escortOrg.id : <span className="muted">–</span>}
            </td>
            <td className="cell-muted">
              {m.lastCheckinAt ? formatDateTime(m.lastCheckinAt, locale) : '–'}
            </td>
          </tr>
        ))}
      </SitrepTable>
      {movements.truncated ? (
        <SitrepNote>
          {t('sitrep.movements.truncated', {
            shown: formatCount(movements.items.length, locale),
            total: formatCount(movements.total, locale),
          })}
        </SitrepNote>
      ) : null}
    </SitrepSection>
  );
}

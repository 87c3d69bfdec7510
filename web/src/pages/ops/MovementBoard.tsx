/**
 * Today's movements by state: a row of counts (every state with movements,
 * in the board's order), then one list per state with each movement's
 * title (a link to its page), route, times, risk and last check-in.
 */
import { useTranslation } from 'react-i18next';
import { RISK_LEVELS } from '@vocabulary/protection';
import { Link } from '../../app/router';
import { EmptyState, Notice, Spinner } from '../../components/Notice';
import { currentLocale } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { formatCount, formatDateTime } from '../../lib/format';
import { groupByState, stateColour } from './movementBoard';
import { lastCheckinOf, type OpsMovement } from './opsApi';
import type { TodayMovements } from './useTodayMovements';

function MovementLine({ movement }: { movement: OpsMovement }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const risk = movement.riskLevel;
  const lastCheckin = lastCheckinOf(movement);
  return (
    <li className="ops-movement" data-testid="ops-movement" data-state={movement.state}>
      <Link to={`/movements/${encodeURIComponent(movement.id)}`} className="ops-movement-title">
        {movement.title}
      </Link>
      <span>{t('ops.route', { from: movement.originName, to: movement.destinationName })}</span>
      <span>
        {t('ops.departs', { at: formatDateTime(movement.plannedDeparture, locale) })} ·{' '}
        {t('ops.arrives', { at: formatDateTime(movement.plannedArrival, locale) })}
      </span>
      {risk && (RISK_LEVELS as readonly string[]).includes(risk) ? (
        <span className={`ops-risk ops-risk-${risk}`}>
          {t('ops.risk', { level: t(`ops.riskLevel.${risk}`) })}
        </span>
      ) : null}
      <span className="ops-checkin">
        {lastCheckin
          ? t('ops.lastCheckin', { at: formatDateTime(lastCheckin, locale) })
          : t('ops.noCheckin')}
      </span>
    </li>
  );
}

export function MovementBoard({ today }: { today: TodayMovements }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const groups = groupByState(today.movements);
  return (
    <section className="card ops-board" aria-labelledby="ops-movements-title">
      <div className="card-header">
        <h2 id="ops-movements-title">{t('ops.movementsTitle')}</h2>
        <Link to="/movements">{t('ops.allMovements')}</Link>
      </div>
      {today.status === 'error' ? (
        <Notice tone="error">
          {describeError(today.error, t)}{' '}
          <button type="button" className="button button-link" onClick={today.reload}>
            {t('common.retry')}
          </button>
        </Notice>
      ) : null}
      {today.status === 'loading' && today.movements.length === 0 ? (
        <Spinner label={t('common.loading')} />
      ) : null}
      {today.status === 'ready' && today.movements.length === 0 ? (
        <EmptyState title={t('ops.noMovements')}>{t('ops.noMovementsBody')}</EmptyState>
      ) : null}
      {groups.length > 0 ? (
        <ul className="ops-counts" aria-label={t('ops.summaryLabel')} data-testid="ops-counts">
          {groups.map((group) => (
            <li key={group.state} className="ops-count">
              <span
                className="ops-count-swatch"
                style={{ background: stateColour(group.state) }}
                aria-hidden="true"
              />
              <a href={`#ops-state-${group.state}`}>
                <span className="ops-count-number">{formatCount(group.items.length, locale)}</span>{' '}
                {t(`ops.state.${group.state}`)}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {groups.map((group) => (
        <section
          key={group.state}
          className="ops-state-group"
          aria-labelledby={`ops-state-${group.state}`}
        >
          <h3 id={`ops-state-${group.state}`} tabIndex={-1}>
            {t(`ops.state.${group.state}`)} ({formatCount(group.items.length, locale)})
          </h3>
          <ul className="ops-movements">
            {group.items.map((movement) => (
              <MovementLine key={movement.id} movement={movement} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

/**
 * A movement's route risk: the score and level, whether a person overrode
 * the computed level (and why), what contributed — only what this reader may
 * read, each incident or threat report linked — and, for duty officers, the
 * override form (a reason is required and audited).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  assessRisk,
  overrideRisk,
  RISK_LEVELS,
  type Movement,
  type RiskContributor,
  type RiskLevel,
} from '../../api/movements';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { DetailCard } from '../../components/Detail';
import { SelectField, TextAreaField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { currentLocale } from '../../i18n';
import { describeError, fieldErrors } from '../../i18n/errors';
import { formatDateTime } from '../../lib/format';
import { canAssessRisk, canOverrideRisk } from './permissions';
import { levelClass, riskColour } from './riskLevels';

function ContributorTitle({ contributor }: { contributor: RiskContributor }) {
  const { t } = useTranslation();
  if (contributor.type === 'incident' && contributor.id) {
    return <Link to={`/incidents/${contributor.id}`}>{contributor.title}</Link>;
  }
  if (contributor.type === 'threat-report' && contributor.id) {
    return <Link to={`/intel/${contributor.id}`}>{contributor.title}</Link>;
  }
  if (contributor.type === 'night') return <>{t('movements.risk.night')}</>;
  return <>{contributor.title}</>;
}

export function RiskPanel({ movement, onChanged }: { movement: Movement; onChanged: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { user } = useSession();
  const { risk } = movement;
  const [assessing, setAssessing] = useState(false);
  const [assessError, setAssessError] = useState<unknown>(null);
  const score = risk.score;

  async function assess(): Promise<void> {
    setAssessing(true);
    setAssessError(null);
    try {
      await assessRisk(movement.id);
      onChanged();
    } catch (error) {
      setAssessError(error);
    } finally {
      setAssessing(false);
    }
  }

  return (
    <DetailCard headingId="risk-heading" title={t('movements.risk.title')}>
      {risk.level === null ? (
        <p className="cell-muted">{t('movements.risk.notAssessedHint')}</p>
      ) : (
        <div className="risk-summary" data-testid="risk-summary">
          <div
            className="risk-meter"
            role="meter"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={score ?? 0}
            aria-label={t('movements.risk.score')}
          >
            <span
              className="risk-meter-fill"
              style={{ inlineSize: `${score ?? 0}%`, background: riskColour(risk.level) }}
            />
          </div>
          <p>
            <span className={levelClass(risk.level)}>
              {t(`movements.risk.levels.${risk.level}`)}
            </span>{' '}
            {score !== null ? t('movements.risk.scoreOf', { score }) : null}
          </p>
          {risk.overridden ? (
            <Notice tone="warning">
              {t('movements.risk.overridden', {
                computed: risk.computedLevel
                  ? t(`movements.risk.levels.${risk.computedLevel}`)
                  : '—',
              })}{' '}
              {risk.overrideReason ? <q dir="auto">{risk.overrideReason}</q> : null}
            </Notice>
          ) : null}
          {risk.assessedAt ? (
            <p className="cell-muted">
              {t('movements.risk.assessedAt', { at: formatDateTime(risk.assessedAt, locale) })}
            </p>
          ) : null}
        </div>
      )}

      <h3 className="subsection-title">{t('movements.risk.contributors')}</h3>
      {risk.contributors.length === 0 ? (
        <p className="cell-muted">{t('movements.risk.noContributors')}</p>
      ) : (
        <table className="table table-dense" data-testid="risk-contributors">
          <caption className="visually-hidden">{t('movements.risk.contributors')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('movements.risk.kind')}</th>
              <th scope="col">{t('movements.risk.what')}</th>
              <th scope="col" className="cell-number">
                {t('movements.risk.distance')}
              </th>
              <th scope="col" className="cell-number">
                {t('movements.risk.points')}
              </th>
            </tr>
          </thead>
          <tbody>
            {risk.contributors.map((contributor, index) => (
              <tr key={`${contributor.type}-${contributor.id}-${index}`}>
                <td>{t(`movements.risk.kinds.${contributor.type}`)}</td>
                <td dir="auto">
                  <ContributorTitle contributor={contributor} />
                </td>
                <td className="cell-number">
                  {contributor.distanceKm !== null
                    ? t('movements.detail.km', { km: contributor.distanceKm.toFixed(1) })
                    : '—'}
                </td>
                <td className="cell-number">{contributor.points}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="field-hint">{t('movements.risk.onlyReadable')}</p>

      {canAssessRisk(user, movement) ? (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => void assess()}
          disabled={assessing}
        >
          {assessing ? t('common.loading') : t('movements.risk.assess')}
        </button>
      ) : null}
      {assessError ? <Notice tone="error">{describeError(assessError, t)}</Notice> : null}
      {canOverrideRisk(user) ? <OverrideForm movement={movement} onChanged={onChanged} /> : null}
    </DetailCard>
  );
}

function OverrideForm({ movement, onChanged }: { movement: Movement; onChanged: () => void }) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<RiskLevel>(movement.risk.level ?? 'medium');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [tooShort, setTooShort] = useState(false);

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setTooShort(true);
      return;
    }
    setTooShort(false);
    setSaving(true);
    setError(null);
    try {
      await overrideRisk(movement.id, level, reason.trim());
      setReason('');
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className="risk-override"
      onSubmit={(event) => void save(event)}
      aria-labelledby="override-title"
      noValidate
    >
      <h3 id="override-title" className="subsection-title">
        {t('movements.risk.override')}
      </h3>
      <SelectField
        label={t('movements.risk.level')}
        value={level}
        onValueChange={(value) => setLevel(value as RiskLevel)}
        options={RISK_LEVELS.map((l) => ({ value: l, label: t(`movements.risk.levels.${l}`) }))}
      />
      <TextAreaField
        label={t('movements.risk.reason')}
        value={reason}
        onValueChange={setReason}
        rows={2}
        maxLength={500}
        hint={t('movements.risk.reasonHint')}
        error={tooShort ? t('movements.risk.reasonRequired') : fieldErrors(error).reason}
        dir="auto"
        required
      />
      {error ? <Notice tone="error">{describeError(error, t)}</Notice> : null}
      <button type="submit" className="button button-secondary" disabled={saving}>
        {saving ? t('common.saving') : t('movements.risk.setLevel')}
      </button>
    </form>
  );
}

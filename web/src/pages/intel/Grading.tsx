/**
 * The Admiralty (NATO) grading of a report, e.g. "B2": the source's
 * reliability (A–F) and the information's credibility (1–6), judged
 * independently. Shown as the code with what each half means.
 */
import { useTranslation } from 'react-i18next';
import {
  INFORMATION_CREDIBILITY,
  SOURCE_RELIABILITY,
  type InformationCredibility,
  type SourceReliability,
} from '../../api/intel';

export function isReliability(value: string): value is SourceReliability {
  return (SOURCE_RELIABILITY as readonly string[]).includes(value);
}

export function isCredibility(value: number): value is InformationCredibility {
  return (INFORMATION_CREDIBILITY as readonly number[]).includes(value);
}

/** The code with its meaning as a tooltip and for screen readers, for tables. */
export function GradeCode({
  reliability,
  credibility,
}: {
  reliability: string;
  credibility: number;
}) {
  const { t } = useTranslation();
  const meaning = [
    isReliability(reliability) ? t(`intel.grading.reliability.${reliability}.name`) : reliability,
    isCredibility(credibility) ? t(`intel.grading.credibility.${credibility}.name`) : credibility,
  ].join(' · ');
  return (
    <span className="grade-code" dir="ltr" title={meaning} data-testid="grade">
      {reliability}
      {credibility}
      <span className="visually-hidden"> ({meaning})</span>
    </span>
  );
}

/** The code and both meanings spelled out, for the detail page. */
export function GradingExplained({
  reliability,
  credibility,
}: {
  reliability: string;
  credibility: number;
}) {
  const { t } = useTranslation();
  return (
    <div className="grading-explained">
      <span className="grade-code grade-code-large" dir="ltr" data-testid="grade">
        {reliability}
        {credibility}
      </span>
      <dl className="grading-parts">
        <div>
          <dt>
            {t('intel.grading.reliabilityLabel')} <span className="code">{reliability}</span>
          </dt>
          <dd>
            {isReliability(reliability)
              ? t(`intel.grading.reliability.${reliability}.name`)
              : reliability}
          </dd>
        </div>
        <div>
          <dt>
            {t('intel.grading.credibilityLabel')} <span className="code">{credibility}</span>
          </dt>
          <dd>
            {isCredibility(credibility)
              ? t(`intel.grading.credibility.${credibility}.name`)
              : credibility}
          </dd>
        </div>
      </dl>
    </div>
  );
}

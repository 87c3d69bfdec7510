/** Small labels shared by the report list and detail: status, target type, validity. */
import { useTranslation } from 'react-i18next';
import { REPORT_STATUSES, TARGET_TYPES, type ReportStatus, type TargetType } from '../../api/intel';
import type { Locale } from '../../api/types';
import { formatDateTime } from '../../lib/format';

export function isStatus(value: string): value is ReportStatus {
  return (REPORT_STATUSES as readonly string[]).includes(value);
}

export function isTargetType(value: string): value is TargetType {
  return (TARGET_TYPES as readonly string[]).includes(value);
}

const STATUS_BADGE: Record<ReportStatus, string> = {
  draft: 'badge-warning',
  published: 'badge-active',
  revoked: 'badge-disabled',
};

export function StatusBadge({ status, inline }: { status: ReportStatus; inline?: boolean }) {
  const { t } = useTranslation();
  return (
    <span
      className={`badge ${STATUS_BADGE[status]}${inline ? ' badge-inline' : ''}`}
      data-testid="report-status"
    >
      {t(`intel.status.${status}`)}
    </span>
  );
}

export function TargetTypeLabel({ type }: { type: string }) {
  const { t } = useTranslation();
  return <>{isTargetType(type) ? t(`intel.targetTypes.${type}`) : type}</>;
}

export function ValidityRange({
  from,
  until,
  locale,
}: {
  from: string;
  until: string;
  locale: Locale;
}) {
  return (
    <span className="validity-range">
      <time dateTime={from}>{formatDateTime(from, locale)}</time>
      {' – '}
      <time dateTime={until}>{formatDateTime(until, locale)}</time>
    </span>
  );
}

/** Whether the validity window has begun and not ended. */
export function validityNow(
  from: string,
  until: string,
  now = Date.now(),
): 'future' | 'current' | 'past' {
  if (new Date(from).getTime() > now) return 'future';
  return new Date(until).getTime() < now ? 'past' : 'current';
}

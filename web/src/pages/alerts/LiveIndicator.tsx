/** Says whether live updates are arriving: text beside a dot, so that colour is not the only sign. */
import { useTranslation } from 'react-i18next';
import { useLiveStatus } from '../../api/live';

export function LiveIndicator() {
  const { t } = useTranslation();
  const status = useLiveStatus();
  return (
    <span
      className={`live-indicator live-${status}`}
      data-testid="live-indicator"
      data-status={status}
    >
      <span className="live-dot" aria-hidden="true" />
      {status === 'open'
        ? t('alerts.live.open')
        : status === 'connecting'
          ? t('alerts.live.connecting')
          : t('alerts.live.down')}
    </span>
  );
}

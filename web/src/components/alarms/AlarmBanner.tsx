/**
 * The red banner of the signed-in shell, on every page: the open level-2
 * and level-3 alarms the reader may see (level 1 stays in the operations
 * room), with the movement, reason, level, last known position and time,
 * and Acknowledge. An L2/L3 alarm that arrives live sounds once (unless
 * muted) and is announced assertively to screen readers.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alarm } from '../../api/alarms';
import { Link } from '../../app/router';
import { hasAnyRole, useSession } from '../../app/session';
import { ALARM_ACKNOWLEDGERS, AlarmEntry, alarmReasonText } from './AlarmEntry';
import { bannerAlarms, shouldSound } from './alarmList';
import { playAlarmSound } from './alarmSound';
import { AlarmSoundToggle } from './AlarmSoundToggle';
import { useOpenAlarms } from './useOpenAlarms';
import './alarms.css';

/** The most a banner lists; the rest are counted, with a way to the operations room. */
const BANNER_ROWS = 3;
/** Alarm levels that have sounded on this page, across remounts of the banner. */
const sounded = new Set<string>();

export function AlarmBanner() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [announcement, setAnnouncement] = useState('');

  function arrived(alarm: Alarm): void {
    if (!shouldSound(alarm, sounded)) return;
    playAlarmSound();
    setAnnouncement(
      t('alarms.announce', {
        level: alarm.level,
        reason: alarmReasonText(alarm.reason, t),
        movement: alarm.movement.title,
      }),
    );
  }

  const open = useOpenAlarms(arrived);
  const shown = bannerAlarms(open.alarms);
  const canAcknowledge = hasAnyRole(user, ALARM_ACKNOWLEDGERS);

  return (
    <>
      <div className="visually-hidden" role="alert" data-testid="alarm-announcement">
        {announcement}
      </div>
      {shown.length > 0 ? (
        <section
          className="alarm-banner"
          aria-label={t('alarms.bannerLabel')}
          data-testid="alarm-banner"
        >
          <ul className="alarm-banner-list">
            {shown.slice(0, BANNER_ROWS).map((alarm) => (
              <li key={alarm.id}>
                <AlarmEntry
                  alarm={alarm}
                  canAcknowledge={canAcknowledge}
                  onAcknowledge={open.acknowledge}
                />
              </li>
            ))}
          </ul>
          <div className="alarm-banner-footer">
            {shown.length > BANNER_ROWS ? (
              <Link to="/ops">{t('alarms.more', { count: shown.length - BANNER_ROWS })}</Link>
            ) : null}
            <AlarmSoundToggle />
          </div>
        </section>
      ) : null}
    </>
  );
}

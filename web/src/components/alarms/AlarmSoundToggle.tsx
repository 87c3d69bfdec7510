/** The switch that mutes the alarm sound on this browser (the banner still shows every alarm). */
import { useTranslation } from 'react-i18next';
import { setAlarmSoundMuted, useAlarmSoundMuted } from './alarmSound';

export function AlarmSoundToggle() {
  const { t } = useTranslation();
  const muted = useAlarmSoundMuted();
  return (
    <button
      type="button"
      className="button button-small button-secondary alarm-sound-toggle"
      aria-pressed={muted}
      aria-label={muted ? t('alarms.unmuteLabel') : t('alarms.muteLabel')}
      onClick={() => setAlarmSoundMuted(!muted)}
      data-testid="alarm-sound-toggle"
    >
      {muted ? t('alarms.soundOff') : t('alarms.soundOn')}
    </button>
  );
}

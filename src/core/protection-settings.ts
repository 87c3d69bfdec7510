/** Timings of check-ins, alarms and alerts, read from the configuration (app/config.ts). */
export interface ProtectionSettings {
  /** A movement that misses a check-in by this long raises its L1 alarm. */
  checkinGraceMinutes: number;
  /** An unacknowledged alarm reaches L2 this long after L1 … */
  alarmL2AfterMinutes: number;
  /** … and L3 this long after L2. */
  alarmL3AfterMinutes: number;
  /** An alert nobody acknowledged escalates after this long. */
  alertEscalateAfterMinutes: number;
  /** How often the scheduler looks for due deadlines (it is also woken when one is written). */
  schedulerPollMs: number;
}

export const DEFAULT_PROTECTION_SETTINGS: ProtectionSettings = {
  checkinGraceMinutes: 10,
  alarmL2AfterMinutes: 15,
  alarmL3AfterMinutes: 15,
  alertEscalateAfterMinutes: 15,
  schedulerPollMs: 1_000,
};

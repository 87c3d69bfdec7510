/**
 * A run of alarms for the paging tests, described newest first by one letter
 * each: `v` visible to the reader, `h` hidden by SQL (a movement of another
 * organisation, outside the reader's audience), `r` refused in code only (a
 * movement released to the reader whose stored release list is unreadable:
 * record_releases still grants it to SQL, canRead fails closed on it).
 */
import type { Executor } from '../../../storage/executor.js';
import { insertFixtureMovement } from './movement-fixture.js';
import { spoilReleaseList } from '../../records/test-support/spoil.js';

export interface AlarmRun {
  /** Alarm ids the reader sees, newest first. */
  visible: string[];
  /** Alarm ids SQL returns for the reader (visible and refused), newest first. */
  listed: string[];
  refused: string[];
}

async function movementFor(
  db: Executor,
  kind: string,
  orgs: { readerOrgId: string; strangerOrgId: string },
): Promise<string> {
  switch (kind) {
    case 'v':
      return insertFixtureMovement(db, {
        createdBy: orgs.readerOrgId,
        requesterOrgId: orgs.readerOrgId,
        marking: 'TLP:GREEN',
      });
    case 'h':
      return insertFixtureMovement(db, {
        createdBy: orgs.strangerOrgId,
        requesterOrgId: orgs.strangerOrgId,
        marking: 'TLP:GREEN',
      });
    case 'r': {
      const id = await insertFixtureMovement(db, {
        createdBy: orgs.strangerOrgId,
        requesterOrgId: orgs.readerOrgId,
        marking: 'TLP:AMBER',
        releasableTo: [orgs.readerOrgId],
      });
      await spoilReleaseList(db, id);
      return id;
    }
    default:
      throw new Error(`unknown alarm kind ${kind}`);
  }
}

/** Raises one alarm per letter of `spec` (newest first), each on a movement of its own, oldest first. */
export async function buildAlarmRun(
  db: Executor,
  raise: (movementId: string) => Promise<string>,
  spec: string,
  orgs: { readerOrgId: string; strangerOrgId: string },
): Promise<AlarmRun> {
  const run: AlarmRun = { visible: [], listed: [], refused: [] };
  for (const kind of spec.split(/\s+/).filter(Boolean).reverse()) {
    const alarmId = await raise(await movementFor(db, kind, orgs));
    if (kind === 'v') run.visible.unshift(alarmId);
    if (kind === 'r') run.refused.unshift(alarmId);
    if (kind !== 'h') run.listed.unshift(alarmId);
  }
  return run;
}

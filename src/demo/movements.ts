/**
 * The demo's movements for today, made through the movement services so
 * that every state, transition, deadline and audit entry is real:
 * - Islamabad → Dasu by the Karakoram Highway, approved, SSD escort, in transit;
 * - Karachi airport → Port Qasim, approved, escort assigned;
 * - a second KKH movement in transit whose last check-in was long enough
 *   ago that its check-in falls overdue a few minutes after the demo starts;
 * - a request waiting for the duty officer's approval.
 * The escort's check-in and duress codes are random per run and returned
 * (never printed here) so that the CLI can show them; a second run makes no
 * new movements but sets new codes on the demo's own.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { hashPassword } from '../core/passwords.js';
import type { CurrentUser } from '../modules/identity/identity.types.js';
import { readSetting, writeSetting } from '../modules/identity/settings.repository.js';
import { decideMovement } from '../modules/movements/movements.approval.js';
import { recordCheckin } from '../modules/movements/movements.checkins.js';
import { assignEscort } from '../modules/movements/movements.escort.js';
import { saveCodes } from '../modules/movements/movements.field.repository.js';
import { createMovement, type MovementDeps } from '../modules/movements/movements.records.js';
import { findMovementsByIds } from '../modules/movements/movements.repository.js';
import { scheduleCheckinDue } from '../modules/movements/movements.schedule.js';
import type { MovementInput } from '../modules/movements/movements.schema.js';
import { overrideRisk } from '../modules/movements/risk.service.js';
import { takeAction } from '../modules/movements/movements.workflow.js';
import { inTransaction } from '../storage/executor.js';
import { DEMO_PLACES, DEMO_ROUTES } from './geography.js';

const LOADED_SETTING = 'demo_movement_ids';
const MINUTE_MS = 60_000;

export interface DemoMovementUsers {
  /** demo.orgadmin (pk-ssd): requests the movements. */
  requester: CurrentUser;
  /** demo.duty: approves them and assigns the escorts. */
  duty: CurrentUser;
  /** demo.field (pk-ssd): starts them and checks in. */
  field: CurrentUser;
}

export interface DemoMovementsSummary {
  created: number;
  movementIds: string[];
  checkinCode: string;
  duressCode: string;
  /** When the overdue movement's missed check-in fires. */
  overdueAt: string | undefined;
}

const code = () => String(randomInt(100_000, 1_000_000));

function kkhWaypoints() {
  const route = DEMO_ROUTES.find((r) => r.key === 'isb-dasu-kkh');
  return (route?.via ?? []).slice(1, -1).map((key) => ({ ...DEMO_PLACES[key] }));
}

export async function seedDemoMovements(
  deps: MovementDeps,
  users: DemoMovementUsers,
  orgIdOf: (key: string) => string,
  siteIdOf: (key: string) => string | undefined,
  now: Date,
): Promise<DemoMovementsSummary> {
  const codes = { checkinCode: code(), duressCode: code() };
  const loaded = await readSetting(deps.db, LOADED_SETTING);
  if (loaded) {
    const ids = JSON.parse(loaded) as string[];
    await resetCodes(deps, ids, users.duty.userId, codes);
    return { created: 0, movementIds: ids, ...codes, overdueAt: undefined };
  }
  const at = (minutes: number) => new Date(now.getTime() + minutes * MINUTE_MS).toISOString();
  const place = (key: keyof typeof DEMO_PLACES) => ({ ...DEMO_PLACES[key] });
  const site = (key: string, fallback: keyof typeof DEMO_PLACES) => {
    const id = siteIdOf(key);
    return id ? { siteId: id } : place(fallback);
  };
  const common = {
    waypoints: [],
    vehicles: [{ kind: 'coaster bus', seats: 26 }],
    passengers: [{ nationality: 'CN', count: 18 }],
    corridorKm: 10,
    checkinIntervalMinutes: 30,
    notes: '',
    marking: 'TLP:AMBER' as const,
    releasableTo: [
      orgIdOf('pk-moi-jscc'),
      orgIdOf('cn-embassy-security'),
      orgIdOf('cn-hydro-contractor'),
    ],
  };
  const kkh: MovementInput = {
    ...common,
    title: 'Engineers to Dasu by the Karakoram Highway',
    origin: place('islamabad'),
    destination: site('dasu-hpp', 'dasu'),
    waypoints: kkhWaypoints(),
    plannedDeparture: at(-120),
    plannedArrival: at(10 * 60),
  };
  const karachi: MovementInput = {
    ...common,
    title: 'Arriving engineers, Karachi airport to Port Qasim',
    origin: place('karachi-airport'),
    destination: site('port-qasim-power', 'port-qasim'),
    plannedDeparture: at(90),
    plannedArrival: at(180),
    releasableTo: [orgIdOf('pk-moi-jscc'), orgIdOf('cn-power-operator')],
  };
  const escort = {
    orgId: orgIdOf('pk-ssd'),
    unit: 'Special Security Division, escort company',
    callSign: 'Karakoram 1',
    strength: 16,
    vehicles: [{ kind: 'armoured pickup' }, { kind: 'armoured pickup' }],
    ...codes,
  };

  const ids: string[] = [];
  const make = async (
    input: MovementInput,
    until: 'submitted' | 'escort_assigned' | 'in_transit',
  ) => {
    const created = await createMovement(deps, input, users.requester);
    if (!created.ok) throw new Error(`demo movement ${input.title}: ${created.error}`);
    const id = created.value;
    ids.push(id);
    must(await takeAction(deps, id, 'submit', users.requester, undefined), 'submit');
    if (until === 'submitted') return id;
    const [assessed] = await findMovementsByIds(deps.db, [id]);
    if (assessed?.risk_level === 'critical') {
      // Critical needs two duty officers; the demo has one, who accepts it as high with the escort.
      const reason = 'Escort strength doubled; travel in daylight only.';
      must(await overrideRisk(deps, id, { level: 'high', reason }, users.duty), 'override');
    }
    must(await decideMovement(deps, id, 'approve', users.duty, undefined), 'approve');
    must(
      await assignEscort(deps, id, { ...escort, callSign: `Karakoram ${ids.length}` }, users.duty),
      'escort',
    );
    if (until === 'in_transit')
      must(await takeAction(deps, id, 'start', users.field, undefined), 'start');
    return id;
  };

  const dasu = await make(kkh, 'in_transit');
  await checkIn(deps, users.field, dasu, codes.checkinCode, place('abbottabad'), at(-40));
  await make(karachi, 'escort_assigned');
  const late = await make(
    { ...kkh, title: 'Survey team to Dasu (second convoy)', plannedDeparture: at(-60) },
    'in_transit',
  );
  // Its last check-in was one interval plus the grace period ago, less three minutes.
  const lastAt = at(-(30 + deps.protection.checkinGraceMinutes) + 3);
  await checkIn(deps, users.field, late, codes.checkinCode, place('mansehra'), lastAt);
  const [lateRow] = await findMovementsByIds(deps.db, [late]);
  if (lateRow)
    await inTransaction(deps.db, (trx) => scheduleCheckinDue(deps, trx, lateRow, lastAt));
  await make(
    {
      ...kkh,
      title: 'Supplies to the Dasu camp',
      plannedDeparture: at(24 * 60),
      plannedArrival: at(32 * 60),
    },
    'submitted',
  );

  await writeSetting(deps.db, LOADED_SETTING, JSON.stringify(ids));
  return { created: ids.length, movementIds: ids, ...codes, overdueAt: at(3) };
}

function must<T>(result: { ok: true; value: T } | { ok: false; error: string }, step: string): T {
  if (!result.ok) throw new Error(`demo movement ${step}: ${result.error}`);
  return result.value;
}

async function checkIn(
  deps: MovementDeps,
  field: CurrentUser,
  id: string,
  checkinCode: string,
  position: { lat: number; lon: number },
  recordedAt: string,
) {
  must(
    await recordCheckin(
      deps,
      id,
      {
        clientId: randomUUID(),
        recordedAt,
        lat: position.lat,
        lon: position.lon,
        kind: 'waypoint',
        code: checkinCode,
      },
      field,
    ),
    'check-in',
  );
}

async function resetCodes(
  deps: MovementDeps,
  ids: readonly string[],
  byUser: string,
  codes: { checkinCode: string; duressCode: string },
) {
  const [checkinHash, duressHash] = await Promise.all([
    hashPassword(codes.checkinCode),
    hashPassword(codes.duressCode),
  ]);
  const setAt = deps.clock.now().toISOString();
  const withEscort = (await findMovementsByIds(deps.db, ids)).filter(
    (m) => m.escort_org_id !== null,
  );
  await inTransaction(deps.db, async (trx) => {
    for (const m of withEscort) {
      await saveCodes(trx, {
        movement_id: m.id,
        checkin_hash: checkinHash,
        duress_hash: duressHash,
        set_at: setAt,
        set_by_user: byUser,
      });
    }
  });
}

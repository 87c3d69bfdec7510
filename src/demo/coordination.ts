/**
 * The demo's joint coordination: the two meetings of the scenario and their
 * decisions (facts.json), and action items derived from them — some done,
 * some on time, some overdue — owned by organisations of both countries.
 * Due dates are relative to today, so "overdue" stays true whenever the demo
 * is loaded. The CPEC meeting is dated to the month in public reporting; the
 * demo puts it on the 15th and says so in its minutes.
 */
import type { CurrentUser } from '../modules/identity/identity.types.js';
import { readSetting, writeSetting } from '../modules/identity/settings.repository.js';
import { createActionItem } from '../modules/coordination/action-items.service.js';
import type { CoordinationDeps } from '../modules/coordination/coordination.records.js';
import type { ActionItemInput } from '../modules/coordination/coordination.schema.js';
import { createDecision, createMeeting } from '../modules/coordination/meetings.service.js';
import { createWorkingGroup } from '../modules/coordination/working-groups.service.js';

const LOADED_SETTING = 'demo_coordination_loaded';
const DAY_MS = 86_400_000;
const GREEN = { marking: 'TLP:GREEN' as const, releasableTo: [] };

interface DemoItem {
  decision: number;
  title: string;
  owner: string;
  dueInDays: number;
  status: ActionItemInput['status'];
}

const MINISTERS_DECISIONS = [
  'Further improve mutual intelligence sharing.',
  'Cooperate to further secure the border.',
  'Use modern technology for police and paramilitary forces; acquire modern equipment and technology for the police.',
  'Cooperation with the National Police Academy.',
  'Increase cooperation between Beijing Police and Islamabad Police.',
  'Begin formal negotiations on a joint security management system.',
];

const ITEMS: readonly DemoItem[] = [
  {
    decision: 0,
    title: 'Share threat reports on CPEC routes through Tandem',
    owner: 'pk-moi-jscc',
    dueInDays: -40,
    status: 'done',
  },
  {
    decision: 1,
    title: 'Agree joint patrol procedures at the Khunjerab crossing',
    owner: 'pk-fc-kp',
    dueInDays: 30,
    status: 'open',
  },
  {
    decision: 2,
    title: 'Deliver the first tranche of police equipment',
    owner: 'cn-mps-liaison',
    dueInDays: -20,
    status: 'in_progress',
  },
  {
    decision: 3,
    title: 'Run a National Police Academy course for partner officers',
    owner: 'pk-npa',
    dueInDays: 60,
    status: 'open',
  },
  {
    decision: 4,
    title: 'Hold the first Beijing–Islamabad police exchange visit',
    owner: 'cn-beijing-police',
    dueInDays: -5,
    status: 'open',
  },
  {
    decision: 5,
    title: 'Draft the negotiating mandate for the joint system',
    owner: 'pk-moi-jscc',
    dueInDays: 14,
    status: 'in_progress',
  },
];

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: string }, what: string): T {
  if (!result.ok) throw new Error(`demo ${what}: ${result.error}`);
  return result.value;
}

/** Loads the demo coordination unless this database already has it; returns how many action items were written. */
export async function seedDemoCoordination(
  deps: CoordinationDeps,
  author: CurrentUser,
  orgIdOf: (key: string) => string,
): Promise<number> {
  if ((await readSetting(deps.db, LOADED_SETTING)) !== undefined) return 0;
  const jscc = orgIdOf('pk-moi-jscc');
  const mps = orgIdOf('cn-mps-liaison');
  const members = [
    'pk-moi-jscc',
    'cn-mps-liaison',
    'pk-fc-kp',
    'pk-npa',
    'pk-isb-police',
    'cn-beijing-police',
  ].map(orgIdOf);
  const cpecGroup = unwrap(
    await createWorkingGroup(
      deps,
      {
        name: 'CPEC Joint Working Group on security',
        description: 'Security of the projects and people of the corridor.',
        memberOrgIds: [jscc, mps, orgIdOf('pk-ssd'), orgIdOf('cn-embassy-security')],
        chairOrgId: jscc,
        secretaryOrgId: jscc,
        ...GREEN,
      },
      author,
    ),
    'working group',
  );
  const ministersGroup = unwrap(
    await createWorkingGroup(
      deps,
      {
        name: 'Interior ministers’ security dialogue',
        description: 'Follow-up of the interior ministers’ commitments.',
        memberOrgIds: members,
        chairOrgId: jscc,
        secretaryOrgId: mps,
        ...GREEN,
      },
      author,
    ),
    'working group',
  );
  const cpecMeeting = unwrap(
    await createMeeting(
      deps,
      {
        workingGroupId: cpecGroup,
        date: '2025-01-15',
        place: 'Islamabad',
        participantOrgIds: [jscc, mps],
        agenda: 'Second phase of the corridor.',
        minutes:
          'Public reporting dates this meeting to January 2025; the demo puts it on the 15th.',
        ...GREEN,
      },
      author,
    ),
    'meeting',
  );
  unwrap(
    await createDecision(
      deps,
      {
        meetingId: cpecMeeting,
        text: 'Reaffirm commitment to the second phase: industrialisation, special economic zones, clean energy, agriculture and livelihood projects.',
        ...GREEN,
      },
      author,
    ),
    'decision',
  );
  const ministersMeeting = unwrap(
    await createMeeting(
      deps,
      {
        workingGroupId: ministersGroup,
        date: '2025-02-05',
        place: 'Beijing',
        participantOrgIds: [jscc, mps],
        agenda: 'Security cooperation.',
        minutes: '',
        ...GREEN,
      },
      author,
    ),
    'meeting',
  );
  const decisions: string[] = [];
  for (const text of MINISTERS_DECISIONS) {
    decisions.push(
      unwrap(
        await createDecision(deps, { meetingId: ministersMeeting, text, ...GREEN }, author),
        'decision',
      ),
    );
  }
  const today = deps.clock.now().getTime();
  for (const item of ITEMS) {
    const dueDate = new Date(today + item.dueInDays * DAY_MS).toISOString().slice(0, 10);
    unwrap(
      await createActionItem(
        deps,
        {
          decisionId: decisions[item.decision] ?? '',
          title: item.title,
          ownerOrgId: orgIdOf(item.owner),
          dueDate,
          status: item.status,
          ...GREEN,
        },
        author,
      ),
      'action item',
    );
  }
  await writeSetting(deps.db, LOADED_SETTING, new Date().toISOString());
  return ITEMS.length;
}

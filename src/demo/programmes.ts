/**
 * The demo's cooperation programmes, one for each of four decisions of the
 * interior ministers' meeting (facts.json): police equipment delivery, a
 * National Police Academy course, a Beijing–Islamabad police exchange and
 * Khunjerab border procedures. Equipment, numbers and units are invented
 * for the demo and say so. Dates are relative to today, as in
 * coordination.ts, so milestones stay on time or overdue whenever the demo
 * is loaded. Needs the demo coordination (the decisions) loaded first.
 */
import type { CurrentUser } from '../modules/identity/identity.types.js';
import { readSetting, writeSetting } from '../modules/identity/settings.repository.js';
import { parseBody } from '../modules/intel/intel.records.js';
import type { CoordinationDeps } from '../modules/coordination/coordination.records.js';
import { listDecisionsFor } from '../modules/coordination/meetings.service.js';
import type { ProgrammeInput } from '../modules/coordination/programmes.schema.js';
import { createProgramme } from '../modules/coordination/programmes.service.js';

const LOADED_SETTING = 'demo_programmes_loaded';
const DAY_MS = 86_400_000;
const DEMO_NOTE = 'Demo scenario: the equipment, numbers and dates are invented.';

/** The decisions of the ministers' meeting that start a programme (texts as in facts.json). */
const DECISIONS = {
  border: 'Cooperate to further secure the border.',
  equipment:
    'Use modern technology for police and paramilitary forces; acquire modern equipment and technology for the police.',
  academy: 'Cooperation with the National Police Academy.',
  exchange: 'Increase cooperation between Beijing Police and Islamabad Police.',
} as const;

type DemoProgramme = Omit<ProgrammeInput, 'decisionId'> & { decision: keyof typeof DECISIONS };

/** The four programmes; `day(n)` is n days from today, `org(key)` an organisation of the scenario. */
function demoProgrammes(day: (n: number) => string, org: (key: string) => string): DemoProgramme[] {
  const released = (...keys: string[]) => keys.map(org);
  return [
    {
      decision: 'equipment',
      title: 'Police equipment delivery',
      kind: 'equipment_transfer',
      status: 'in_progress',
      leadOrgId: org('cn-mps-liaison'),
      partnerOrgIds: released('pk-moi-jscc', 'pk-isb-police'),
      summary: `Radios, patrol vehicles and screening equipment for the Islamabad Police, in two tranches.\n\n${DEMO_NOTE}`,
      startDate: day(-120),
      endDate: day(90),
      milestones: [
        {
          title: 'Equipment list and specifications agreed',
          dueDate: day(-100),
          doneOn: day(-104),
        },
        { title: 'First tranche delivered: radios', dueDate: day(-20) },
        { title: 'Second tranche delivered: vehicles and scanners', dueDate: day(60) },
        { title: 'Operators trained on the scanners', dueDate: day(80) },
      ],
      details: {
        kind: 'equipment_transfer',
        receivingUnit: 'Islamabad Police, Safe City and patrol units',
        items: [
          { name: 'Handheld digital radio', quantity: 200, unit: 'sets' },
          { name: 'Vehicle-mounted radio', quantity: 40, unit: 'sets' },
          { name: 'Patrol vehicle (4x4)', quantity: 12, unit: 'vehicles' },
          { name: 'X-ray baggage scanner', quantity: 4, unit: 'units' },
          { name: 'Walk-through metal detector', quantity: 10, unit: 'units' },
        ],
      },
      marking: 'TLP:GREEN',
      releasableTo: [],
    },
    {
      decision: 'academy',
      title: 'National Police Academy course on protective security',
      kind: 'training',
      status: 'in_progress',
      leadOrgId: org('pk-npa'),
      partnerOrgIds: released('cn-mps-liaison'),
      summary: `Two intakes of a course on protecting foreign project staff and convoys.\n\n${DEMO_NOTE}`,
      startDate: day(-150),
      endDate: day(75),
      milestones: [
        {
          title: 'Curriculum agreed with the partner ministry',
          dueDate: day(-120),
          doneOn: day(-122),
        },
        { title: 'First intake completed', dueDate: day(-76), doneOn: day(-76) },
        { title: 'Instructors for the second intake confirmed', dueDate: day(-10) },
        { title: 'Second intake begins', dueDate: day(60) },
      ],
      details: {
        kind: 'training',
        courses: [
          {
            title: 'Protective security for foreign project staff (first intake)',
            startDate: day(-90),
            endDate: day(-76),
            participants: [
              { orgId: org('pk-kp-police'), count: 12 },
              { orgId: org('pk-sindh-police'), count: 10 },
              { orgId: org('pk-isb-police'), count: 8 },
            ],
            completed: 29,
          },
          {
            title: 'Convoy security and route risk assessment (second intake)',
            startDate: day(60),
            endDate: day(74),
            participants: [
              { orgId: org('pk-ssd'), count: 15 },
              { orgId: org('pk-fc-kp'), count: 10 },
            ],
            completed: 0,
          },
        ],
      },
      marking: 'TLP:AMBER',
      releasableTo: released(
        'pk-npa',
        'cn-mps-liaison',
        'pk-kp-police',
        'pk-sindh-police',
        'pk-isb-police',
        'pk-ssd',
        'pk-fc-kp',
      ),
    },
    {
      decision: 'exchange',
      title: 'Beijing–Islamabad police exchange',
      kind: 'exchange',
      status: 'in_progress',
      leadOrgId: org('pk-isb-police'),
      partnerOrgIds: released('cn-beijing-police'),
      summary: `Study visits both ways and a liaison officer posted in Islamabad.\n\n${DEMO_NOTE}`,
      startDate: day(-60),
      endDate: day(365),
      milestones: [
        { title: 'Memorandum on the exchange signed', dueDate: day(-50), doneOn: day(-52) },
        {
          title: 'Beijing Police delegation visits Islamabad',
          dueDate: day(-40),
          doneOn: day(-40),
        },
        { title: 'Islamabad Police delegation visits Beijing', dueDate: day(-5) },
        { title: 'Liaison officer posted in Islamabad', dueDate: day(45) },
      ],
      details: {
        kind: 'exchange',
        visits: [
          {
            fromOrgId: org('cn-beijing-police'),
            toOrgId: org('pk-isb-police'),
            startDate: day(-45),
            endDate: day(-40),
            purpose: 'Study visit: Safe City command and control',
          },
          {
            fromOrgId: org('pk-isb-police'),
            toOrgId: org('cn-beijing-police'),
            startDate: day(-5),
            endDate: day(2),
            purpose: 'Study visit: community policing and security of large events',
          },
        ],
        postings: [
          {
            orgId: org('cn-beijing-police'),
            hostOrgId: org('pk-isb-police'),
            startDate: day(45),
            role: 'Liaison officer at the Islamabad Police headquarters',
          },
        ],
      },
      marking: 'TLP:AMBER',
      releasableTo: released('pk-isb-police', 'cn-beijing-police', 'cn-mps-liaison'),
    },
    {
      decision: 'border',
      title: 'Khunjerab border procedures',
      kind: 'border_cooperation',
      status: 'in_progress',
      leadOrgId: org('pk-fc-kp'),
      partnerOrgIds: released('cn-mps-liaison', 'pk-moi-jscc'),
      summary: `Joint procedures and patrols at the Khunjerab crossing.\n\n${DEMO_NOTE}`,
      startDate: day(-75),
      milestones: [
        { title: 'Draft procedures exchanged', dueDate: day(-45), doneOn: day(-47) },
        { title: 'First joint patrol', dueDate: day(-30), doneOn: day(-30) },
        { title: 'Procedures agreed at working level', dueDate: day(30) },
      ],
      details: {
        kind: 'border_cooperation',
        crossings: ['Khunjerab Pass (Sost–Tashkurgan)'],
        jointPatrols: [
          { date: day(-30), area: 'Sost to the Khunjerab Pass' },
          { date: day(-9), area: 'Approach road to the Khunjerab Pass' },
        ],
        procedures: [
          { title: 'Advance notice of convoys carrying foreign staff', agreedOn: day(-35) },
          { title: 'Joint incident reporting at the crossing' },
          { title: 'Closing and reopening the pass in bad weather' },
        ],
      },
      marking: 'TLP:AMBER+STRICT',
      releasableTo: released('pk-fc-kp', 'cn-mps-liaison'),
    },
  ];
}

/** The ids of the decisions above, found by their text among those `reader` may read. */
async function decisionIds(deps: CoordinationDeps, reader: CurrentUser) {
  const byText = new Map<string, string>();
  let after: string | undefined;
  do {
    const page = await listDecisionsFor(deps, reader, {}, { limit: 200, after });
    for (const row of page.rows) byText.set(String(parseBody(row.record.body).text), row.id);
    after = page.nextKey?.[0];
  } while (after !== undefined);
  return (key: keyof typeof DECISIONS) => {
    const id = byText.get(DECISIONS[key]);
    if (!id) throw new Error(`demo programmes: the decision "${DECISIONS[key]}" is missing`);
    return id;
  };
}

/** Loads the demo programmes unless this database already has them; returns how many were written. */
export async function seedDemoProgrammes(
  deps: CoordinationDeps,
  author: CurrentUser,
  orgIdOf: (key: string) => string,
): Promise<number> {
  if ((await readSetting(deps.db, LOADED_SETTING)) !== undefined) return 0;
  const decisionOf = await decisionIds(deps, author);
  const today = deps.clock.now().getTime();
  const day = (n: number) => new Date(today + n * DAY_MS).toISOString().slice(0, 10);
  const programmes = demoProgrammes(day, orgIdOf);
  for (const { decision, ...programme } of programmes) {
    const created = await createProgramme(
      deps,
      { ...programme, decisionId: decisionOf(decision) },
      author,
    );
    if (!created.ok) {
      throw new Error(
        `demo programme ${programme.title}: ${created.error} ${created.detail ?? ''}`,
      );
    }
  }
  await writeSetting(deps.db, LOADED_SETTING, new Date().toISOString());
  return programmes.length;
}

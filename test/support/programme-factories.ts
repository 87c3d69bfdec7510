/** Test factories for cooperation programmes, with overrides: buildProgrammeInput(d, org, { status: 'completed' }). */
import type {
  ProgrammeDetails,
  ProgrammeInput,
} from '../../src/modules/coordination/programmes.schema.js';

/** An equipment transfer led by `leadOrgId`, one milestone done on time and one still to do. */
export function buildProgrammeInput(
  decisionId: string,
  leadOrgId: string,
  overrides: Partial<ProgrammeInput> = {},
): ProgrammeInput {
  return {
    decisionId,
    title: 'Police equipment delivery',
    kind: 'equipment_transfer',
    status: 'in_progress',
    leadOrgId,
    partnerOrgIds: [],
    summary: 'Radios and scanners for the **patrol units**.',
    startDate: '2026-09-01',
    milestones: [
      { title: 'Contract signed', dueDate: '2026-09-15', doneOn: '2026-09-14' },
      { title: 'Radios delivered', dueDate: '2027-01-15' },
    ],
    details: {
      kind: 'equipment_transfer',
      receivingUnit: 'Islamabad Police, patrol units',
      items: [{ name: 'Handheld radio', quantity: 50, unit: 'sets' }],
    },
    marking: 'TLP:GREEN',
    releasableTo: [],
    ...overrides,
  };
}

/** Details of each other kind, naming the given organisations. */
export function buildProgrammeDetails(
  kind: Exclude<ProgrammeDetails['kind'], 'equipment_transfer'>,
  orgA: string,
  orgB: string,
): ProgrammeDetails {
  switch (kind) {
    case 'training':
      return {
        kind,
        courses: [
          {
            title: 'Protective security course',
            startDate: '2026-10-01',
            endDate: '2026-10-14',
            participants: [
              { orgId: orgA, count: 10 },
              { orgId: orgB, count: 5 },
            ],
            completed: 14,
          },
        ],
      };
    case 'exchange':
      return {
        kind,
        visits: [
          {
            fromOrgId: orgA,
            toOrgId: orgB,
            startDate: '2026-10-01',
            endDate: '2026-10-07',
            purpose: 'Study visit',
          },
        ],
        postings: [
          { orgId: orgB, hostOrgId: orgA, startDate: '2026-12-01', role: 'Liaison officer' },
        ],
      };
    case 'border_cooperation':
      return {
        kind,
        crossings: ['Khunjerab Pass'],
        jointPatrols: [{ date: '2026-10-10', area: 'Sost to the pass' }],
        procedures: [{ title: 'Convoy notification', agreedOn: '2026-10-01' }],
      };
  }
}

/** Test factories with overrides: buildIncidentInput({ marking: 'TLP:RED' }). */
import type { IncidentInput } from '../../src/modules/incidents/incidents.schema.js';

export function buildIncidentInput(overrides: Partial<IncidentInput> = {}): IncidentInput {
  return {
    eventDate: '2024-03-26',
    timePrecision: 1,
    eventType: 'Explosions/Remote violence',
    subEventType: 'Suicide bomb',
    actor1: { name: 'Unidentified armed group', inter: 2 },
    place: { name: 'Besham', country: 'PK', lat: 34.92, lon: 72.87, geoPrecision: 2 },
    fatalities: {
      total: 6,
      byNationality: [
        { country: 'CN', count: 5 },
        { country: 'PK', count: 1 },
      ],
    },
    injured: { total: 0, byNationality: [] },
    narrative: 'Vehicle-borne suicide attack on a convoy of engineers near Besham.',
    language: 'en',
    sources: [{ name: 'Press reports' }],
    marking: 'TLP:GREEN',
    releasableTo: [],
    ...overrides,
  };
}

// ---------------------------------------------------------------- intelligence
import type {
  CorroborationInput,
  ThreatActorInput,
  ThreatReportInput,
} from '../../src/modules/intel/intel.schema.js';

export function buildThreatActorInput(overrides: Partial<ThreatActorInput> = {}): ThreatActorInput {
  return {
    name: 'Tehrik-e-Example',
    aliases: ['TeX'],
    description: 'A militant group named in public reporting on attacks on convoys.',
    sophistication: 'intermediate',
    primaryMotivation: 'ideology',
    marking: 'TLP:GREEN',
    releasableTo: [],
    ...overrides,
  };
}

export function buildThreatReportInput(
  overrides: Partial<ThreatReportInput> = {},
): ThreatReportInput {
  return {
    title: 'Threat to engineer convoys on the Karakoram Highway',
    narrative: 'Reporting indicates **planning** of an attack on convoys near Besham.',
    language: 'en',
    area: { kind: 'circle', lat: 34.92, lon: 72.87, radiusKm: 25 },
    validFrom: '2026-12-01T00:00:00.000Z',
    validUntil: '2026-12-31T23:59:59.999Z',
    targetType: 'route',
    modusOperandi: { description: 'Vehicle-borne IED', acledSubEventType: 'Suicide bomb' },
    threatActorIds: [],
    sourceReliability: 'B',
    informationCredibility: 2,
    marking: 'TLP:GREEN',
    releasableTo: [],
    ...overrides,
  };
}

export function buildCorroborationInput(
  subjectId: string,
  overrides: Partial<CorroborationInput> = {},
): CorroborationInput {
  return {
    subjectId,
    kind: 'confirm',
    text: 'Our liaison office has seen the same reporting.',
    marking: 'TLP:GREEN',
    releasableTo: [],
    ...overrides,
  };
}

// ---------------------------------------------------------------- coordination
import type {
  ActionItemInput,
  DecisionInput,
  MeetingInput,
  WorkingGroupInput,
} from '../../src/modules/coordination/coordination.schema.js';

/** A group of the given organisations, chaired by the first and kept by the last. */
export function buildWorkingGroupInput(
  memberOrgIds: string[],
  overrides: Partial<WorkingGroupInput> = {},
): WorkingGroupInput {
  return {
    name: 'Joint working group on border security',
    description: 'Follows up the ministers’ commitments on the Khunjerab crossing.',
    memberOrgIds,
    chairOrgId: memberOrgIds[0] ?? '',
    secretaryOrgId: memberOrgIds.at(-1) ?? '',
    marking: 'TLP:GREEN',
    releasableTo: [],
    ...overrides,
  };
}

export function buildMeetingInput(
  workingGroupId: string,
  participantOrgIds: string[],
  overrides: Partial<MeetingInput> = {},
): MeetingInput {
  return {
    workingGroupId,
    date: '2026-11-20',
    place: 'Islamabad',
    participantOrgIds,
    agenda: '1. Border procedures\n2. Equipment',
    minutes: '## Minutes\n\nThe group agreed on **joint patrols**.',
    marking: 'TLP:GREEN',
    releasableTo: [],
    ...overrides,
  };
}

export function buildDecisionInput(
  meetingId: string,
  overrides: Partial<DecisionInput> = {},
): DecisionInput {
  return {
    meetingId,
    text: 'Agree joint procedures for the Khunjerab crossing.',
    marking: 'TLP:GREEN',
    releasableTo: [],
    ...overrides,
  };
}

export function buildActionItemInput(
  decisionId: string,
  ownerOrgId: string,
  overrides: Partial<ActionItemInput> = {},
): ActionItemInput {
  return {
    decisionId,
    title: 'Draft the joint patrol procedure',
    ownerOrgId,
    dueDate: '2026-12-15',
    status: 'open',
    marking: 'TLP:GREEN',
    releasableTo: [],
    ...overrides,
  };
}

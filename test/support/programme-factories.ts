/**
 * Test factories for cooperation programmes, with overrides:
 * buildProgrammeInput(d, org, { status: 'completed' }); and the HTTP helpers
 * the coordination suites share (coordinationClient).
 */
import { expect } from 'vitest';
import type {
  ProgrammeDetails,
  ProgrammeInput,
} from '../../src/modules/coordination/programmes.schema.js';
import { TEST_ORIGIN, type TestApp } from './app.js';
import { buildDecisionInput, buildMeetingInput, buildWorkingGroupInput } from './factories.js';

/**
 * Writes and reads of coordination records over HTTP, as a signed-in user (by
 * cookie). `app` is asked at each call, so a suite may make the client before
 * its beforeAll starts the app.
 */
export function coordinationClient(app: () => TestApp) {
  const send = (cookie: string, method: 'POST' | 'PUT', url: string, payload: object) =>
    app().app.inject({ method, url, headers: { cookie, origin: TEST_ORIGIN }, payload });
  const get = (cookie: string, url: string) =>
    app().app.inject({ method: 'GET', url, headers: { cookie } });
  async function created(cookie: string, url: string, payload: object) {
    const response = await send(cookie, 'POST', url, payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }
  /** A working group of `members`, a meeting of it and a decision of that meeting. */
  async function chain(cookie: string, members: string[], sharing: object = {}) {
    const group = (
      await created(cookie, '/api/working-groups', buildWorkingGroupInput(members, sharing))
    ).workingGroup.id as string;
    const meeting = (
      await created(cookie, '/api/meetings', buildMeetingInput(group, members, sharing))
    ).meeting.id as string;
    const decision = (await created(cookie, '/api/decisions', buildDecisionInput(meeting, sharing)))
      .decision.id as string;
    return { groupId: group, meetingId: meeting, decisionId: decision };
  }
  return { send, get, created, chain };
}
export type CoordinationClient = ReturnType<typeof coordinationClient>;

type ErrorResponse = { json(): { error: { issues: { path: string; message: string }[] } } };
/** The validation issues of an error answer. */
export const issuesOf = (response: ErrorResponse) => response.json().error.issues;
export const issuePathsOf = (response: ErrorResponse) =>
  issuesOf(response).map((issue) => issue.path);

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

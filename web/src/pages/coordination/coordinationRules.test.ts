import { describe, expect, it } from 'vitest';
import type { Programme, ProgrammeInput } from '../../api/programmes';
import { refusalOf } from './attachmentRules';
import { checkProgrammeDraft } from './programmes/programmeChecks';
import { draftFromProgramme, inputFromProgrammeDraft } from './programmes/programmeDraft';
import { inheritSharing } from './sharingDefaults';
import { searchFromTrackerFilters, trackerFiltersFromSearch } from './trackerFilters';

const ORG = 'identity--00000000-0000-4000-8000-000000000001';
const OTHER = 'identity--00000000-0000-4000-8000-000000000002';
const GROUP = 'working-group--00000000-0000-7000-8000-000000000003';

describe('tracker filters in the address', () => {
  it('reads back what it wrote and drops what it cannot read', () => {
    const filters = {
      ownerOrgId: ORG,
      status: 'blocked' as const,
      dueBefore: '2026-01-31',
      overdue: true,
      workingGroupId: GROUP,
    };
    expect(trackerFiltersFromSearch(searchFromTrackerFilters(filters))).toEqual(filters);
    expect(
      trackerFiltersFromSearch('?status=late&ownerOrgId=x&dueBefore=soon&overdue=yes'),
    ).toEqual({
      ownerOrgId: undefined,
      status: undefined,
      dueBefore: undefined,
      overdue: undefined,
      workingGroupId: undefined,
    });
  });
});

describe('attachments checked before sending', () => {
  const file = (name: string, type: string, size = 100) => ({ name, type, size });
  it('accepts PDF and images whose name and type agree', () => {
    expect(refusalOf(file('minutes.PDF', 'application/pdf'))).toBeUndefined();
    expect(refusalOf(file('photo.jpeg', 'image/jpeg'))).toBeUndefined();
  });
  it('refuses other types, disagreeing names, empty and oversized files', () => {
    expect(refusalOf(file('drawing.svg', 'image/svg+xml'))).toBe('type');
    expect(refusalOf(file('page.html', 'text/html'))).toBe('type');
    expect(refusalOf(file('photo.png', 'application/pdf'))).toBe('type');
    expect(refusalOf(file('empty.pdf', 'application/pdf', 0))).toBe('empty');
    expect(refusalOf(file('big.pdf', 'application/pdf', 10 * 1024 * 1024 + 1))).toBe('tooLarge');
  });
});

describe('the sharing a child record starts from', () => {
  const parent = (marking: string, createdBy: string, releasableTo?: string[]) => ({
    marking,
    createdBy,
    createdByUser: null,
    created: '',
    modified: '',
    ...(releasableTo ? { releasableTo } : {}),
  });
  it('releases an AMBER child of a partner’s record back to that partner', () => {
    expect(inheritSharing(parent('TLP:AMBER', OTHER), ORG)).toEqual({
      marking: 'TLP:AMBER',
      releasableTo: [OTHER],
    });
  });
  it('keeps the marking and release list of the writer’s own record', () => {
    expect(inheritSharing(parent('TLP:AMBER+STRICT', ORG, [OTHER]), ORG)).toEqual({
      marking: 'TLP:AMBER+STRICT',
      releasableTo: [OTHER],
    });
    expect(inheritSharing(parent('TLP:GREEN', OTHER), ORG)).toEqual({
      marking: 'TLP:GREEN',
      releasableTo: [],
    });
  });
});

describe('the programme form', () => {
  const input: ProgrammeInput = {
    decisionId: 'decision--1',
    title: 'Police exchange',
    kind: 'exchange',
    status: 'in_progress',
    leadOrgId: ORG,
    partnerOrgIds: [OTHER],
    summary: 'Visits *and* postings.',
    startDate: '2026-01-01',
    milestones: [
      { title: 'First visit', dueDate: '2026-02-01', doneOn: '2026-02-03' },
      { title: 'Posting', dueDate: '2026-05-01' },
    ],
    details: {
      kind: 'exchange',
      visits: [
        {
          fromOrgId: ORG,
          toOrgId: OTHER,
          startDate: '2026-02-01',
          endDate: '2026-02-05',
          purpose: 'Study visit',
        },
      ],
      postings: [
        { orgId: OTHER, hostOrgId: ORG, startDate: '2026-03-01', role: 'Liaison officer' },
      ],
    },
    marking: 'TLP:AMBER',
    releasableTo: [OTHER],
  };
  const stored: Programme = {
    ...input,
    id: 'programme--1',
    type: 'programme',
    workingGroupId: GROUP,
    meetingId: 'meeting--1',
    createdBy: ORG,
    createdByUser: null,
    created: '',
    modified: '',
    overdueMilestones: 0,
    nextMilestone: null,
  };

  it('sends back what it was given when nothing is changed', () => {
    const draft = draftFromProgramme(stored);
    expect(checkProgrammeDraft(draft)).toEqual({});
    expect(inputFromProgrammeDraft(draft)).toEqual(input);
  });

  it('finds problems at the paths the server would name', () => {
    const draft = draftFromProgramme(stored);
    const training = {
      ...draft,
      kind: 'training' as const,
      details: {
        ...draft.details,
        training: {
          courses: [
            {
              title: 'Course',
              startDate: '2026-03-10',
              endDate: '2026-03-01',
              participants: [{ orgId: OTHER, count: '4' }],
              completed: '5',
            },
          ],
        },
      },
    };
    expect(checkProgrammeDraft(training)).toEqual({
      'details.courses.0.endDate': 'order',
      'details.courses.0.completed': 'moreThanParticipants',
    });
    const equipment = { ...draft, kind: 'equipment_transfer' as const, endDate: '2025-12-31' };
    equipment.details = {
      ...draft.details,
      equipment_transfer: {
        receivingUnit: '',
        items: [{ name: 'Radio', quantity: '0', unit: 'sets' }],
      },
    };
    expect(checkProgrammeDraft(equipment)).toEqual({
      endDate: 'order',
      'details.receivingUnit': 'required',
      'details.items.0.quantity': 'positiveWhole',
    });
  });
});

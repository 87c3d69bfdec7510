/** The threat actor form's state, and the API's ThreatActorInput made from it. */
import {
  MOTIVATION,
  SOPHISTICATION,
  type Motivation,
  type Sophistication,
  type ThreatActor,
  type ThreatActorInput,
} from '../../api/intel';
import { releaseListFor } from '../../components/sharing/sharingRules';
import type { TlpMarking } from '../../lib/tlp';
import { dateFromIso, isoFromDate } from './dates';

export interface ActorDraft {
  name: string;
  /** One alias per line. */
  aliases: string;
  description: string;
  sophistication: Sophistication | '';
  primaryMotivation: Motivation | '';
  firstSeen: string;
  lastSeen: string;
  marking: TlpMarking;
  releasableTo: string[];
}

export function isSophistication(value: string): value is Sophistication {
  return (SOPHISTICATION as readonly string[]).includes(value);
}

export function isMotivation(value: string): value is Motivation {
  return (MOTIVATION as readonly string[]).includes(value);
}

export const EMPTY_ACTOR: ActorDraft = {
  name: '',
  aliases: '',
  description: '',
  sophistication: '',
  primaryMotivation: '',
  firstSeen: '',
  lastSeen: '',
  // Descriptions of groups come from public reporting: shared with the community by default.
  marking: 'TLP:GREEN',
  releasableTo: [],
};

export function draftFromActor(actor: ThreatActor): ActorDraft {
  return {
    name: actor.name,
    aliases: actor.aliases.join('\n'),
    description: actor.description,
    sophistication: actor.sophistication ?? '',
    primaryMotivation: actor.primaryMotivation ?? '',
    firstSeen: dateFromIso(actor.firstSeen),
    lastSeen: dateFromIso(actor.lastSeen),
    marking: actor.marking as TlpMarking,
    releasableTo: actor.releasableTo ?? [],
  };
}

export function checkActorDraft(draft: ActorDraft): Record<string, 'required' | 'order'> {
  const errors: Record<string, 'required' | 'order'> = {};
  if (!draft.name.trim()) errors.name = 'required';
  if (draft.firstSeen && draft.lastSeen && draft.lastSeen < draft.firstSeen)
    errors.lastSeen = 'order';
  return errors;
}

export function inputFromActorDraft(draft: ActorDraft): ThreatActorInput {
  const firstSeen = isoFromDate(draft.firstSeen);
  const lastSeen = isoFromDate(draft.lastSeen);
  return {
    name: draft.name.trim(),
    aliases: [
      ...new Set(
        draft.aliases
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      ),
    ],
    description: draft.description.trim(),
    ...(draft.sophistication ? { sophistication: draft.sophistication } : {}),
    ...(draft.primaryMotivation ? { primaryMotivation: draft.primaryMotivation } : {}),
    ...(firstSeen ? { firstSeen } : {}),
    ...(lastSeen ? { lastSeen } : {}),
    marking: draft.marking,
    releasableTo: releaseListFor(draft.marking, draft.releasableTo),
  };
}

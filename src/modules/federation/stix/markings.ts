/**
 * TLP 2.0 as STIX 2.1 marking definitions: the five objects FIRST's TLP 2.0
 * is published as by OASIS (cti-stix-common-objects, extension-definition
 * --60a3c5c5-…, objects dated 2022-10-01), and the mapping between a
 * record's marking and `object_marking_refs`. The ids are fixed by that
 * publication and must never be generated or changed here: a peer or tool
 * that does not recognise the id cannot honour the marking.
 *
 * Reading fails closed: no marking, an unknown one, or two TLP levels at
 * once are refused, never guessed.
 */
import { TLP_MARKINGS, type TlpMarking } from '../../../core/policy/types.js';
import { fail, ok, type Result } from '../../../core/result.js';
import type { StixObject } from './stix.types.js';

/** OASIS's extension-definition through which each TLP 2.0 marking declares its level. */
export const TLP_2_EXTENSION_DEFINITION =
  'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

/** The published marking-definition id of each TLP 2.0 level. */
export const TLP_MARKING_DEFINITION_IDS: Readonly<Record<TlpMarking, string>> = {
  'TLP:CLEAR': 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  'TLP:GREEN': 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  'TLP:AMBER': 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'TLP:AMBER+STRICT': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  'TLP:RED': 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

const TLP_BY_DEFINITION_ID: ReadonlyMap<string, TlpMarking> = new Map(
  TLP_MARKINGS.map((marking) => [TLP_MARKING_DEFINITION_IDS[marking], marking]),
);

/** The marking-definition objects themselves, exactly as published, for bundles that must carry them. */
export const TLP_MARKING_DEFINITIONS: readonly StixObject[] = TLP_MARKINGS.map((marking) => ({
  type: 'marking-definition',
  spec_version: '2.1',
  id: TLP_MARKING_DEFINITION_IDS[marking],
  created: '2022-10-01T00:00:00.000Z',
  name: marking,
  extensions: {
    [TLP_2_EXTENSION_DEFINITION]: {
      extension_type: 'property-extension',
      tlp_2_0: marking.slice('TLP:'.length).toLowerCase(),
    },
  },
}));

/** `object_marking_refs` for a record's marking; undefined for a marking that is not TLP 2.0. */
export function markingRefsOf(marking: string): string[] | undefined {
  const id = (TLP_MARKING_DEFINITION_IDS as Record<string, string | undefined>)[marking];
  return id === undefined ? undefined : [id];
}

/**
 * The TLP level an object is marked with. Markings other than TLP (a
 * statement, say) are not understood here, so they are refused rather than
 * dropped: dropping one would pass on an object with less protection than
 * its originator gave it.
 */
export function markingOf(refs: unknown): Result<TlpMarking, string> {
  if (refs === undefined) return fail('no object_marking_refs');
  if (!Array.isArray(refs) || refs.length === 0) return fail('object_marking_refs is not a list');
  const levels = new Set<TlpMarking>();
  for (const ref of refs) {
    const level = typeof ref === 'string' ? TLP_BY_DEFINITION_ID.get(ref) : undefined;
    if (level === undefined) return fail(`unknown marking ${String(ref).slice(0, 80)}`);
    levels.add(level);
  }
  const [only, ...more] = levels;
  if (only === undefined || more.length > 0) return fail('more than one TLP marking');
  return ok(only);
}

/**
 * Record body fields as STIX properties and back. STIX property names are
 * lowercase a–z, 0–9 and `_`, 3 to 250 characters; Tandem bodies use
 * camelCase. The conversion is reversible for every camelCase key:
 *
 *   camelCase → snake_case             eventDate      ↔ event_date
 *   …Id / …Ids → …_ref / …_refs        threatActorIds ↔ threat_actor_refs
 *   (their values become STIX ids:    site--…        ↔ x-tandem-site--…)
 *   shorter than 3 → padded with `_`   at             ↔ at_
 *
 * It applies at every depth, so nested objects follow STIX naming too. At
 * the top level of an object or extension, empty lists are left out (STIX
 * forbids them); the module schemas' defaults restore them on the way back.
 *
 * Pure; decides nothing about which fields may leave.
 */
import { stixIdOf, tandemIdOf } from './stix-ids.js';

const MIN_NAME_LENGTH = 3;

/**
 * Names convert once per process: every object of a catch-up repeats the
 * same few dozen, and the regular expressions cost more than the rest of the
 * mapping. A peer may send any names, so each cache stops growing at a bound.
 */
const MAX_CACHED_NAMES = 4_096;

function memoised(convert: (name: string) => string): (name: string) => string {
  const cache = new Map<string, string>();
  return (name) => {
    let converted = cache.get(name);
    if (converted === undefined) {
      converted = convert(name);
      if (cache.size < MAX_CACHED_NAMES) cache.set(name, converted);
    }
    return converted;
  };
}

/** The STIX property name of a body key. */
export const stixNameOf = memoised((key) => {
  let base = key;
  let suffix = '';
  if (/[a-z0-9]Ids$/.test(key)) {
    base = key.slice(0, -3);
    suffix = '_refs';
  } else if (/[a-z0-9]Id$/.test(key)) {
    base = key.slice(0, -2);
    suffix = '_ref';
  }
  const snake = base.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`) + suffix;
  return snake.padEnd(MIN_NAME_LENGTH, '_');
});

/** The body key of a STIX property name (the inverse of stixNameOf). */
export const bodyKeyOf = memoised((name) => {
  const unpadded = name.replace(/_+$/, '');
  let base = unpadded;
  let suffix = '';
  if (unpadded.endsWith('_refs')) {
    base = unpadded.slice(0, -5);
    suffix = 'Ids';
  } else if (unpadded.endsWith('_ref')) {
    base = unpadded.slice(0, -4);
    suffix = 'Id';
  }
  return base.replace(/_([a-z0-9])/g, (_match, next: string) => next.toUpperCase()) + suffix;
});

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

type IdMapping = (id: string) => string;

function convertIds(value: unknown, name: string, mapId: IdMapping): unknown {
  if (name.endsWith('_refs') && Array.isArray(value)) {
    return (value as unknown[]).map((id) => (typeof id === 'string' ? mapId(id) : id));
  }
  if (name.endsWith('_ref') && typeof value === 'string') return mapId(value);
  return value;
}

function toStixValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toStixValue);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, inner]) => inner !== undefined)
      .map(([key, inner]) => {
        const name = stixNameOf(key);
        return [name, convertIds(toStixValue(inner), name, (id) => stixIdOf(id))];
      }),
  );
}

function fromStixValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromStixValue);
  if (!isPlainObject(value)) return value;
  // Object.fromEntries defines own properties, so a `__proto__` key from a peer stays a plain key.
  return Object.fromEntries(
    Object.entries(value).map(([name, inner]) => [
      bodyKeyOf(name),
      fromStixValue(convertIds(inner, name.replace(/_+$/, ''), tandemIdOf)),
    ]),
  );
}

/** Body fields as top-level STIX properties (of an object or an extension). */
export function toStixProperties(fields: Record<string, unknown>): Record<string, unknown> {
  const converted = toStixValue(fields) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(converted).filter(([, value]) => !(Array.isArray(value) && value.length === 0)),
  );
}

/** Top-level STIX properties as body fields (values unchecked: the module schema checks them). */
export function fromStixProperties(properties: Record<string, unknown>): Record<string, unknown> {
  return fromStixValue(properties) as Record<string, unknown>;
}

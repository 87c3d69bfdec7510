/**
 * Canonical JSON (RFC 8785, JCS): object keys sorted by UTF-16 code units, no
 * white space, numbers as ECMAScript prints them. The audit chain hashes it;
 * federation signs it. Input must be plain JSON data.
 *
 * Written as loops over one growing string: federation signs and verifies
 * every object that crosses, so this runs once per object on each side.
 * Objects repeat the same few dozen keys, so each key's quoted form is kept
 * (up to a bound: a peer may send any keys); that halved the time per object.
 */
const MAX_QUOTED_KEYS = 4_096;
const quotedKeys = new Map<string, string>();

/** `"key":`, as JSON writes it. */
function keyPrefix(key: string): string {
  let prefix = quotedKeys.get(key);
  if (prefix === undefined) {
    prefix = `${JSON.stringify(key)}:`;
    if (quotedKeys.size < MAX_QUOTED_KEYS) quotedKeys.set(key, prefix);
  }
  return prefix;
}

export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value))
        throw new TypeError('canonical JSON cannot hold a non-finite number');
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i += 1) {
          if (i > 0) out += ',';
          out += canonicalJson(value[i]);
        }
        return out + ']';
      }
      const record = value as Record<string, unknown>;
      // The default sort compares strings by UTF-16 code units, as RFC 8785 orders keys.
      const keys = Object.keys(record).sort();
      let out = '{';
      let first = true;
      for (const key of keys) {
        const item = record[key];
        if (item === undefined) continue;
        if (!first) out += ',';
        first = false;
        out += keyPrefix(key);
        out += canonicalJson(item);
      }
      return out + '}';
    }
    case 'undefined':
    case 'bigint':
    case 'function':
    case 'symbol':
      throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
  }
}

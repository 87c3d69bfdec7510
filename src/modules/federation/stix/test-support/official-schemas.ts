/**
 * The official STIX 2.1 JSON schemas (OASIS cti-stix2-json-schemas), loaded
 * into Ajv once, each registered under its `$id` so that their relative
 * references resolve. They live outside the repository: where to find them
 * is decided here only (TANDEM_STIX_SCHEMAS, or the shared checkout). When
 * they are missing, the suite is skipped with the reason, except with
 * CI=true, where it fails: "validated" must never silently mean "not run".
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sharedStixDir } from '../../../../../test/support/shared-stix.js';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, it } from 'vitest';
import type { StixObject } from '../stix.types.js';

export const STIX_SCHEMA_DIR = process.env.TANDEM_STIX_SCHEMAS ?? join(sharedStixDir(), 'schemas');

export interface OfficialSchemas {
  /** Every error of the object against the schema of its type (core.json for types STIX does not define). */
  errorsOf(object: StixObject): ErrorObject[];
  /** Which schema file judged objects of this type. */
  schemaFileFor(type: string): string;
}

function schemaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? schemaFiles(join(dir, entry.name))
      : entry.name.endsWith('.json')
        ? [join(dir, entry.name)]
        : [],
  );
}

function loadOfficialSchemas(dir: string): OfficialSchemas {
  // verbose: errors carry the data they are about (the tests look at the refused ids).
  // unicodeRegExp off: the schemas' patterns are ECMA-262 without the u flag (`\-` in core.json).
  const ajv = new Ajv2020.default({
    allErrors: true,
    strict: false,
    verbose: true,
    unicodeRegExp: false,
  });
  addFormats.default(ajv);
  const idByFile = new Map<string, string>();
  for (const file of schemaFiles(dir)) {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as { $id?: string };
    if (schema.$id === undefined) continue;
    ajv.addSchema(schema);
    idByFile.set(relative(dir, file), schema.$id);
  }
  const validators = new Map<string, ValidateFunction>();
  const schemaFileFor = (type: string): string => {
    for (const file of [`sdos/${type}.json`, `sros/${type}.json`, `common/${type}.json`]) {
      if (idByFile.has(file)) return file;
    }
    return 'common/core.json';
  };
  const validatorFor = (file: string): ValidateFunction => {
    const known = validators.get(file);
    if (known) return known;
    const id = idByFile.get(file);
    const validate = id === undefined ? undefined : ajv.getSchema(id);
    if (!validate) throw new Error(`no official schema ${file} in ${dir}`);
    validators.set(file, validate);
    return validate;
  };
  return {
    schemaFileFor,
    errorsOf(object) {
      const validate = validatorFor(schemaFileFor(object.type));
      return validate(object) ? [] : [...(validate.errors ?? [])];
    },
  };
}

/**
 * `suite` with the official schemas; skipped with the reason when they are
 * missing, or failing under CI=true.
 */
export function describeWithOfficialSchemas(
  name: string,
  suite: (schemas: () => OfficialSchemas) => void,
): void {
  if (!existsSync(join(STIX_SCHEMA_DIR, 'common', 'core.json'))) {
    const reason = `the official STIX 2.1 schemas are not at ${STIX_SCHEMA_DIR} (set TANDEM_STIX_SCHEMAS)`;
    if (process.env.CI === 'true') {
      describe(name, () => {
        it('finds the official STIX schemas (required with CI=true)', () => {
          throw new Error(reason);
        });
      });
    } else {
      console.warn(`${name}: skipped, ${reason}`);
      describe.skip(`${name} — skipped: ${reason}`, () => {
        it('validates against the official schemas', () => undefined);
      });
    }
    return;
  }
  let schemas: OfficialSchemas | undefined;
  describe(name, () =>
    suite(() => {
      schemas ??= loadOfficialSchemas(STIX_SCHEMA_DIR);
      return schemas;
    }),
  );
}

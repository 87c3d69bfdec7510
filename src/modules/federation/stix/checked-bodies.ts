/**
 * Bodies a mapper has already put through a module's input schema, kept with
 * what the schema made of them. The receivers (receive/) need the schema's
 * typed output for the very same body; parsing each received incident a
 * second time cost about a tenth of receiving it. An entry is keyed by the
 * body object itself (a WeakMap: nothing outlives the version), and answers
 * only for the same schema and the same sharing fields it was parsed with.
 */
import type { z } from 'zod';

export interface CheckedSharing {
  marking: string;
  releasableTo: readonly string[];
}

interface Checked extends CheckedSharing {
  schema: z.ZodType;
  output: unknown;
}

const checkedBodies = new WeakMap<object, Checked>();

/** Notes that `body` (already stripped of its sharing fields) came from `output`, `schema`'s parse with `sharing`. */
export function rememberChecked(
  body: object,
  schema: z.ZodType,
  sharing: CheckedSharing,
  output: unknown,
): void {
  checkedBodies.set(body, {
    schema,
    marking: sharing.marking,
    releasableTo: sharing.releasableTo,
    output,
  });
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, index) => value === b[index]);

/** What `schema` made of `body` with `sharing`, when a mapper parsed exactly that; otherwise undefined. */
export function checkedOutput<S extends z.ZodType>(
  body: object,
  schema: S,
  sharing: CheckedSharing,
): z.output<S> | undefined {
  const checked = checkedBodies.get(body);
  if (
    checked === undefined ||
    checked.schema !== schema ||
    checked.marking !== sharing.marking ||
    !sameList(checked.releasableTo, sharing.releasableTo)
  ) {
    return undefined;
  }
  return checked.output as z.output<S>;
}

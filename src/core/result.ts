/** Expected outcomes of a domain operation are returned, not thrown. */
export type Result<T, E extends string = string> =
  { ok: true; value: T } | { ok: false; error: E; detail?: string };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <E extends string>(
  error: E,
  detail?: string,
): { ok: false; error: E; detail?: string } =>
  detail === undefined ? { ok: false, error } : { ok: false, error, detail };

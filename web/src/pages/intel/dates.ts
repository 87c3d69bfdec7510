/**
 * Times typed in `<input type="datetime-local">` are the user's local time
 * without a zone; the API wants UTC instants. These convert between the two
 * through the browser's own time zone.
 */

const pad = (value: number) => String(value).padStart(2, '0');

/** `2026-11-28T14:05` in local time for an ISO instant, or '' when there is none. */
export function localInputFromIso(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** The UTC instant of a local `datetime-local` value, or undefined when it is not one. */
export function isoFromLocalInput(text: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The UTC instant at the start of a day typed as `YYYY-MM-DD`. */
export function isoFromDate(text: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const date = new Date(`${text}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The `YYYY-MM-DD` (UTC) of an instant, for a date input. */
export function dateFromIso(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '';
}

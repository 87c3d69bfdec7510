/** Version stamps: a record's `modified` must grow with every version, even within one millisecond. */
export function nextModified(now: Date, previous: string | undefined): string {
  const candidate = now.getTime();
  const floor = previous === undefined ? -Infinity : new Date(previous).getTime() + 1;
  return new Date(Math.max(candidate, floor)).toISOString();
}

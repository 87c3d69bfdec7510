import { useEffect, useRef, useState } from 'react';

/**
 * A stable callback that applies the search words to the filters of the
 * moment it is called (the search calls back after a pause, when the
 * filters may have changed).
 */
export function useApplySearch<F extends { q?: string | undefined }>(
  filters: F,
  onChange: (filters: F) => void,
): (q: string) => void {
  const latest = useRef({ filters, onChange });
  useEffect(() => {
    latest.current = { filters, onChange };
  });
  const [apply] = useState(() => (q: string) => {
    const { filters: current, onChange: change } = latest.current;
    change({ ...current, q: q === '' ? undefined : q });
  });
  return apply;
}

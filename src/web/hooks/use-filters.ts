// A page's filters kept in its address (so a link shows the same list): read them, and change some at once, an empty value
// removing its key.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

export type FilterChanges = Record<string, string | number | null | undefined>;

/** The query with some keys set and others (empty, null or undefined) removed. */
export function withChanges(search: string, changes: FilterChanges): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === null || v === '') next.delete(k);
    else next.set(k, String(v));
  }
  return next;
}

export function useFilters(): { params: URLSearchParams; update(changes: FilterChanges): void } {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    // From the address as it is now, not as this component last rendered it: two controls changing the address in one
    // moment (a region chosen, then the header's month) must not undo each other.
    (changes: FilterChanges) => setParams(() => withChanges(window.location.search, changes)),
    [setParams],
  );
  return { params, update };
}

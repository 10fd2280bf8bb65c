// A page's filters kept in its address (so a link shows the same list): read them, and change some at once, an empty value
// removing its key.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

export function useFilters(): { params: URLSearchParams; update(changes: Record<string, string | undefined>): void } {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (changes: Record<string, string | undefined>) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === undefined || v === '') next.delete(k);
          else next.set(k, v);
        }
        return next;
      }),
    [setParams],
  );
  return { params, update };
}

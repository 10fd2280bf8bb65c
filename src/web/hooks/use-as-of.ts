// The as-of month every page reads: `?asOf=YYYY-MM` in the address (so a link shows the same figures), else the county's current month.
import dayjs from 'dayjs';
import { useCallback } from 'react';
import { isMonth } from '../../domain/months.ts';
import { useFilters } from './use-filters.ts';
import { useSession } from './session.tsx';

export interface AsOf {
  asOf: string;
  setAsOf(month: string): void;
  /** A path carrying the chosen month along, when one was chosen. */
  link(path: string): string;
}

export function useAsOf(): AsOf {
  const { context } = useSession();
  const { params, update } = useFilters();
  const fromUrl = params.get('asOf');
  const chosen = fromUrl && isMonth(fromUrl) ? fromUrl : null;
  // The current month is the server's (the last closed round, or the month the dispatcher pinned): never a month still being reported.
  const asOf = chosen ?? context.currentMonth.month ?? dayjs().format('YYYY-MM');

  const setAsOf = useCallback(
    (month: string) => {
      // Another month is another ledger: start again at its first page.
      update({ asOf: month, page: null });
    },
    [update],
  );

  const link = useCallback((path: string) => (chosen ? `${path}${path.includes('?') ? '&' : '?'}asOf=${chosen}` : path), [chosen]);
  return { asOf, setAsOf, link };
}

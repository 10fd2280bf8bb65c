// The ledger view last looked at (filters, sort, page), so "返回台账" on a project page goes back to it rather than to page one.
const KEY = 'tiaodu.ledger.view';

export function rememberLedgerView(search: string): void {
  try {
    sessionStorage.setItem(KEY, search);
  } catch {
    // Without storage "back" opens the ledger's first page.
  }
}

/** The ledger path with the remembered query, for the month being looked at now; null when none is remembered. */
export function lastLedgerView(asOf: string): string | null {
  let search: string | null = null;
  try {
    search = sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
  if (search === null) return null;
  const params = new URLSearchParams(search);
  params.set('asOf', asOf);
  const q = params.toString();
  return q ? `/projects?${q}` : '/projects';
}

// Region scopes as index-friendly ranges of 6-digit county codes.

/**
 * The inclusive range of county codes inside a region: 140423 → [140423, 140423];
 * 140400 → [140400, 140499]; 140000 → [140000, 149999]. A township code narrows to its county.
 */
export function countyRange(regionCode: string): [string, string] {
  const code = regionCode.slice(0, 6);
  if (code === '000000') return ['000000', '999999'];
  if (code.endsWith('0000')) return [code, `${code.slice(0, 2)}9999`];
  if (code.endsWith('00')) return [code, `${code.slice(0, 4)}99`];
  return [code, code];
}

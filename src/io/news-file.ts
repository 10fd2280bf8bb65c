// Reading investment news from a file or a folder of text files, and the places of the vendored division table the
// news reader may name.

import fs from 'node:fs';
import path from 'node:path';
import { parseNewsItems, type NewsItem, type Place } from '../domain/attraction/news-reader.ts';
import { childDivisions, getDivision } from './divisions.ts';

/** Files above this size are refused: a day's news is kilobytes, not megabytes. */
export const NEWS_MAX_BYTES = 5 * 1024 * 1024;

/** The items of a news file, or of every .txt file of a folder in name order. */
export function readNewsPath(target: string): NewsItem[] {
  const stat = fs.statSync(target);
  const files = stat.isDirectory()
    ? fs.readdirSync(target).filter((f) => /\.(txt|md)$/i.test(f)).sort().map((f) => path.join(target, f))
    : [target];
  const items: NewsItem[] = [];
  for (const file of files) {
    if (fs.statSync(file).size > NEWS_MAX_BYTES) throw new RangeError(`文件过大：${path.basename(file)}（不能超过 5 MB）`);
    items.push(...parseNewsItems(fs.readFileSync(file, 'utf8')));
  }
  return items;
}

/**
 * The places under a division (itself included), from the province down to townships; the whole country when the
 * code is '000000' or missing.
 */
export function placesUnder(code?: string | null): Place[] {
  const out: Place[] = [];
  const walk = (c: string) => {
    const d = getDivision(c);
    if (d) out.push({ code: d.code, name: d.name, level: d.level, parentCode: d.parentCode });
    for (const child of childDivisions(c)) walk(child.code);
  };
  if (code && code !== '000000') walk(code);
  else for (const p of topLevel()) walk(p);
  return out;
}

function topLevel(): string[] {
  // Provinces are the divisions whose code ends in 0000 and that have no parent.
  const codes: string[] = [];
  for (let n = 11; n <= 82; n++) if (getDivision(`${n}0000`)) codes.push(`${n}0000`);
  return codes;
}

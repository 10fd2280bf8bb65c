// The benchmark report as people read it: one markdown table of every figure beside its targets, and a one-line verdict.

import type { ResultRow } from './section.ts';

function figure(value: number | undefined, unit: string): string {
  if (value === undefined || Number.isNaN(value)) return '';
  if (unit === 'ms') return value < 10 ? `${value.toFixed(2)} ms` : value < 100 ? `${value.toFixed(1)} ms` : `${value.toFixed(0)} ms`;
  if (unit === 's') return `${value.toFixed(1)} s`;
  if (unit === 'µs') return `${value.toFixed(2)} µs`;
  if (unit === '×') return `${value.toFixed(2)}×`;
  return `${value.toFixed(0)} ${unit}`;
}

function result(row: ResultRow): string {
  if (row.error) return 'ERROR';
  if (row.targets.length === 0) return '—';
  return row.targets.every((t) => t.pass) ? 'PASS' : `MISS (${row.targets.filter((t) => !t.pass).map((t) => t.text).join(', ')})`;
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function markdownTable(rows: readonly ResultRow[]): string {
  const head = ['database', 'size', 'measurement', 'median', 'p95', 'runs', 'raw SQL', 'ratio', 'target', 'result', 'note'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((h) => (['median', 'p95', 'runs', 'raw SQL', 'ratio'].includes(h) ? '---:' : '---')).join('|')}|`];
  for (const r of rows) {
    lines.push(`| ${[
      r.database,
      r.size,
      r.measurement,
      r.error ? '' : figure(r.value, r.unit),
      figure(r.p95, r.unit),
      r.runs === undefined ? '' : String(r.runs),
      figure(r.rawMs, 'ms'),
      r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`,
      r.targets.map((t) => t.text).join('; '),
      result(r),
      r.error ?? r.note ?? '',
    ].map(cell).join(' | ')} |`);
  }
  return lines.join('\n');
}

export function summaryLine(rows: readonly ResultRow[]): string {
  const judged = rows.filter((r) => r.targets.length > 0 && !r.error);
  const missed = judged.filter((r) => r.targets.some((t) => !t.pass));
  const errors = rows.filter((r) => r.error);
  return `${judged.length - missed.length} of ${judged.length} judged figures meet their targets; ${missed.length} miss; ${errors.length} errors.`;
}

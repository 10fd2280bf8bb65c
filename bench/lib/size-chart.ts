// Cost against size: the pool analysis's three aggregates (a county's, a province's by county, the nation's by province)
// at each size a run has, beside their raw SQL twins, as a markdown table and as a chart (SVG, ECharts' own renderer).
// `tsx bench/lib/size-chart.ts <out.svg> <report.json>…` redraws the chart from saved reports.

import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chartSvg } from '../../src/io/chart-image.ts';
import type { BenchDatabase } from './databases.ts';
import type { ResultRow } from './section.ts';

/** The aggregates charted, found in the pool section's rows by how their measurement reads. */
const AGGREGATES = [
  { name: 'a county (the largest)', pattern: /^county \d{6} .*: poolPhaseFigures$/ },
  { name: 'a province by county (the largest)', pattern: /province \d{6} by county .*: poolPhaseFigures\(…, 'county'\)$/ },
  { name: 'the nation by province', pattern: /^the nation by province .*: poolPhaseFigures\(…, 'province'\)$/ },
] as const;

export interface SizePoint {
  size: string;
  /** Projects generated at that size. */
  projects: number;
  /** Per aggregate, in AGGREGATES' order: the application's median and the raw twin's, or null where not measured. */
  app: (number | null)[];
  raw: (number | null)[];
}

/** The points of one database, smallest size first; empty when the run has fewer than two sizes with pool figures. */
export function costBySize(rows: readonly ResultRow[], database: BenchDatabase): SizePoint[] {
  const own = rows.filter((r) => r.database === database && !r.error);
  const sizes = [...new Set(own.filter((r) => r.section === 'pool').map((r) => r.size))];
  const points = sizes.map((size) => {
    const generated = own.find((r) => r.size === size && r.section === 'generate')?.measurement.match(/^generate ([\d,]+) projects/);
    const found = AGGREGATES.map((a) => own.find((r) => r.size === size && r.section === 'pool' && a.pattern.test(r.measurement)));
    return {
      size,
      projects: generated ? Number(generated[1]!.replace(/,/g, '')) : Number.NaN,
      app: found.map((r) => r?.value ?? null),
      raw: found.map((r) => r?.rawMs ?? null),
    };
  });
  points.sort((a, b) => a.projects - b.projects);
  return points.length >= 2 ? points : [];
}

const ms = (v: number | null) => (v === null ? '' : v < 10 ? `${v.toFixed(2)} ms` : v < 100 ? `${v.toFixed(1)} ms` : `${v.toFixed(0)} ms`);

/** The table: a row per size, a column pair (application, raw SQL) per aggregate. */
export function sizeTable(points: readonly SizePoint[]): string {
  const head = ['size', 'projects', ...AGGREGATES.flatMap((a) => [a.name, 'raw SQL'])];
  const lines = [`| ${head.join(' | ')} |`, `|---|${head.slice(1).map(() => '---:').join('|')}|`];
  for (const p of points) {
    lines.push(`| ${[p.size, p.projects.toLocaleString('en-US'), ...AGGREGATES.flatMap((_, i) => [ms(p.app[i]!), ms(p.raw[i]!)])].join(' | ')} |`);
  }
  return lines.join('\n');
}

const COLOURS = ['#1677ff', '#fa8c16', '#52c41a'];

/** The chart: time (log scale) against size, each aggregate a solid line and its raw twin a dashed one. */
export function sizeChart(points: readonly SizePoint[], title: string): string {
  const series = AGGREGATES.flatMap((a, i) => [
    { name: a.name, type: 'line', data: points.map((p) => p.app[i]), connectNulls: false, symbolSize: 7, lineStyle: { color: COLOURS[i], width: 2 }, itemStyle: { color: COLOURS[i] } },
    { name: `${a.name}, raw SQL`, type: 'line', data: points.map((p) => p.raw[i]), connectNulls: false, symbol: 'emptyCircle', symbolSize: 6, lineStyle: { color: COLOURS[i], type: 'dashed', width: 1.5 }, itemStyle: { color: COLOURS[i] } },
  ]);
  return chartSvg(
    {
      title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
      legend: { bottom: 0, textStyle: { fontSize: 11 } },
      grid: { left: 70, right: 30, top: 50, bottom: 90 },
      xAxis: { type: 'category', data: points.map((p) => `${p.size}\n${p.projects.toLocaleString('en-US')} projects`), axisLabel: { fontSize: 11 } },
      yAxis: { type: 'log', name: 'median, ms (log scale)', nameTextStyle: { fontSize: 11 }, axisLabel: { fontSize: 11 } },
      series,
    },
    760,
    420,
  );
}

// Several reports (one run per size, say) are charted together.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [out, ...reports] = process.argv.slice(2);
  if (!out || reports.length === 0) {
    process.stderr.write('usage: tsx bench/lib/size-chart.ts <out.svg> <report.json> [<report.json> …]\n');
    process.exit(2);
  }
  const rows = reports.flatMap((f) => (JSON.parse(fs.readFileSync(f, 'utf8')) as { rows: ResultRow[] }).rows);
  const database = rows.find((r) => r.section === 'pool')?.database;
  const points = database ? costBySize(rows, database) : [];
  if (points.length === 0) {
    process.stderr.write(`${reports.join(', ')}: pool figures at fewer than two sizes, nothing to chart\n`);
    process.exit(1);
  }
  fs.writeFileSync(out, sizeChart(points, `Pool analysis against size, ${database}`));
  process.stdout.write(`${sizeTable(points)}\n`);
}

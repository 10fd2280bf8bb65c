// The work summary of a county and of a city as `tiaodu summary` writes it (.docx with its three charts drawn on the
// server): the time of the whole command in a child process and its peak memory.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTiaodu } from '../lib/cli-child.ts';
import type { BenchSection, SectionContext } from '../lib/section.ts';
import { BENCH_AS_OF } from './pool-analysis.bench.ts';

async function summaryOf(ctx: SectionContext, region: string, what: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiaodu-bench-summary-'));
  try {
    const out = path.join(dir, 'summary.docx');
    const runs = ctx.quick ? 1 : 3;
    const times: number[] = [];
    let peak = 0;
    let figures = 0;
    for (let i = 0; i < runs; i++) {
      const r = await runTiaodu(['summary', '--db', ctx.target, '--region', region, '--as-of', BENCH_AS_OF, '--out', out, '--json']);
      times.push(r.ms);
      peak = Math.max(peak, r.maxRssKb / 1024);
      figures = (JSON.parse(r.stdout) as { figures: unknown[] }).figures.length;
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    const note = `${figures} figures, ${Math.round(fs.statSync(out).size / 1024)} KiB .docx; the whole command (start-up, draft, charts, .docx), no PDF`;
    ctx.record({ measurement: `summary of ${what}: time`, value: median, unit: 'ms', runs, note });
    ctx.record({ measurement: `summary of ${what}: peak memory`, value: peak, unit: 'MiB', runs });
    ctx.log(`summary of ${what} ${region}: ${Math.round(median)} ms, ${peak.toFixed(0)} MiB peak`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const summaryDocumentSection: BenchSection = {
  id: 'summary',
  title: 'Work summary (.docx)',
  async run(ctx) {
    const county = ctx.generated.counties[0];
    if (!county) return;
    await summaryOf(ctx, county.code, 'a county');
    // A city's summary when the size holds more than one county: its pool by county, one chart row per county.
    if (ctx.generated.counties.length > 1) await summaryOf(ctx, `${county.code.slice(0, 4)}00`, 'a city');
  },
};

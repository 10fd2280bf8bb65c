// The work summary of a county and of a city: drafting it from the data and writing the .docx with its charts drawn on
// the server, timed in-process, and the peak memory of `tiaodu summary` doing the same in a child process.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SYSTEM_ACTOR } from '../../src/domain/access.ts';
import { contentDocx } from '../../src/services/documents/document-files.ts';
import { draftSummary } from '../../src/services/documents/draft-summary.ts';
import { runTiaodu } from '../lib/cli-child.ts';
import type { BenchSection, SectionContext } from '../lib/section.ts';
import { BENCH_AS_OF } from './pool-analysis.bench.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function summaryOf(ctx: SectionContext, region: string, what: string): Promise<void> {
  const runs = ctx.quick ? 2 : 5;
  const draft: number[] = [];
  const docx: number[] = [];
  let figures = 0;
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const doc = await draftSummary(ctx.handle.db, { region, asOf: BENCH_AS_OF }, SYSTEM_ACTOR);
    const t1 = performance.now();
    const file = await contentDocx(doc.content);
    draft.push(t1 - t0);
    docx.push(performance.now() - t1);
    figures = doc.content.figures.length;
    bytes = file.length;
  }
  ctx.record({ measurement: `summary of ${what}: draft from the data`, value: median(draft), unit: 'ms', runs, note: `${figures} figures` });
  ctx.record({ measurement: `summary of ${what}: .docx with its charts`, value: median(docx), unit: 'ms', runs, note: `${Math.round(bytes / 1024)} KiB` });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiaodu-bench-summary-'));
  try {
    const r = await runTiaodu(['summary', '--db', ctx.target, '--region', region, '--as-of', BENCH_AS_OF, '--out', path.join(dir, 'summary.docx'), '--json']);
    ctx.record({ measurement: `summary of ${what}: tiaodu summary peak memory`, value: r.maxRssKb / 1024, unit: 'MiB', runs: 1, note: `the whole command took ${Math.round(r.ms)} ms, start-up included; no PDF` });
    ctx.log(`summary of ${what} ${region}: draft ${Math.round(median(draft))} ms, docx ${Math.round(median(docx))} ms, command ${Math.round(r.ms)} ms, ${(r.maxRssKb / 1024).toFixed(0)} MiB peak`);
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
    if (ctx.size === 'county') await summaryOf(ctx, county.code, 'a county');
    // A city's summary when the size holds a city's counties: its pool by county.
    if (ctx.size === 'city') await summaryOf(ctx, `${county.code.slice(0, 4)}00`, 'a city');
  },
};

// Importing a 5 000-row ledger, as .xlsx and as the same rows in .xls: the use case timed in-process (rolled back), and
// `tiaodu import ledger` on its own for its time and peak memory — the bench process's own high-water mark (the
// generated province) would say nothing.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SYSTEM_ACTOR } from '../../src/domain/access.ts';
import { findRegion } from '../../src/db/repositories/region.repository.ts';
import { initCounty } from '../../src/services/init-county.ts';
import { importLedger, type ImportLedgerReport } from '../../src/services/import-ledger.ts';
import { bigLedger, bigLedgerXls } from '../../test/support/ledger-files.ts';
import { runTiaodu } from '../lib/cli-child.ts';
import type { BenchSection } from '../lib/section.ts';

export const LEDGER_ROWS = 5000;
export const IMPORT_TARGET_S = 5;
export const IMPORT_TARGET_MIB = 300;
/** The county the generated ledger's township names belong to; the import commits its 5 000 projects there. */
export const IMPORT_COUNTY = '140423';
/** The month the generated ledger runs to: its headers say 2025年计划投资 and 1-6月完成投资. */
export const IMPORT_AS_OF = '2025-06';
const COUNTY = IMPORT_COUNTY;

class Rollback extends Error {}

export const ledgerImportSection: BenchSection = {
  id: 'ledger-import',
  title: `台账导入：${LEDGER_ROWS} 行，一个事务`,
  async run(ctx) {
    const file = await bigLedger(LEDGER_ROWS);
    ctx.log(`  ledger of ${LEDGER_ROWS} rows: ${(file.length / 1024 / 1024).toFixed(1)} MiB`);
    if (!(await findRegion(ctx.handle.db, COUNTY))) {
      await initCounty(ctx.handle.db, { regionCode: COUNTY, adminUsername: 'bench-import-admin', adminPassword: 'bench-pass-1' });
    }

    const xls = bigLedgerXls(LEDGER_ROWS);
    ctx.log(`  the same rows as .xls: ${(xls.length / 1024 / 1024).toFixed(1)} MiB`);

    // Both formats do the same work: 5 000 new projects into an empty county, rolled back each time.
    const inProcess = async (bytes: Buffer): Promise<{ seconds: number; report?: ImportLedgerReport }> => {
      let seconds = 0;
      let report: ImportLedgerReport | undefined;
      try {
        await ctx.handle.db.transaction().execute(async (trx) => {
          const started = performance.now();
          report = await importLedger(trx, { file: bytes, regionCode: COUNTY, skipInvalid: false, commit: true }, SYSTEM_ACTOR);
          seconds = (performance.now() - started) / 1000;
          throw new Rollback();
        });
      } catch (e) {
        if (!(e instanceof Rollback)) throw e;
      }
      return { seconds, report };
    };
    const { seconds, report } = await inProcess(file);
    const note = report ? `${report.imported} imported, ${report.rejected.length} refused` : undefined;
    ctx.record({ measurement: `importLedger commit, ${LEDGER_ROWS} rows, in-process`, value: seconds, unit: 's', note, targets: [{ text: `< ${IMPORT_TARGET_S} s`, pass: seconds < IMPORT_TARGET_S }] });
    const fromXls = await inProcess(xls);
    ctx.record({
      measurement: `importLedger commit, ${LEDGER_ROWS} rows of .xls, in-process`,
      value: fromXls.seconds,
      unit: 's',
      note: fromXls.report ? `${fromXls.report.imported} imported, ${fromXls.report.rejected.length} refused` : undefined,
      targets: [{ text: `< ${IMPORT_TARGET_S} s`, pass: fromXls.seconds < IMPORT_TARGET_S }],
    });

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiaodu-bench-import-'));
    try {
      const ledger = path.join(dir, 'ledger.xlsx');
      fs.writeFileSync(ledger, file);
      // The command commits into county 140423, which lies outside the generated province: later sections are unaffected.
      const run = await runTiaodu(['import', 'ledger', ledger, '--db', ctx.target, '--region', COUNTY, '--json']);
      const peakMib = run.maxRssKb / 1024;
      const imported = (JSON.parse(run.stdout) as ImportLedgerReport).imported;
      ctx.record({
        measurement: `tiaodu import ledger, ${LEDGER_ROWS} rows: peak RSS`,
        value: peakMib,
        unit: 'MiB',
        note: `whole command ${(run.ms / 1000).toFixed(1)} s including start-up; ${imported} imported`,
        targets: [{ text: `< ${IMPORT_TARGET_MIB} MiB`, pass: peakMib < IMPORT_TARGET_MIB }],
      });
      ctx.log(`  in-process ${seconds.toFixed(2)} s; command ${(run.ms / 1000).toFixed(1)} s, peak RSS ${peakMib.toFixed(0)} MiB`);

      // The .xls of the same rows, after the .xlsx committed them: the command reads and compares 5 000 rows and finds
      // them unchanged, so its time is a re-import's; its peak is the reading's, which is what the format changes.
      const ledgerXls = path.join(dir, 'ledger.xls');
      fs.writeFileSync(ledgerXls, xls);
      const again = await runTiaodu(['import', 'ledger', ledgerXls, '--db', ctx.target, '--region', COUNTY, '--json']);
      const xlsMib = again.maxRssKb / 1024;
      const xlsReport = JSON.parse(again.stdout) as ImportLedgerReport;
      ctx.record({
        measurement: `tiaodu import ledger, ${LEDGER_ROWS} rows of .xls (re-import): peak RSS`,
        value: xlsMib,
        unit: 'MiB',
        note: `whole command ${(again.ms / 1000).toFixed(1)} s including start-up; ${xlsReport.unchanged} unchanged`,
        targets: [{ text: `< ${IMPORT_TARGET_MIB} MiB`, pass: xlsMib < IMPORT_TARGET_MIB }],
      });
      ctx.log(`  .xls in-process ${fromXls.seconds.toFixed(2)} s; command ${(again.ms / 1000).toFixed(1)} s, peak RSS ${xlsMib.toFixed(0)} MiB`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

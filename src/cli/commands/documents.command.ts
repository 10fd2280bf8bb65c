// tiaodu summary and tiaodu pack: the work summary and the dispatch-meeting pack as GB/T 9704 .docx (and PDF through
// LibreOffice), drafted from the data by the same services the web page calls.

import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { AppError } from '../../domain/errors.ts';
import { dayOf } from '../../domain/months.ts';
import { printJson, say } from '../output.ts';
import { withDatabase } from './database.ts';

const DB_OPTION = ['--db <target>', 'SQLite 文件路径或 postgres:// 地址（默认 DATABASE_URL 或 data/tiaodu.sqlite）'] as const;

function pdfPath(out: string): string {
  return out.replace(/\.docx$/i, '') + '.pdf';
}

function serialOf(value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new AppError('invalid_usage', `--serial 应为 1 至 9999 的整数，而不是“${value}”`);
  return n;
}

// The documents' modules (docx, ECharts, resvg) load only when a document is asked for: every other command starts as fast as before.
const documentFiles = () => import('../../services/documents/document-files.ts');

/** Writes the .docx (and the PDF when asked) and says what was written. */
async function writeFiles(docx: Buffer, out: string, pdf: boolean): Promise<{ pages: number | null; pdf: string | null }> {
  await fs.writeFile(out, docx);
  if (pdf) {
    const result = await (await documentFiles()).docxPdf(docx);
    await fs.writeFile(pdfPath(out), result.pdf);
    return { pages: result.pages, pdf: pdfPath(out) };
  }
  // Pages are counted on the PDF: without one there is no page count, and the command does not start LibreOffice.
  return { pages: null, pdf: null };
}

export function registerDocuments(program: Command): void {
  program
    .command('summary')
    .description('工作总结：按 GB/T 9704-2012 公文格式生成某地区截至某月的工作总结 .docx（主要经济指标、项目建设、存在问题、下一步打算，附图表），每个数字均取自数据；--pdf 同时经 LibreOffice 生成 PDF')
    .requiredOption('--region <code>', '区划代码：县（6位）、乡镇或园区（9位）、市')
    .requiredOption('--as-of <month>', '截至月份，YYYY-MM')
    .requiredOption('--out <file>', '输出文件，如 总结.docx')
    .option(...DB_OPTION)
    .option('--edition <id>', '按已保存的版本生成（实时数字取最新数据，冻结数字保持不变）')
    .option('--serial <n>', '发文字号中的序号，如 27')
    .option('--pdf', '同时生成 PDF（需要 LibreOffice：apt-get install libreoffice-writer-nogui）')
    .option('--json', '以 JSON 输出 { out, pdf, pages, figures: [ { text, value, source } ] }；pages 为 PDF 的页数，未加 --pdf 时为 null')
    .action(async (opts: { region: string; asOf: string; out: string; db?: string; edition?: string; serial?: string; pdf?: boolean; json?: boolean }) => {
      const serial = serialOf(opts.serial);
      const [{ contentDocx, figureList }, { draftSummary }, { editionDocument }] = await Promise.all([
        documentFiles(),
        import('../../services/documents/draft-summary.ts'),
        import('../../services/documents/editions.ts'),
      ]);
      const doc = await withDatabase(opts.db, async ({ db }) =>
        opts.edition ? (await editionDocument(db, { id: opts.edition }, SYSTEM_ACTOR)).document : draftSummary(db, { region: opts.region, asOf: opts.asOf, serial }, SYSTEM_ACTOR),
      );
      const files = await writeFiles(await contentDocx(doc.content), opts.out, !!opts.pdf);
      if (opts.json) printJson({ out: opts.out, pdf: files.pdf, pages: files.pages, figures: figureList(doc.content.figures) });
      else say(`已生成 ${doc.content.head.title}：${opts.out}${files.pdf ? `，${files.pdf}` : ''}${files.pages ? `（${files.pages} 页）` : ''}，数字 ${doc.content.figures.length} 个`);
    });

  program
    .command('pack')
    .description('调度会材料：本周或本月的主要数据、红灯项目、逾期事项、迟报单位，生成 .docx 和 .xlsx')
    .requiredOption('--region <code>', '县级区划代码，如 140423')
    .requiredOption('--as-of <month>', '数据截至月份，YYYY-MM')
    .requiredOption('--out <file>', '输出 .docx 文件，如 调度会材料.docx（同名 .xlsx 一并生成）')
    .option('--on <day>', '会议日期 YYYY-MM-DD（判断逾期、迟报用；默认今天，中国标准时间）')
    .option('--period <period>', 'week（周调度）或 month（月调度）', 'month')
    .option(...DB_OPTION)
    .option('--pdf', '同时生成 PDF（需要 LibreOffice）')
    .option('--json', '以 JSON 输出 { out, xlsx, pages, figures }')
    .action(async (opts: { region: string; asOf: string; out: string; on?: string; period: string; db?: string; pdf?: boolean; json?: boolean }) => {
      if (opts.period !== 'week' && opts.period !== 'month') throw new AppError('invalid_usage', `--period 应为 week 或 month，而不是“${opts.period}”`);
      const on = opts.on ?? dayOf(new Date());
      const [{ contentDocx, figureList }, { draftPack, packXlsx }] = await Promise.all([documentFiles(), import('../../services/documents/dispatch-pack.ts')]);
      const pack = await withDatabase(opts.db, ({ db }) => draftPack(db, { region: opts.region, asOf: opts.asOf, on, period: opts.period as 'week' | 'month' }, SYSTEM_ACTOR));
      const files = await writeFiles(await contentDocx(pack.content), opts.out, !!opts.pdf);
      const xlsx = opts.out.replace(/\.docx$/i, '') + '.xlsx';
      await fs.writeFile(xlsx, await packXlsx(pack));
      if (opts.json) printJson({ out: opts.out, xlsx, pdf: files.pdf, pages: files.pages, figures: figureList(pack.content.figures) });
      else say(`已生成调度会材料：${opts.out}、${xlsx}${files.pdf ? `、${files.pdf}` : ''}`);
    });
}

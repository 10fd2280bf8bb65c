// The work summary (工作总结) of a region as of a month, drafted from the data: the county's template for its head and
// foot, then the section builders' paragraphs under GB/T 9704's numbered headings. Every number is a figure with its
// source; the figures list is what the command line's --json and the editor show.

import { z } from 'zod';
import { writerId, type Actor } from '../../domain/access.ts';
import { documentReadRefusal, documentWriteRefusal } from '../../domain/document/document-access.ts';
import { liveFigures, type Block, type DocFigure, type DocumentContent } from '../../domain/document/document-model.ts';
import { dateLine, defaultSummaryDay, docNumber, docNumberPatternProblem, headingNumber, summaryTitle } from '../../domain/document/gbt9704.ts';
import { defaultTemplate, openingLine, partHeading, type SummaryPart } from '../../domain/document/summary-wording.ts';
import { forbidden, invalidInput } from '../../domain/errors.ts';
import { isMonth, monthYear, type Month } from '../../domain/months.ts';
import { parseInput, plainText } from '../../domain/validation.ts';
import { findDocumentTemplate, putDocumentTemplate } from '../../db/repositories/document.repository.ts';
import type { Db } from '../../db/transaction.ts';
import { displayName, loadRegion, scopeWordOf } from '../indicator/indicator-access.ts';
import { poolSummary } from '../pool-summary.ts';
import { sharedLoaders, SUMMARY_SECTIONS, type SectionBuilder, type SummaryContext } from './summary-sections.ts';

export const DocumentInputSchema = z.object({
  region: z.string().regex(/^\d{6}(\d{3})?$/, '应为6位或9位区划代码'),
  asOf: z.string().refine(isMonth, '应为 YYYY-MM'),
  /** The 发文字号's number; blank when not given. */
  serial: z.number().int().min(1).max(9999).nullable().optional(),
});
export type DocumentInput = z.input<typeof DocumentInputSchema>;

const FIELD_LABELS = { region: '地区', asOf: '截至月份', serial: '发文序号', unitName: '单位名称', numberPattern: '发文字号格式', recipient: '主送机关', signature: '署名' };

export interface DocumentTemplate {
  region: string;
  unitName: string;
  numberPattern: string;
  recipient: string;
  signature: string;
  /** False while the county uses the default. */
  saved: boolean;
}

export interface DraftedDocument {
  kind: 'summary' | 'pack';
  region: string;
  regionName: string;
  asOf: Month;
  content: DocumentContent;
}

/** The region's template, or the default drawn from its name. */
export async function getDocumentTemplate(db: Db, input: { region: string }, actor: Actor): Promise<DocumentTemplate> {
  const refusal = documentReadRefusal(actor, input.region);
  if (refusal) throw forbidden(refusal);
  const region = await loadRegion(db, input.region);
  const saved = await findDocumentTemplate(db, region.code);
  if (saved) return { region: region.code, unitName: saved.unitName, numberPattern: saved.numberPattern, recipient: saved.recipient, signature: saved.signature, saved: true };
  return { region: region.code, ...defaultTemplate(region.name, displayName(region)), saved: false };
}

export const TemplateInputSchema = z
  .object({
    region: z.string().regex(/^\d{6}(\d{3})?$/, '应为6位或9位区划代码'),
    unitName: plainText(60).min(1, '不能为空'),
    numberPattern: plainText(40).min(1, '不能为空'),
    recipient: plainText(60),
    signature: plainText(60).min(1, '不能为空'),
  })
  .strict();

/** Sets a region's template (unit name, 发文字号 pattern with {year} and {n}, recipient, signature). */
export async function putDocumentTemplateFor(db: Db, input: unknown, actor: Actor, now: Date = new Date()): Promise<DocumentTemplate> {
  const t = parseInput(TemplateInputSchema, input, FIELD_LABELS);
  const refusal = documentWriteRefusal(actor, t.region);
  if (refusal) throw forbidden(refusal);
  const problem = docNumberPatternProblem(t.numberPattern);
  if (problem) throw invalidInput([{ field: 'numberPattern', message: problem }]);
  const region = await loadRegion(db, t.region);
  await putDocumentTemplate(db, { regionCode: region.code, unitName: t.unitName, numberPattern: t.numberPattern, recipient: t.recipient, signature: t.signature, updatedAt: now.toISOString(), updatedBy: writerId(actor) });
  return getDocumentTemplate(db, { region: region.code }, actor);
}

/** The context every section builder reads; the pool analysis is loaded once, with breakdowns. */
export async function summaryContext(db: Db, input: { region: string; asOf: Month }, actor: Actor, now: Date): Promise<SummaryContext> {
  const refusal = documentReadRefusal(actor, input.region);
  if (refusal) throw forbidden(refusal);
  const region = await loadRegion(db, input.region);
  const pool = await poolSummary(db, { region: region.code, asOf: input.asOf, breakdowns: true }, actor);
  return {
    db,
    actor,
    now,
    region,
    regionName: displayName(region),
    scopeWord: scopeWordOf(region),
    asOf: input.asOf,
    pool,
    shared: sharedLoaders(db, actor, now, region, input.asOf),
  };
}

/**
 * Drafts the summary: head and foot from the template, then each part (工作总结, 存在问题, 工作打算) with the sections
 * that have data, numbered 一、/（一）as GB/T 9704 orders headings. The builders run in turn (they share loaders).
 * @example draftSummary(db, { region: '140423', asOf: '2021-06' }, actor) → content.blocks: 一、上半年工作总结 …
 */
export async function draftSummary(db: Db, input: DocumentInput, actor: Actor, now: Date = new Date(), builders: readonly SectionBuilder[] = SUMMARY_SECTIONS): Promise<DraftedDocument> {
  const q = parseInput(DocumentInputSchema, input, FIELD_LABELS);
  const ctx = await summaryContext(db, { region: q.region, asOf: q.asOf }, actor, now);
  const template = await getDocumentTemplate(db, { region: ctx.region.code }, actor);
  const sections = [];
  for (const build of builders) {
    const s = await build(ctx);
    if (s) sections.push(s);
  }

  const blocks: Block[] = [];
  const figures: DocFigure[] = [];
  const parts: SummaryPart[] = ['work', 'problems', 'plan'];
  let partNo = 0;
  for (const part of parts) {
    const inPart = sections.filter((s) => s.part === part);
    if (inPart.length === 0) continue;
    partNo += 1;
    blocks.push({ id: `part.${part}`, kind: 'heading1', runs: [{ text: `${headingNumber(1, partNo)}${partHeading(part, q.asOf)}` }], editable: false });
    let headingNo = 0;
    for (const s of inPart) {
      if (s.heading) {
        headingNo += 1;
        blocks.push({ id: `${s.id}.heading`, kind: 'heading2', runs: [{ text: `${headingNumber(2, headingNo)}${s.heading}` }], editable: false });
      }
      s.paragraphs.forEach((p, i) => {
        blocks.push({ id: `${s.id}.${i + 1}`, kind: 'body', runs: p.runs, editable: true });
        figures.push(...p.figures);
      });
      s.charts.forEach((chart, i) => blocks.push({ id: `${s.id}.chart${i + 1}`, kind: 'chart', runs: [], editable: false, chart }));
    }
  }

  const year = monthYear(q.asOf);
  return {
    kind: 'summary',
    region: ctx.region.code,
    regionName: ctx.regionName,
    asOf: q.asOf,
    content: {
      head: {
        title: summaryTitle(template.unitName, q.asOf),
        docNumber: docNumber(template.numberPattern, year, q.serial ?? null),
        recipient: template.recipient,
        opening: openingLine(template.unitName, q.asOf),
        signature: template.signature,
        date: dateLine(defaultSummaryDay(q.asOf)),
      },
      blocks,
      figures: liveFigures(figures),
    },
  };
}

// Editions of a summary: a draft edited in the app (narrative rewritten, numbers kept live or frozen with a note) is
// saved whole; opened again, its live numbers follow the data and the list of numbers that moved says what changed.

import { z } from 'zod';
import { writerId, type Actor } from '../../domain/access.ts';
import { documentReadRefusal, documentWriteRefusal } from '../../domain/document/document-access.ts';
import { refreshFigures, type Block, type DocFigure, type DocumentContent, type EditionFigure, type MovedFigure } from '../../domain/document/document-model.ts';
import { AppError, forbidden, invalidInput, notFound } from '../../domain/errors.ts';
import { dayOf } from '../../domain/months.ts';
import { idInput, monthInput, parseInput, plainText } from '../../domain/validation.ts';
import { findEdition, insertEdition, listEditions, nextEditionNumber, type EditionRow } from '../../db/repositories/document.repository.ts';
import { inTransaction, newId, type Db } from '../../db/transaction.ts';
import { draftSummary, type DraftedDocument } from './draft-summary.ts';

const RunSchema = z.union([z.object({ text: plainText(10_000, { multiline: true, keepSpaces: true }) }).strict(), z.object({ figure: plainText(200).min(1) }).strict()]);

export const EditionSaveSchema = z
  .object({
    region: z.string().regex(/^\d{6}(\d{3})?$/, '应为6位或9位区划代码'),
    asOf: monthInput(),
    /** The edition this one was edited from; its frozen figures keep their values. */
    basedOn: idInput().nullable().optional(),
    note: plainText(200, { multiline: true }).optional(),
    head: z
      .object({
        title: plainText(120).min(1, '标题不能为空'),
        docNumber: plainText(60, { keepSpaces: true }),
        recipient: plainText(60, { keepSpaces: true }),
        opening: plainText(500, { multiline: true, keepSpaces: true }),
        signature: plainText(60).min(1, '署名不能为空'),
        date: plainText(30).min(1, '成文日期不能为空'),
      })
      .strict(),
    /** Every block of the edition in order: paragraphs with their runs; headings and charts by id as drafted. */
    blocks: z.array(z.object({ id: plainText(80).min(1), runs: z.array(RunSchema).max(400).optional() }).strict()).max(500),
    /** Figures kept at their value, each with why. */
    frozen: z.array(z.object({ source: plainText(200).min(1), note: plainText(200, { multiline: true }) }).strict()).max(1000).default([]),
  })
  .strict();
export type EditionSaveInput = z.input<typeof EditionSaveSchema>;

const FIELD_LABELS = { region: '地区', asOf: '截至月份', note: '版本说明', head: '文头', blocks: '段落', frozen: '冻结的数字' };

export interface EditionSummary {
  id: string;
  region: string;
  asOf: string;
  number: number;
  title: string;
  note: string | null;
  basedOn: string | null;
  createdAt: string;
  createdBy: string | null;
}

export interface EditionView {
  edition: EditionSummary;
  /** The edition with its live numbers brought up to the data. */
  document: DraftedDocument;
  /** Numbers that differ from those saved: live ones now show the new value, frozen ones kept theirs. */
  moved: MovedFigure[];
}

function summaryOf(r: Omit<EditionRow, 'content'>): EditionSummary {
  return { id: r.id, region: r.regionCode, asOf: r.asOf, number: r.number, title: r.title, note: r.note, basedOn: r.basedOn, createdAt: r.createdAt, createdBy: r.createdBy };
}

function parseContent(json: string): DocumentContent {
  return JSON.parse(json) as DocumentContent;
}

/**
 * Saves an edited summary as the next edition of its region and month. The structure comes from the editor, the
 * numbers from the data: a live figure takes the value drafted now, a frozen one the value it had when frozen (in the
 * edition it was edited from) or, newly frozen, now. A paragraph may only name figures the draft or that edition holds.
 */
export async function saveEdition(db: Db, input: EditionSaveInput, actor: Actor, now: Date = new Date()): Promise<EditionView> {
  const q = parseInput(EditionSaveSchema, input, FIELD_LABELS);
  const refusal = documentWriteRefusal(actor, q.region);
  if (refusal) throw forbidden(refusal);
  const fresh = await draftSummary(db, { region: q.region, asOf: q.asOf }, actor, now);
  const base = q.basedOn ? await loadEdition(db, q.basedOn, actor) : null;
  if (base && (base.row.regionCode !== fresh.region || base.row.asOf !== q.asOf)) {
    throw invalidInput([{ field: 'basedOn', message: '所依据的版本不是同一地区、同一月份的文稿' }]);
  }
  const today = dayOf(now);
  const freshBlocks = new Map(fresh.content.blocks.map((b) => [b.id, b]));
  const baseBlocks = new Map((base?.content.blocks ?? []).map((b) => [b.id, b]));
  const known = new Map<string, DocFigure | EditionFigure>([...(base?.content.figures ?? []).map((f) => [f.source, f] as const), ...fresh.content.figures.map((f) => [f.source, f] as const)]);

  const blocks: Block[] = [];
  const issues: { field: string; message: string }[] = [];
  q.blocks.forEach((b, i) => {
    const drafted = freshBlocks.get(b.id) ?? baseBlocks.get(b.id);
    if (!drafted) {
      issues.push({ field: `blocks.${i}.id`, message: `第${i + 1}段不是本文稿的段落（${b.id}）` });
      return;
    }
    if (!drafted.editable || !b.runs) {
      blocks.push(drafted);
      return;
    }
    const unknown = b.runs.find((r) => 'figure' in r && !known.has(r.figure));
    if (unknown && 'figure' in unknown) issues.push({ field: `blocks.${i}.runs`, message: `第${i + 1}段引用了数据中没有的数字（${unknown.figure}）` });
    blocks.push({ ...drafted, runs: b.runs });
  });
  if (issues.length > 0) throw invalidInput(issues);

  const frozen = new Map(q.frozen.map((f) => [f.source, f.note]));
  const used = new Set(blocks.flatMap((b) => b.runs.flatMap((r) => ('figure' in r ? [r.figure] : []))));
  const figures: EditionFigure[] = [...used].map((source) => {
    const current = fresh.content.figures.find((f) => f.source === source);
    const before = base?.content.figures.find((f) => f.source === source);
    if (frozen.has(source) || !current) {
      if (before?.frozen) return { ...before, frozen: { ...before.frozen, note: frozen.get(source) ?? before.frozen.note } };
      const kept = current ?? before!;
      return { source, label: kept.label, value: kept.value, text: kept.text, frozen: { note: frozen.get(source) ?? '数据中已无此数，保留原值', on: today } };
    }
    return { ...current, frozen: null };
  });
  const content: DocumentContent = { head: q.head, blocks, figures };

  return inTransaction(db, async (trx) => {
    const row: EditionRow = {
      id: newId(),
      regionCode: fresh.region,
      kind: 'summary',
      asOf: q.asOf,
      number: await nextEditionNumber(trx, { regionCode: fresh.region, kind: 'summary', asOf: q.asOf }),
      title: q.head.title,
      content: JSON.stringify(content),
      note: q.note || null,
      basedOn: base?.row.id ?? null,
      createdAt: now.toISOString(),
      createdBy: writerId(actor),
    };
    await insertEdition(trx, row);
    return { edition: summaryOf(row), document: { ...fresh, content }, moved: [] };
  });
}

async function loadEdition(db: Db, id: string, actor: Actor): Promise<{ row: EditionRow; content: DocumentContent }> {
  const row = await findEdition(db, id);
  if (!row) throw notFound('文稿版本');
  const refusal = documentReadRefusal(actor, row.regionCode);
  if (refusal) throw forbidden(refusal);
  return { row, content: parseContent(row.content) };
}

/**
 * An edition as it reads today: live numbers take the data's values, frozen ones keep theirs, charts are drawn from
 * the data, and `moved` lists every number that differs from the one saved.
 */
export async function editionDocument(db: Db, input: { id: string }, actor: Actor, now: Date = new Date()): Promise<EditionView> {
  const { row, content } = await loadEdition(db, input.id, actor);
  if (row.kind !== 'summary') throw new AppError('invalid_input', '只有工作总结保存版本');
  const fresh = await draftSummary(db, { region: row.regionCode, asOf: row.asOf }, actor, now);
  const { figures, moved } = refreshFigures(content.figures, new Map(fresh.content.figures.map((f) => [f.source, f])), dayOf(now));
  const freshBlocks = new Map(fresh.content.blocks.map((b) => [b.id, b]));
  const blocks = content.blocks.map((b) => (b.kind === 'chart' ? (freshBlocks.get(b.id) ?? b) : b));
  return { edition: summaryOf(row), document: { ...fresh, content: { head: content.head, blocks, figures } }, moved };
}

/** The saved editions of a region's summaries (of one month when given), newest first. */
export async function listSummaryEditions(db: Db, input: { region: string; asOf?: string }, actor: Actor): Promise<EditionSummary[]> {
  const refusal = documentReadRefusal(actor, input.region);
  if (refusal) throw forbidden(refusal);
  return (await listEditions(db, { regionCode: input.region, kind: 'summary', asOf: input.asOf })).map(summaryOf);
}

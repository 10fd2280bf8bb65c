// News into candidate leads: read items (seed 003's shape) into candidates, keep them for a dispatcher, who accepts
// (with edits) or rejects each; an accepted one becomes a lead whose source is the article.

import { z } from 'zod';
import { canCreateProject, coversRegion, type Actor } from '../../domain/access.ts';
import { NEWS_EVENTS, parseNewsItems, readNews, type NewsCandidate, type NewsItem } from '../../domain/attraction/news-reader.ts';
import { forbidden, AppError, invalidInput, notFound } from '../../domain/errors.ts';
import { idInput, optionalPlainText, parseInput, plainText, yuanAmount } from '../../domain/validation.ts';
import { decideNewsCandidate, findNewsCandidate, insertNewsCandidates, listNewsCandidates, type NewsCandidateRow } from '../../db/repositories/lead.repository.ts';
import { inTransaction, newId, type Db } from '../../db/transaction.ts';
import { placesUnder, readNewsPath } from '../../io/news-file.ts';
import { createLead, cstToday } from './leads.ts';

/**
 * The candidate leads of news items, places named within a region (a province by default: the county's own
 * province reads the province's news; '000000' for the whole country).
 */
export function newsCandidates(items: readonly NewsItem[], scope?: string | null): NewsCandidate[] {
  return readNews(items, placesUnder(scope ?? null));
}

/** The items of a news file or folder and their candidates; a file that cannot be read is refused with its reason. */
export function readNewsFile(target: string, scope?: string | null): { items: NewsItem[]; candidates: NewsCandidate[] } {
  let items: NewsItem[];
  try {
    items = readNewsPath(target);
  } catch (e) {
    throw invalidInput([{ field: 'file', message: `无法读取新闻：${e instanceof Error ? e.message : String(e)}` }]);
  }
  return { items, candidates: newsCandidates(items, scope) };
}

/** The province a county lies in: the scope its news is read in. */
export function provinceOf(region: string): string {
  return `${region.slice(0, 2)}0000`;
}

export const NewsReadSchema = z.object({ region: z.string().regex(/^\d{6}$/, '应为6位县级区划代码'), text: plainText(5_000_000, { multiline: true }).min(1, '请粘贴新闻文字') }).strict();

/** Reads pasted news text into candidates and keeps them pending for the county's dispatchers. */
export async function submitNews(db: Db, input: unknown, actor: Actor, now: Date = new Date()): Promise<NewsCandidateRow[]> {
  const q = parseInput(NewsReadSchema, input, { region: '县', text: '新闻文字' });
  if (!canCreateProject(actor, q.region)) throw forbidden('只有调度员可以从新闻登记线索');
  const candidates = newsCandidates(parseNewsItems(q.text), provinceOf(q.region));
  const stamp = now.toISOString();
  const rows: NewsCandidateRow[] = candidates.map((c) => ({
    id: newId(), regionCode: q.region, articleTitle: c.title, articleDate: c.date, placeCode: c.region, placeName: c.regionName, project: c.project,
    event: c.event, amount: c.amount, amountText: c.amountText, enterprise: c.enterprise, sentence: c.sentence, status: 'pending', leadId: null,
    createdAt: stamp, decidedAt: null,
  }));
  await insertNewsCandidates(db, rows, actor.userId === 'system' ? null : actor.userId);
  return rows;
}

/** The candidates read for a county: public news, so anyone of the county may see them; deciding is the dispatcher's. */
export async function listCandidates(db: Db, q: { region: string; status?: NewsCandidateRow['status'] }, actor: Actor): Promise<NewsCandidateRow[]> {
  if (!coversRegion(actor, q.region)) throw forbidden('无权查看该县的新闻线索');
  return listNewsCandidates(db, q.region, q.status);
}

export const NewsAcceptSchema = z.object({
  project: plainText(200).min(1).optional(),
  enterprise: optionalPlainText(200).optional(),
  amount: yuanAmount().min(0, '不能为负数').nullable().optional(),
  event: z.enum(NEWS_EVENTS).optional(),
  unitId: idInput().nullable().optional(),
  chain: optionalPlainText(50).optional(),
}).strict();

async function pendingCandidate(db: Db, id: string, actor: Actor): Promise<NewsCandidateRow> {
  const c = await findNewsCandidate(db, id);
  if (!c) throw notFound('新闻线索');
  if (!canCreateProject(actor, c.regionCode)) throw forbidden('只有调度员可以处理新闻线索');
  if (c.status !== 'pending') throw new AppError('conflict', `该新闻线索已${c.status === 'accepted' ? '采纳' : '舍弃'}`);
  return c;
}

/**
 * Accepts a candidate, with the dispatcher's corrections, as a new lead: its source is the article (title and date),
 * its notes the sentence it was read from, its intended amount the amount read.
 */
export async function acceptCandidate(db: Db, id: string, input: unknown, actor: Actor, now: Date = new Date()) {
  const edits = parseInput(NewsAcceptSchema, input ?? {}, { project: '项目名称', enterprise: '企业', amount: '金额', event: '事件', unitId: '责任单位', chain: '产业链' });
  return inTransaction(db, async (trx) => {
    const c = await pendingCandidate(trx, id, actor);
    const event = edits.event ?? c.event;
    const lead = await createLead(
      trx,
      {
        regionCode: c.regionCode,
        name: edits.project ?? c.project,
        investor: edits.enterprise === undefined ? c.enterprise : edits.enterprise,
        intendedAmount: (edits.amount === undefined ? c.amount : edits.amount) ?? 0,
        source: 'news',
        sourceDetail: `${c.articleTitle}${c.articleDate ? `（${c.articleDate}）` : ''}`,
        receivedOn: cstToday(now),
        unitId: edits.unitId ?? null,
        chain: edits.chain ?? null,
        notes: `新闻报道${c.placeName ? `${c.placeName}` : ''}${event}：${c.sentence}`,
      },
      actor,
      now,
    );
    if (!(await decideNewsCandidate(trx, id, { status: 'accepted', leadId: lead.id, decidedAt: now.toISOString(), decidedBy: actor.userId === 'system' ? null : actor.userId }))) {
      throw new AppError('conflict', '该新闻线索已被他人处理');
    }
    return { candidate: { ...c, status: 'accepted' as const, leadId: lead.id }, lead };
  });
}

export async function rejectCandidate(db: Db, id: string, actor: Actor, now: Date = new Date()): Promise<NewsCandidateRow> {
  const c = await pendingCandidate(db, id, actor);
  if (!(await decideNewsCandidate(db, id, { status: 'rejected', leadId: null, decidedAt: now.toISOString(), decidedBy: actor.userId === 'system' ? null : actor.userId }))) {
    throw invalidInput([{ field: 'id', message: '该新闻线索已被他人处理' }]);
  }
  return { ...c, status: 'rejected', decidedAt: now.toISOString() };
}

// A 督办函 as it is printed: drawn from its item (the unit, the leader, the project, what was last reported before the
// letter) and from the letter's own record (its number, the deadline missed and by how much, the day it was issued).

import type { Actor } from '../../domain/access.ts';
import { notFound } from '../../domain/errors.ts';
import { supervisionLetter, type SupervisionLetter } from '../../domain/supervision/letter.ts';
import type { DeadlineKind } from '../../domain/supervision/timers.ts';
import { findRegion } from '../../db/repositories/region.repository.ts';
import { findEvents, findLetters } from '../../db/repositories/supervision.repository.ts';
import type { Db } from '../../db/transaction.ts';
import { loadReadableItem } from './item-access.ts';
import { loadItemViews } from './item-view.ts';

export interface LetterPage extends SupervisionLetter {
  id: string;
  itemId: string;
  issuedOn: string;
}

export async function getLetter(db: Db, id: string, actor: Actor): Promise<LetterPage> {
  const letter = (await findLetters(db, { id }))[0];
  if (!letter) throw notFound('督办函');
  const item = await loadReadableItem(db, letter.itemId, actor);
  const [view] = await loadItemViews(db, { lo: item.regionCode, hi: item.regionCode, ids: [item.id] }, letter.issuedOn);
  const progress = (await findEvents(db, item.id)).filter((e) => (e.kind === 'progress' || e.kind === 'setPlan') && e.note && e.on <= letter.issuedOn).at(-1);
  const county = await findRegion(db, item.regionCode);
  const content = supervisionLetter({
    number: letter.number,
    countyName: county?.name ?? '',
    unitName: view!.unitName,
    leaderName: view!.leaderName,
    title: item.title,
    description: item.description,
    projectName: view!.projectName,
    source: item.source,
    level: item.level,
    assignedOn: item.assignedOn ?? item.raisedOn,
    missed: { kind: letter.deadlineKind as DeadlineKind, due: letter.dueOn },
    daysLate: letter.daysLate,
    issuedOn: letter.issuedOn,
    latestProgress: progress ? { on: progress.on, note: progress.note! } : null,
    answerBy: letter.answerBy,
  });
  return { ...content, id: letter.id, itemId: item.id, issuedOn: letter.issuedOn };
}

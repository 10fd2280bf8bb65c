// Photos and documents attached to a report as evidence: upload while the report is being filled, download to view.

import { writerId, type Actor } from '../../domain/access.ts';
import { AppError, invalidInput, notFound } from '../../domain/errors.ts';
import { evidenceType } from '../../domain/round/evidence.ts';
import { canSave } from '../../domain/round/round.ts';
import { findAttachment, insertAttachment, listAttachments, type AttachmentMeta } from '../../db/repositories/round.repository.ts';
import { inTransaction, newId, type Db } from '../../db/transaction.ts';
import { loadReportToFill, loadReportView } from './round-access.ts';

/** A report holds at most this many files: a month's evidence is a few photos, not an album. */
export const EVIDENCE_PER_REPORT = 12;

export async function addEvidence(db: Db, reportId: string, file: { name: string; bytes: Uint8Array }, actor: Actor, now: Date = new Date()): Promise<AttachmentMeta> {
  const name = file.name.replace(/[\\/\r\n\0]/g, '_').slice(0, 200) || '附件';
  const type = evidenceType(name, file.bytes);
  if ('refused' in type) throw invalidInput([{ field: 'file', message: type.refused }]);
  return inTransaction(db, async (trx) => {
    const view = await loadReportToFill(trx, reportId, actor);
    const refusal = canSave(view.status, view.roundStatus);
    if (refusal) throw new AppError('conflict', refusal);
    if ((await listAttachments(trx, reportId)).length >= EVIDENCE_PER_REPORT) throw invalidInput([{ field: 'file', message: `每份月报最多上传${EVIDENCE_PER_REPORT}个附件` }]);
    const meta: AttachmentMeta = { id: newId(), reportId, fileName: name, mimeType: type.mime, size: file.bytes.length, uploadedAt: now.toISOString() };
    await insertAttachment(trx, { ...meta, content: file.bytes, uploadedBy: writerId(actor) });
    return meta;
  });
}

export async function getEvidence(db: Db, id: string, actor: Actor): Promise<AttachmentMeta & { content: Uint8Array }> {
  const file = await findAttachment(db, id);
  if (!file) throw notFound('附件');
  await loadReportView(db, file.reportId, actor);
  return file;
}

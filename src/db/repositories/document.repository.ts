// Documents' rows: a county's template and the saved editions of its summaries and dispatch packs.

import type { Db } from '../transaction.ts';

export type DocumentKind = 'summary' | 'pack';

export interface DocumentTemplateRow {
  regionCode: string;
  unitName: string;
  numberPattern: string;
  recipient: string;
  signature: string;
  updatedAt: string;
  updatedBy: string | null;
}

export async function findDocumentTemplate(db: Db, regionCode: string): Promise<DocumentTemplateRow | undefined> {
  const r = await db.selectFrom('document_template').selectAll().where('region_code', '=', regionCode).executeTakeFirst();
  return r && {
    regionCode: r.region_code,
    unitName: r.unit_name,
    numberPattern: r.number_pattern,
    recipient: r.recipient,
    signature: r.signature,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

export async function putDocumentTemplate(db: Db, t: DocumentTemplateRow): Promise<void> {
  const values = {
    unit_name: t.unitName,
    number_pattern: t.numberPattern,
    recipient: t.recipient,
    signature: t.signature,
    updated_at: t.updatedAt,
    updated_by: t.updatedBy,
  };
  await db
    .insertInto('document_template')
    .values({ region_code: t.regionCode, ...values })
    .onConflict((oc) => oc.column('region_code').doUpdateSet(values))
    .execute();
}

export interface EditionRow {
  id: string;
  regionCode: string;
  kind: DocumentKind;
  asOf: string;
  number: number;
  title: string;
  /** JSON of the edition's content. */
  content: string;
  note: string | null;
  basedOn: string | null;
  createdAt: string;
  createdBy: string | null;
}

type EditionRecord = { id: string; region_code: string; kind: string; as_of: string; number: number | string; title: string; content: string; note: string | null; based_on: string | null; created_at: string; created_by: string | null };

function toEdition(r: EditionRecord): EditionRow {
  return {
    id: r.id,
    regionCode: r.region_code,
    kind: r.kind as DocumentKind,
    asOf: r.as_of,
    number: Number(r.number),
    title: r.title,
    content: r.content,
    note: r.note,
    basedOn: r.based_on,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

export async function insertEdition(db: Db, e: EditionRow): Promise<void> {
  await db
    .insertInto('document_edition')
    .values({
      id: e.id,
      region_code: e.regionCode,
      kind: e.kind,
      as_of: e.asOf,
      number: e.number,
      title: e.title,
      content: e.content,
      note: e.note,
      based_on: e.basedOn,
      created_at: e.createdAt,
      created_by: e.createdBy,
    })
    .execute();
}

export async function findEdition(db: Db, id: string): Promise<EditionRow | undefined> {
  const r = await db.selectFrom('document_edition').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toEdition(r);
}

/** The editions of a region's documents of a kind, newest first, without their content. */
export async function listEditions(db: Db, q: { regionCode: string; kind: DocumentKind; asOf?: string }): Promise<Omit<EditionRow, 'content'>[]> {
  let query = db
    .selectFrom('document_edition')
    .select(['id', 'region_code', 'kind', 'as_of', 'number', 'title', 'note', 'based_on', 'created_at', 'created_by'])
    .where('region_code', '=', q.regionCode)
    .where('kind', '=', q.kind);
  if (q.asOf) query = query.where('as_of', '=', q.asOf);
  const rows = await query.orderBy('as_of', 'desc').orderBy('number', 'desc').execute();
  return rows.map((r) => {
    const { content: _c, ...rest } = toEdition({ ...r, content: '' });
    return rest;
  });
}

/** The next edition number of a region's document of a kind and month. */
export async function nextEditionNumber(db: Db, q: { regionCode: string; kind: DocumentKind; asOf: string }): Promise<number> {
  const r = await db
    .selectFrom('document_edition')
    .select((eb) => eb.fn.max('number').as('last'))
    .where('region_code', '=', q.regionCode)
    .where('kind', '=', q.kind)
    .where('as_of', '=', q.asOf)
    .executeTakeFirst();
  return Number(r?.last ?? 0) + 1;
}

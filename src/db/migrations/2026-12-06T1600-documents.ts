// Documents (文稿): a county's template (unit name, 发文字号 pattern, recipient, signature) and the saved editions of
// its summaries and dispatch packs, each edition's content kept whole as JSON with its live and frozen figures.
// Append-only, imports nothing from the app.

import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('document_template')
    .addColumn('region_code', 'text', (c) => c.primaryKey().references('region.code'))
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('number_pattern', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('document_edition')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('based_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addUniqueConstraint('document_edition_number', ['region_code', 'kind', 'as_of', 'number'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('document_edition').execute();
  await db.schema.dropTable('document_template').execute();
}

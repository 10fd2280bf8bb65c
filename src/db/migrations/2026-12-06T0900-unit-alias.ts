// The names a county's people write for its units (县发改局, 经开区管委会, 城投指挥部), each pointing at one unit.
// The general rules (县/区 prefixes, 发改局 = 发展和改革局) live in the domain; these rows are a county's own additions.
// Append-only, imports nothing from the app.

import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('unit_alias')
    .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
    .addColumn('alias', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_alias_pk', ['region_code', 'alias'])
    .execute();
  await db.schema.createIndex('unit_alias_unit').on('unit_alias').column('unit_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('unit_alias').execute();
}

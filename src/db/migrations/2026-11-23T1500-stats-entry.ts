// 入库 as its own workflow: the day and reason of a project's 入库 status (the status itself stays on the project),
// and the materials checklist item by item. Append-only, imports nothing from the app.

import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('stats_entry')
    .addColumn('project_id', 'text', (c) => c.primaryKey().references('project.id').onDelete('cascade'))
    .addColumn('status_on', 'text')
    .addColumn('reason', 'text')
    .addColumn('notes', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('app_user.id'))
    .execute();

  await db.schema
    .createTable('stats_entry_material')
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('marked_on', 'text')
    .addColumn('marked_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('stats_entry_material_pk', ['project_id', 'item'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stats_entry_material').execute();
  await db.schema.dropTable('stats_entry').execute();
}

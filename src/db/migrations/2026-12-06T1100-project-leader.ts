// Several 包联领导 per project: a project_leader link table becomes the one source of who leads a project, filled from
// project.leader_id; and two fields real ledgers carry, 层次 (key_level) and 形象进度 (progress_note).
// project.leader_id stays in the table, emptied and unread: SQLite cannot drop a column that references another table,
// and both databases keep one schema. Append-only, imports nothing from the app.

import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('project_leader')
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('leader_id', 'text', (c) => c.notNull().references('leader.id'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('project_leader_pk', ['project_id', 'leader_id'])
    .execute();
  await db.schema.createIndex('project_leader_leader_idx').on('project_leader').columns(['leader_id', 'project_id']).execute();
  await sql`insert into project_leader (project_id, leader_id, position) select id, leader_id, 0 from project where leader_id is not null`.execute(db);
  await sql`update project set leader_id = null where leader_id is not null`.execute(db);

  await db.schema.alterTable('project').addColumn('key_level', 'text').execute();
  await db.schema.alterTable('project').addColumn('progress_note', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update project set leader_id = (select l.leader_id from project_leader l where l.project_id = project.id order by l.position limit 1)`.execute(db);
  await db.schema.dropTable('project_leader').execute();
  await db.schema.alterTable('project').dropColumn('key_level').execute();
  await db.schema.alterTable('project').dropColumn('progress_note').execute();
}

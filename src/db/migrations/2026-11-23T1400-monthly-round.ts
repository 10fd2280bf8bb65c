// The monthly round (月报): rounds, one report per project, evidence files, problems raised, corrections after the
// lock, reminders sent, in-app notices, and each unit's group-robot webhook. Append-only, imports nothing from the app.

import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? sql`bytea` : sql`blob`;

  await db.schema
    .createTable('round')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('grace_until', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text', (c) => c.references('app_user.id'))
    .addUniqueConstraint('round_region_month_unique', ['region_code', 'month'])
    .execute();

  await db.schema
    .createTable('report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('round.id'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id'))
    .addColumn('unit_id', 'text', (c) => c.references('unit.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('completed_month', 'bigint')
    .addColumn('entered_as', 'text', (c) => c.notNull().defaultTo('month'))
    .addColumn('entered_ytd', 'bigint')
    .addColumn('progress', 'text')
    .addColumn('stage_events', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('prefilled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_submitted_at', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('return_reason', 'text')
    .addColumn('returned_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('report_round_project_unique', ['round_id', 'project_id'])
    .execute();
  await db.schema.createIndex('report_round_unit_idx').on('report').columns(['round_id', 'unit_id', 'status']).execute();
  await db.schema.createIndex('report_project_idx').on('report').columns(['project_id']).execute();

  await db.schema
    .createTable('attachment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('report.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', binary, (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.references('app_user.id'))
    .execute();
  await db.schema.createIndex('attachment_report_idx').on('attachment').columns(['report_id']).execute();

  // A problem met on a project, raised in a report; the supervision ledgers follow it up.
  await db.schema
    .createTable('problem')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
    .addColumn('project_id', 'text', (c) => c.references('project.id'))
    .addColumn('report_id', 'text', (c) => c.references('report.id'))
    .addColumn('unit_id', 'text', (c) => c.references('unit.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('raised_by', 'text', (c) => c.references('app_user.id'))
    .execute();
  await db.schema.createIndex('problem_project_idx').on('problem').columns(['project_id']).execute();

  await db.schema
    .createTable('correction')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('report.id'))
    .addColumn('old_value', 'bigint', (c) => c.notNull())
    .addColumn('new_value', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('decision_note', 'text')
    .execute();
  await db.schema.createIndex('correction_report_idx').on('correction').columns(['report_id']).execute();

  // One row per reminder sent, so a reminder goes out once per unit, kind and channel however often the timer runs.
  await db.schema
    .createTable('reminder')
    .addColumn('round_id', 'text', (c) => c.notNull().references('round.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addPrimaryKeyConstraint('reminder_pk', ['round_id', 'unit_id', 'kind', 'channel'])
    .execute();

  await db.schema
    .createTable('notification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
    .addColumn('unit_id', 'text', (c) => c.references('unit.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .execute();
  await db.schema.createIndex('notification_region_idx').on('notification').columns(['region_code', 'created_at']).execute();

  await db.schema.alterTable('unit').addColumn('webhook_kind', 'text').execute();
  await db.schema.alterTable('unit').addColumn('webhook_url', 'text').execute();
  await db.schema.alterTable('unit').addColumn('webhook_secret', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['webhook_secret', 'webhook_url', 'webhook_kind']) await db.schema.alterTable('unit').dropColumn(column).execute();
  for (const table of ['notification', 'reminder', 'correction', 'problem', 'attachment', 'report', 'round']) await db.schema.dropTable(table).execute();
}

// Supervision (督办) and alerts (预警): items with their history, evidence, escalations and 督办函; a county's calendar
// of holidays and worked weekend days; each project's planned start month. Problems raised in monthly reports become
// items (待交办), keeping their ids, and the problem table goes. Append-only, imports nothing from the app.

import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? sql`bytea` : sql`blob`;

  await db.schema
    .createTable('supervision_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_report_id', 'text', (c) => c.references('report.id'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.references('project.id'))
    .addColumn('unit_id', 'text', (c) => c.references('unit.id'))
    .addColumn('leader_id', 'text', (c) => c.references('leader.id'))
    .addColumn('task_list', 'text')
    .addColumn('measures', 'text')
    .addColumn('raised_on', 'text', (c) => c.notNull())
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('raised_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('assigned_on', 'text')
    .addColumn('assigned_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('feedback_on', 'text')
    .addColumn('due_on', 'text')
    .addColumn('plan_due', 'text')
    .addColumn('plan_text', 'text')
    .addColumn('extended_due', 'text')
    .addColumn('close_requested_on', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('closed_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('reopened_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('supervision_item_region_status_idx').on('supervision_item').columns(['region_code', 'status']).execute();
  await db.schema.createIndex('supervision_item_project_idx').on('supervision_item').columns(['project_id']).execute();
  await db.schema.createIndex('supervision_item_unit_idx').on('supervision_item').columns(['unit_id']).execute();
  await db.schema.createIndex('supervision_item_report_idx').on('supervision_item').columns(['source_report_id']).execute();

  // Every step of an item's life, and every escalation, in order: who, when, from which status to which, and why.
  await db.schema
    .createTable('supervision_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('supervision_item.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('event_on', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('note', 'text')
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('due', 'text')
    .execute();
  await db.schema.createIndex('supervision_event_item_idx').on('supervision_event').columns(['item_id', 'seq']).unique().execute();

  await db.schema
    .createTable('supervision_attachment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('supervision_item.id'))
    .addColumn('event_id', 'text', (c) => c.references('supervision_event.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', binary, (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.references('app_user.id'))
    .execute();
  await db.schema.createIndex('supervision_attachment_item_idx').on('supervision_attachment').columns(['item_id']).execute();

  // One row per escalation step taken for a missed deadline and channel, written before a robot is called, so each
  // step goes out once however often the timer runs and on however many servers.
  await db.schema
    .createTable('supervision_escalation')
    .addColumn('item_id', 'text', (c) => c.notNull().references('supervision_item.id'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('deadline_kind', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addPrimaryKeyConstraint('supervision_escalation_pk', ['item_id', 'step', 'deadline_kind', 'due_on', 'channel'])
    .execute();

  // 督办函: numbered per county and year, one per missed deadline of an item.
  await db.schema
    .createTable('supervision_letter')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('supervision_item.id'))
    .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('serial', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('deadline_kind', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('days_late', 'integer', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('answer_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('supervision_letter_serial_unique', ['region_code', 'year', 'serial'])
    .addUniqueConstraint('supervision_letter_deadline_unique', ['item_id', 'deadline_kind', 'due_on'])
    .execute();

  // A county's calendar for working-day timers: holidays on weekdays, weekend days worked.
  await db.schema
    .createTable('work_calendar_day')
    .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('work_calendar_day_pk', ['region_code', 'day'])
    .execute();

  // 开工计划落实到月 (seed 000): the month a project of the year is to start, for 计划开工未开工.
  await db.schema
    .createTable('project_start_plan')
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_start_plan_pk', ['project_id', 'year'])
    .execute();

  // Problems raised in reports become items waiting for the dispatcher to assign them, with the report as their source.
  await sql`insert into supervision_item (id, region_code, kind, title, description, source, source_report_id, level, status,
      project_id, unit_id, raised_on, raised_at, raised_by, closed_on, created_at, updated_at, version, reopened_count)
    select id, region_code, 'problem', substr(description, 1, 200), description, 'report', report_id, 'ordinary',
      case when status = 'closed' then 'closed' else 'raised' end,
      project_id, unit_id, substr(raised_at, 1, 10), raised_at, raised_by,
      case when status = 'closed' then substr(raised_at, 1, 10) end, raised_at, raised_at, 1, 0
    from problem`.execute(db);
  await sql`insert into supervision_event (id, item_id, seq, at, event_on, kind, user_id, note, from_status, to_status)
    select 'raised-' || id, id, 1, raised_at, substr(raised_at, 1, 10), 'raised', raised_by, description, null, 'raised' from problem`.execute(db);
  await db.schema.dropTable('problem').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  // The problem table comes back empty: its rows live on as items.
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
  for (const table of ['project_start_plan', 'work_calendar_day', 'supervision_letter', 'supervision_escalation', 'supervision_attachment', 'supervision_event', 'supervision_item']) {
    await db.schema.dropTable(table).execute();
  }
}

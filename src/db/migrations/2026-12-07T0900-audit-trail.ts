// The audit trail: every change that matters, appended with who, when, from where, before and after. The database
// itself refuses to edit a row, and to remove one younger than six months, on SQLite and PostgreSQL alike.
// Append-only, imports nothing from the app (183 is domain/audit/audit-actions.ts's AUDIT_RETENTION_DAYS).

import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The county the change belongs to; a city's or province's code for its own accounts; null when unknown.
    .addColumn('region_code', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    // Null for the system (the calendar, the command line); the name as it was then, whatever the account became.
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('address', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute();
  await db.schema.createIndex('audit_event_region_at_idx').on('audit_event').columns(['region_code', 'at']).execute();
  await db.schema.createIndex('audit_event_action_idx').on('audit_event').columns(['action', 'at']).execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create function audit_event_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' then raise exception '审计日志不可修改'; end if;
        if tg_op = 'TRUNCATE' then raise exception '审计日志不可清空'; end if;
        if old.at > to_char((now() at time zone 'UTC') - interval '183 days', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') then
          raise exception '审计日志保存不少于183天，不可删除';
        end if;
        return old;
      end $$`.execute(db);
    await sql`create trigger audit_event_append_only before update or delete on audit_event for each row execute function audit_event_guard()`.execute(db);
    await sql`create trigger audit_event_no_truncate before truncate on audit_event for each statement execute function audit_event_guard()`.execute(db);
  } else {
    await sql`create trigger audit_event_no_update before update on audit_event begin select raise(abort, '审计日志不可修改'); end`.execute(db);
    await sql`create trigger audit_event_no_early_delete before delete on audit_event
      when old.at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-183 days')
      begin select raise(abort, '审计日志保存不少于183天，不可删除'); end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_event').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`drop function if exists audit_event_guard()`.execute(db);
}

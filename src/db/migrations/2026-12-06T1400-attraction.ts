// Attraction (招商引资): leads with their 包联领导, dated moves and follow-ups, field history and sent notices; the
// county's attraction targets; news candidates; 三个一批 events numbered, placed and holding leads beside projects.
// Append-only, imports nothing from the app.

import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('lead')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('investor', 'text')
    .addColumn('investor_origin', 'text')
    .addColumn('investor_place', 'text')
    .addColumn('chain', 'text')
    .addColumn('township_code', 'text', (c) => c.references('region.code'))
    .addColumn('unit_id', 'text', (c) => c.references('unit.id'))
    .addColumn('team', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_detail', 'text')
    .addColumn('referrer', 'text')
    .addColumn('intended_amount', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`intended_amount >= 0`))
    .addColumn('contracted_amount', 'bigint', (c) => c.check(sql`contracted_amount >= 0`))
    .addColumn('funds_in_place', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`funds_in_place >= 0`))
    .addColumn('expected_output', 'bigint')
    .addColumn('actual_output', 'bigint')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('sign_kind', 'text')
    .addColumn('terminated_reason', 'text')
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.references('project.id').onDelete('set null'))
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('lead_region_idx').on('lead').columns(['region_code', 'stage']).execute();
  await db.schema.createIndex('lead_project_idx').on('lead').column('project_id').execute();

  await db.schema
    .createTable('lead_leader')
    .addColumn('lead_id', 'text', (c) => c.notNull().references('lead.id').onDelete('cascade'))
    .addColumn('leader_id', 'text', (c) => c.notNull().references('leader.id'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('lead_leader_pk', ['lead_id', 'leader_id'])
    .execute();

  await db.schema
    .createTable('lead_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('lead_id', 'text', (c) => c.notNull().references('lead.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('stage', 'text')
    .addColumn('sign_kind', 'text')
    .addColumn('on_day', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text')
    .addColumn('note', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.references('app_user.id'))
    .execute();
  await db.schema.createIndex('lead_event_lead_idx').on('lead_event').columns(['lead_id', 'on_day']).execute();

  await db.schema
    .createTable('lead_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('lead_id', 'text', (c) => c.notNull().references('lead.id').onDelete('cascade'))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('before_value', 'text')
    .addColumn('after_value', 'text')
    .execute();
  await db.schema.createIndex('lead_history_lead_idx').on('lead_history').columns(['lead_id', 'changed_at']).execute();

  // One row per notice sent, so a timer's notice goes out once however often the calendar runs.
  await db.schema
    .createTable('lead_notice')
    .addColumn('lead_id', 'text', (c) => c.notNull().references('lead.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('lead_notice_pk', ['lead_id', 'kind', 'due_on'])
    .execute();

  await db.schema
    .createTable('attraction_target')
    .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .addColumn('threshold', 'bigint')
    .addColumn('qualifier', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_text', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('app_user.id'))
    .addPrimaryKeyConstraint('attraction_target_pk', ['region_code', 'year', 'key'])
    .execute();

  await db.schema
    .createTable('news_candidate')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
    .addColumn('article_title', 'text', (c) => c.notNull())
    .addColumn('article_date', 'text')
    .addColumn('place_code', 'text')
    .addColumn('place_name', 'text')
    .addColumn('project', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint')
    .addColumn('amount_text', 'text')
    .addColumn('enterprise', 'text')
    .addColumn('sentence', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('lead_id', 'text', (c) => c.references('lead.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('app_user.id'))
    .execute();
  await db.schema.createIndex('news_candidate_region_idx').on('news_candidate').columns(['region_code', 'status']).execute();

  await db.schema.alterTable('batch_event').addColumn('edition', 'integer').execute();
  await db.schema.alterTable('batch_event').addColumn('venue', 'text').execute();
  await db.schema.alterTable('batch_project').addColumn('expected_output', 'bigint').execute();
  await db.schema
    .createTable('batch_lead')
    .addColumn('batch_id', 'text', (c) => c.notNull().references('batch_event.id').onDelete('cascade'))
    .addColumn('lead_id', 'text', (c) => c.notNull().references('lead.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('batch_lead_pk', ['batch_id', 'lead_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('batch_lead').execute();
  await db.schema.alterTable('batch_project').dropColumn('expected_output').execute();
  await db.schema.alterTable('batch_event').dropColumn('venue').execute();
  await db.schema.alterTable('batch_event').dropColumn('edition').execute();
  for (const t of ['news_candidate', 'attraction_target', 'lead_notice', 'lead_history', 'lead_event', 'lead_leader', 'lead']) {
    await db.schema.dropTable(t).execute();
  }
}

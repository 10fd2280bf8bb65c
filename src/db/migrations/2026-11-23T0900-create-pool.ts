// The first schema: regions, units, leaders, accounts, and the project pool with its years, months and history.
// Migrations are append-only and import nothing from the app, so they stay valid as the app changes.

import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('region')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .addColumn('is_zone', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('unit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('township_code', 'text', (c) => c.references('region.code'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('unit_region_name_unique', ['region_code', 'name'])
    .execute();

  await db.schema
    .createTable('leader')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('app_user')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
    .addColumn('unit_id', 'text', (c) => c.references('unit.id'))
    .addColumn('leader_id', 'text', (c) => c.references('leader.id'))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('session')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('project')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('project_code', 'text')
    .addColumn('approval_kind', 'text')
    .addColumn('owner', 'text')
    .addColumn('township_code', 'text', (c) => c.references('region.code'))
    .addColumn('industry_code', 'text')
    .addColumn('chain', 'text')
    .addColumn('construction_type', 'text')
    .addColumn('category', 'text')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('signed_on', 'text')
    .addColumn('land_supplied_on', 'text')
    .addColumn('permit_on', 'text')
    .addColumn('started_on', 'text')
    .addColumn('suspended_on', 'text')
    .addColumn('completed_on', 'text')
    .addColumn('operating_on', 'text')
    .addColumn('total_investment', 'bigint', (c) => c.notNull().check(sql`total_investment >= 0`))
    .addColumn('completed_before', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`completed_before >= 0`))
    .addColumn('stats_entry', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('leader_id', 'text', (c) => c.references('leader.id'))
    .addColumn('unit_id', 'text', (c) => c.references('unit.id'))
    .addColumn('land_area_mu', 'double precision')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('project_region_idx').on('project').columns(['region_code', 'stage']).execute();
  await db.schema.createIndex('project_unit_idx').on('project').column('unit_id').execute();
  await db.schema.createIndex('project_code_idx').on('project').column('project_code').execute();

  await db.schema
    .createTable('project_year')
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('annual_plan', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`annual_plan >= 0`))
    .addColumn('resumed_on', 'text')
    .addPrimaryKeyConstraint('project_year_pk', ['project_id', 'year'])
    .execute();
  await db.schema.createIndex('project_year_year_idx').on('project_year').columns(['year', 'phase', 'project_id']).execute();

  await db.schema
    .createTable('project_month')
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('completed', 'bigint', (c) => c.notNull())
    .addColumn('entered_as', 'text', (c) => c.notNull().defaultTo('month'))
    .addPrimaryKeyConstraint('project_month_pk', ['project_id', 'month'])
    .execute();

  await db.schema
    .createTable('project_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('before_value', 'text')
    .addColumn('after_value', 'text')
    .execute();
  await db.schema.createIndex('project_history_project_idx').on('project_history').columns(['project_id', 'changed_at']).execute();

  await db.schema
    .createTable('batch_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('batch_project')
    .addColumn('batch_id', 'text', (c) => c.notNull().references('batch_event.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('batch_project_pk', ['batch_id', 'project_id', 'kind'])
    .execute();

  await db.schema
    .createTable('fund_application')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount >= 0`))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .execute();

  await db.schema
    .createTable('setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['setting', 'fund_application', 'batch_project', 'batch_event', 'project_history', 'project_month',
    'project_year', 'project', 'session', 'app_user', 'leader', 'unit', 'region']) {
    await db.schema.dropTable(t).execute();
  }
}

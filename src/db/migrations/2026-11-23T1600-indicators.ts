// Economic indicators (经济指标): monthly values with their official growth, annual targets, their decomposition to units
// and leaders, plan curves, and ranks entered by hand. Append-only, imports nothing from the app.
//
// Rates (an official growth, a growth target, a share) are stored exactly as whole millionths of the fraction:
// 14.8% is 0.148 is 148 000; 7.33% is 73 300. Values are whole numbers in the indicator's unit (元, 家, 元/人, 元/亩).

import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // One value per indicator, region and month: the cumulative 1—M月 figure (or the level at the month's end).
  await db.schema
    .createTable('indicator_value')
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('value', 'bigint', (c) => c.notNull().check(sql`value >= 0`))
    .addColumn('official_yoy_ppm', 'bigint', (c) => c.check(sql`official_yoy_ppm > -1000000`))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('app_user.id'))
    .addPrimaryKeyConstraint('indicator_value_pk', ['indicator', 'region_code', 'month'])
    .execute();
  await db.schema.createIndex('indicator_value_region_month').on('indicator_value').columns(['region_code', 'month']).execute();

  // The annual target of an indicator for a region: a growth rate or an absolute value. A township's or zone's
  // target is the county's target decomposed to it.
  await db.schema
    .createTable('indicator_target')
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('growth_ppm', 'bigint')
    .addColumn('amount', 'bigint')
    .addColumn('upper_growth_ppm', 'bigint')
    .addColumn('upper_amount', 'bigint')
    .addColumn('qualifier', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_text', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('app_user.id'))
    .addPrimaryKeyConstraint('indicator_target_pk', ['indicator', 'region_code', 'year'])
    .addCheckConstraint(
      'indicator_target_kind',
      sql`(kind = 'growth' and growth_ppm is not null and amount is null and upper_amount is null)
        or (kind = 'absolute' and amount is not null and growth_ppm is null and upper_growth_ppm is null)`,
    )
    .execute();

  // 指标分解 to the county's units and leaders: an amount in the indicator's unit, or a share of the county's target.
  await db.schema
    .createTable('indicator_assignment')
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('assignee_kind', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint')
    .addColumn('share_ppm', 'bigint')
    .addColumn('note', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('app_user.id'))
    .addPrimaryKeyConstraint('indicator_assignment_pk', ['indicator', 'region_code', 'year', 'assignee_kind', 'assignee_id'])
    .addCheckConstraint('indicator_assignment_figure', sql`amount is not null or share_ppm is not null`)
    .execute();

  // Planned cumulative shares of the year, January to December, for an indicator or a project category.
  await db.schema
    .createTable('indicator_plan_curve')
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('shares_ppm', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('app_user.id'))
    .addPrimaryKeyConstraint('indicator_plan_curve_pk', ['subject_kind', 'subject', 'region_code', 'year'])
    .execute();

  // Ranks published by the city, entered where the deployment does not hold the peers' figures.
  await db.schema
    .createTable('indicator_rank')
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull().references('region.code'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('rank_in_city', 'integer')
    .addColumn('city_peer_count', 'integer')
    .addColumn('rank_among_counties', 'integer')
    .addColumn('county_peer_count', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('app_user.id'))
    .addPrimaryKeyConstraint('indicator_rank_pk', ['indicator', 'region_code', 'month'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('indicator_rank').execute();
  await db.schema.dropTable('indicator_plan_curve').execute();
  await db.schema.dropTable('indicator_assignment').execute();
  await db.schema.dropTable('indicator_target').execute();
  await db.schema.dropIndex('indicator_value_region_month').execute();
  await db.schema.dropTable('indicator_value').execute();
}

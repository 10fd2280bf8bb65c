// A round on today's calendar: how each round's deadline was set, and the reopenings of a closed round for one unit.
// Append-only, imports nothing from the app.

import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // 'calendar' | 'opening' | 'given' | 'extended'; the rounds opened before this column were all set by the calendar or by hand,
  // and which one is no longer known: the calendar is the closer word for them.
  await db.schema.alterTable('round').addColumn('deadline_basis', 'text', (c) => c.notNull().defaultTo('calendar')).execute();

  await db.schema
    .createTable('round_reopening')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('round.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('grace_until', 'text', (c) => c.notNull())
    .addColumn('reopened_at', 'text', (c) => c.notNull())
    .addColumn('reopened_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('relocked_at', 'text')
    .addColumn('relocked_by', 'text', (c) => c.references('app_user.id'))
    .execute();
  // One reopening at a time per unit and round: two dispatchers reopening at once cannot both succeed.
  await db.schema
    .createIndex('round_reopening_active')
    .unique()
    .on('round_reopening')
    .columns(['round_id', 'unit_id'])
    .where(sql.ref('relocked_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('round_reopening').execute();
  await db.schema.alterTable('round').dropColumn('deadline_basis').execute();
}

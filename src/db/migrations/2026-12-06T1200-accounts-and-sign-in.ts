// Accounts and sign-in: a forced change of an initial password, one username whatever its case, sessions that end when
// idle, every sign-in attempt recorded (the lockouts are counted from it), and leaders who retire.
// Append-only, imports nothing from the app.

import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('app_user').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('app_user').addColumn('password_changed_at', 'text').execute();
  // GH-Li and gh-li are one person: no two accounts may differ only in case.
  await db.schema.createIndex('app_user_username_lower').on('app_user').expression(sql`lower(username)`).unique().execute();

  await db.schema.alterTable('session').addColumn('last_seen_at', 'text').execute();
  await db.updateTable('session').set({ last_seen_at: sql`created_at` }).execute();
  await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute();

  await db.schema
    .createTable('sign_in_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    // As typed, normalised: unknown usernames are counted (and locked) like known ones.
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('address', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('sign_in_event_username_idx').on('sign_in_event').columns(['username', 'at']).execute();
  await db.schema.createIndex('sign_in_event_address_idx').on('sign_in_event').columns(['address', 'at']).execute();
  await db.schema.createIndex('sign_in_event_user_idx').on('sign_in_event').columns(['user_id', 'at']).execute();

  await db.schema.alterTable('leader').addColumn('retired_on', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('leader').dropColumn('retired_on').execute();
  await db.schema.dropTable('sign_in_event').execute();
  await db.schema.dropIndex('session_user_idx').execute();
  await db.schema.alterTable('session').dropColumn('last_seen_at').execute();
  await db.schema.dropIndex('app_user_username_lower').execute();
  await db.schema.alterTable('app_user').dropColumn('password_changed_at').execute();
  await db.schema.alterTable('app_user').dropColumn('must_change_password').execute();
}

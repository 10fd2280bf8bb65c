// A covering index for year-to-date sums: both databases answer them from the index without visiting table rows.

import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('project_month_completed_idx').on('project_month').columns(['project_id', 'month', 'completed']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('project_month_completed_idx').execute();
}

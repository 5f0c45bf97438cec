/**
 * Distribution runs: what was collected over a period split among the performers of each line-up, the
 * shares per performer and recording, what is held in suspense and why, and the usage reports each run
 * took (a report is distributed once).
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../migrate.js';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('distribution_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('run_key', 'text', (c) => c.notNull().unique())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('collected_cents', 'bigint', (c) => c.notNull())
    .addColumn('distributed_cents', 'bigint', (c) => c.notNull())
    .addColumn('suspense_cents', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('distribution_reports')
    .addColumn('report_id', 'text', (c) => c.primaryKey().references('usage_reports.id'))
    .addColumn('run_id', 'text', (c) => c.notNull().references('distribution_runs.id'))
    .execute();
  await db.schema
    .createTable('distribution_shares')
    .addColumn('run_id', 'text', (c) => c.notNull().references('distribution_runs.id'))
    .addColumn('performer_id', 'text', (c) => c.notNull())
    .addColumn('recording', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('featured', 'integer', (c) => c.notNull())
    .addColumn('cents', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('distribution_shares_run_idx').on('distribution_shares').columns(['run_id', 'performer_id']).execute();
  await db.schema
    .createTable('distribution_suspense')
    .addColumn('run_id', 'text', (c) => c.notNull().references('distribution_runs.id'))
    .addColumn('recording', 'text', (c) => c.notNull())
    .addColumn('performer_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('cents', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('distribution_suspense_run_idx').on('distribution_suspense').column('run_id').execute();
}

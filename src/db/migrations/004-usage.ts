/**
 * Usage reports of licensees: one row per report (licence, period, currency, revenue, total), one per line
 * (the recording, the uses, units, seconds, the flag when outside the licence, the amount in cents).
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../migrate.js';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('usage_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('licence_id', 'text', (c) => c.notNull().references('licences.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('revenue_cents', 'bigint')
    .addColumn('total_cents', 'bigint', (c) => c.notNull())
    .addColumn('lines', 'integer', (c) => c.notNull())
    .addColumn('flagged', 'integer', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('usage_reports_period_uq', ['licence_id', 'period_from', 'period_to'])
    .execute();
  await db.schema
    .createTable('usage_lines')
    .addColumn('report_id', 'text', (c) => c.notNull().references('usage_reports.id'))
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('isrc', 'text', (c) => c.notNull())
    .addColumn('recording_id', 'text')
    .addColumn('uses', 'text', (c) => c.notNull())
    .addColumn('units', 'bigint', (c) => c.notNull())
    .addColumn('seconds', 'bigint', (c) => c.notNull())
    .addColumn('flag', 'text')
    .addColumn('cents', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_lines_pk', ['report_id', 'line'])
    .execute();
}

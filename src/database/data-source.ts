import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';

export const MFA_DATA_SOURCE = 'sms-mfa';

export interface PoolTimeouts {
  connectMs: number;
  statementMs: number;
}

/**
 * Postgres through `pg`; schema only through migrations, never synchronize.
 * Nothing waits on the database without bound: a pooled connection must come
 * within `connectMs`, a statement ends at `statementMs` on the server and a
 * second later on the client (a database that hangs instead of refusing).
 */
export function mfaDataSourceOptions(url: string, poolSize: number, timeouts?: PoolTimeouts): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [],
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: false,
    extra: poolOptions(poolSize, timeouts),
  };
}

/** `pg` pool options: size, idle time and, given them, the connect and statement timeouts. */
export function poolOptions(poolSize: number, timeouts?: PoolTimeouts) {
  return {
    max: poolSize,
    idleTimeoutMillis: 30_000,
    ...(timeouts && {
      connectionTimeoutMillis: timeouts.connectMs,
      statement_timeout: timeouts.statementMs,
      query_timeout: timeouts.statementMs + 1000,
    }),
  };
}

/** Any advisory-lock key unique to this module: two instances never migrate at once. */
const MIGRATION_LOCK = 734_114_001;

/** Needs two connections in the pool: one holds the lock while TypeORM migrates on another. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const done = await dataSource.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

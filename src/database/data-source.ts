import { DataSource, DataSourceOptions, QueryRunner } from 'typeorm';
import { MIGRATIONS } from '../../migrations';

export const MFA_DATA_SOURCE = 'sms-mfa';

/** The module's own record of applied migrations: a host's `migrations` table stays the host's. */
export const MFA_MIGRATIONS_TABLE = 'mfa_migrations';

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
    migrationsTableName: MFA_MIGRATIONS_TABLE,
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
    await adoptSharedRecord(runner);
    const done = await dataSource.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

/**
 * Up to 0.1 the module recorded its migrations in TypeORM's default
 * `migrations` table. The first run on such a database copies those rows into
 * its own table, so that nothing is applied twice. The old rows stay where
 * they are: a host that lists MFA_MIGRATIONS in its own DataSource still finds
 * them there (docs/upgrading.md).
 */
async function adoptSharedRecord(runner: QueryRunner): Promise<void> {
  const [{ shared, own }] = (await runner.query(
    `SELECT to_regclass('migrations') IS NOT NULL AS shared, to_regclass($1) IS NOT NULL AS own`,
    [MFA_MIGRATIONS_TABLE],
  )) as { shared: boolean; own: boolean }[];
  if (!shared || own) return;
  await runner.query(
    `CREATE TABLE ${MFA_MIGRATIONS_TABLE} (id SERIAL PRIMARY KEY, "timestamp" bigint NOT NULL, name varchar NOT NULL)`,
  );
  await runner.query(
    `INSERT INTO ${MFA_MIGRATIONS_TABLE} ("timestamp", name)
     SELECT "timestamp", name FROM migrations WHERE name = ANY($1) ORDER BY "timestamp"`,
    [MIGRATIONS.map((m) => m.name)],
  );
}

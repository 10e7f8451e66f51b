import { bool, int, text, url } from '../config/env-rules';
import type { CoreSettings } from '../config/core.settings';
import { defineSettings } from '../config/settings';
import { rolledBack } from '../common/db-errors';

/** Where the module's tables are and how it reaches them. */
export interface DatabaseSettings {
  databaseUrl?: string;
  dataDir: string;
  /** Connections in the module's pool. */
  databasePoolSize: number;
  /** Apply pending migrations at start-up (false for hosts that migrate in their pipeline). */
  migrationsRun: boolean;
  /** How long to wait for a pooled connection (or a new one) before the request fails with 503. */
  databaseConnectTimeoutMs: number;
  /** Server-side statement_timeout; the client gives up a second later. */
  databaseStatementTimeoutMs: number;
  /** The most concurrent writes of one kind written together in one statement. */
  databaseBatchMaxItems: number;
  /** How long an idle write waits for others to join its batch (µs; 0: a lone write goes at once). */
  databaseBatchWaitMicros: number;
  /** How many batches of one kind of write may be in flight at once. */
  databaseBatchInFlight: number;
}

export const DATABASE_SETTINGS = defineSettings<DatabaseSettings, CoreSettings>({
  title: 'Database',
  fields: {
    databaseUrl: {
      env: 'DATABASE_URL',
      rule: url(['postgres', 'postgresql']),
      secret: true,
      doc: 'Postgres URL. Unset: embedded Postgres (PGlite) in `DATA_DIR`, on a private Unix socket (development only: required in production)',
    },
    dataDir: { env: 'DATA_DIR', rule: text(), default: './.data', doc: 'where the embedded database lives' },
    databasePoolSize: { env: 'DATABASE_POOL_SIZE', rule: int(2, 200), default: 20, doc: "connections in the module's pool" },
    migrationsRun: {
      env: 'MFA_MIGRATIONS_RUN',
      rule: bool(),
      default: true,
      doc: 'apply pending migrations at start-up (under an advisory lock). `false`: the host migrates first, with `npx nest-sms-mfa migrate` or `MFA_MIGRATIONS` in its own DataSource',
    },
    databaseConnectTimeoutMs: {
      env: 'DATABASE_CONNECT_TIMEOUT_MS',
      rule: int(100, 60_000),
      default: 3000,
      doc: 'longest wait for a connection, then 503',
    },
    databaseStatementTimeoutMs: {
      env: 'DATABASE_STATEMENT_TIMEOUT_MS',
      rule: int(100, 600_000),
      default: 10_000,
      doc: 'longest statement (server `statement_timeout`; the client gives up a second later), then 503',
    },
    databaseBatchMaxItems: {
      env: 'DATABASE_BATCH_MAX_ITEMS',
      rule: int(1, 1000),
      default: 64,
      doc: 'most concurrent writes of one kind (issues, accepted sends, verify attempts, consumes) written together in one statement, while one is in flight (group commit); 1 with `DATABASE_BATCH_IN_FLIGHT=16` writes each alone, in parallel (no batching)',
    },
    databaseBatchInFlight: {
      env: 'DATABASE_BATCH_IN_FLIGHT',
      rule: int(1, 16),
      default: 1,
      doc: 'batches of one kind of write in flight at once, each on its own connection (a call that finds them all busy joins the next batch); on 2 cores 2 measured no faster than 1',
    },
    databaseBatchWaitMicros: {
      env: 'DATABASE_BATCH_WAIT_US',
      rule: int(0, 10_000),
      default: 0,
      doc: 'how long an idle write waits for company before it goes (µs, rounded to the timer); 0: a lone request goes at once',
    },
  },
  check(c, problems) {
    if (c.production && !c.databaseUrl)
      problems.push('DATABASE_URL must be set when NODE_ENV=production (the embedded database is for development)');
  },
});

/** What the database feature reads: its own settings. */
export const DATABASE_CONFIG = Symbol('DATABASE_CONFIG');
export type DatabaseConfig = DatabaseSettings;
export const DATABASE_CONFIG_KEYS = Object.keys(DATABASE_SETTINGS.fields) as (keyof DatabaseConfig)[];

/** How concurrent writes are batched (group commit): what the batching writers read. */
export const DB_BATCH_CONFIG = Symbol('DB_BATCH_CONFIG');
export type DbBatchConfig = Pick<DatabaseConfig, 'databaseBatchMaxItems' | 'databaseBatchWaitMicros' | 'databaseBatchInFlight'>;
export const DB_BATCH_CONFIG_KEYS: (keyof DbBatchConfig)[] = ['databaseBatchMaxItems', 'databaseBatchWaitMicros', 'databaseBatchInFlight'];

/**
 * A database Batcher's options from the settings (the Batcher's defaults
 * without them): a batch that fails with an error the server reported (so
 * nothing of it was stored) is written again item by item.
 */
export const batchOptions = (c?: DbBatchConfig) => ({
  ...(c && { maxItems: c.databaseBatchMaxItems, waitMicros: c.databaseBatchWaitMicros, maxInFlight: c.databaseBatchInFlight }),
  splitOnError: rolledBack,
});

import { bool, int, text, url } from '../config/env-rules';
import type { CoreSettings } from '../config/core.settings';
import { defineSettings } from '../config/settings';

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

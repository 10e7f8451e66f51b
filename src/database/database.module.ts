import { Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { configSlice } from '../config/settings';
import { DATABASE_CONFIG, DATABASE_CONFIG_KEYS, type DatabaseConfig } from './database.config';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';
import { MFA_DATA_SOURCE, mfaDataSourceOptions, poolOptions, runMigrations } from './data-source';

/** The module's own `pg` pool: every repository statement goes through it (see MfaDb). */
export const MFA_PG_POOL = Symbol('MFA_PG_POOL');

/**
 * Where the database is (DATABASE_URL, or an embedded Postgres started here)
 * and the module's `pg` pool on it; on shutdown, the pool closes before the
 * embedded database stops.
 */
@Injectable()
export class DatabaseConnections implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private embedded?: Promise<EmbeddedPostgres>;
  private pool?: Promise<Pool>;

  constructor(@Inject(DATABASE_CONFIG) private readonly config: DatabaseConfig) {}

  async url(): Promise<string> {
    if (this.config.databaseUrl) return this.config.databaseUrl;
    this.embedded ??= startEmbeddedPostgres(this.config.dataDir, this.config.databasePoolSize + 4).then((db) => {
      this.logger.log(`DATABASE_URL not set: embedded Postgres (PGlite) in ${this.config.dataDir}`);
      return db;
    });
    return (await this.embedded).url;
  }

  /** One pool per app, with the connect and statement timeouts (a hanging database is not waited on without bound). */
  connect(): Promise<Pool> {
    this.pool ??= this.url().then((url) => {
      const pool = new Pool({
        connectionString: url,
        ...poolOptions(this.config.databasePoolSize, {
          connectMs: this.config.databaseConnectTimeoutMs,
          statementMs: this.config.databaseStatementTimeoutMs,
        }),
      });
      // An idle connection that the server drops is an event, not a crash: the pool replaces it.
      pool.on('error', (err) => this.logger.warn(`idle database connection lost: ${err.message}`));
      return pool;
    });
    return this.pool;
  }

  async onApplicationShutdown(): Promise<void> {
    await (await this.pool)?.end().catch(() => undefined);
    await (await this.embedded)?.stop();
    this.pool = undefined;
    this.embedded = undefined;
  }
}

@Module({
  providers: [configSlice(DATABASE_CONFIG, DATABASE_CONFIG_KEYS), DatabaseConnections],
  exports: [DATABASE_CONFIG, DatabaseConnections],
})
export class DatabaseConnectionsModule {}

/** The pool behind its own token, for MfaDb (and nothing reaches into TypeORM's driver). */
@Module({
  imports: [DatabaseConnectionsModule],
  providers: [{ provide: MFA_PG_POOL, inject: [DatabaseConnections], useFactory: (c: DatabaseConnections) => c.connect() }],
  exports: [MFA_PG_POOL],
})
export class PgPoolModule {}

@Module({})
export class DatabaseModule {
  /**
   * TypeORM as the migration runner (and the health ping), on two connections:
   * one holds the migration lock while the other migrates. Migrations run at
   * start-up unless MFA_MIGRATIONS_RUN=false (a host with its own pipeline runs
   * `npm run migration:run`).
   */
  static register() {
    return TypeOrmModule.forRootAsync({
      name: MFA_DATA_SOURCE,
      imports: [DatabaseConnectionsModule],
      inject: [DatabaseConnections, DATABASE_CONFIG],
      // `migrationsRun` carries MFA_MIGRATIONS_RUN: they run under our advisory lock below, not TypeORM's way.
      useFactory: async (connections: DatabaseConnections, config: DatabaseConfig) => ({
        ...mfaDataSourceOptions(await connections.url(), 2),
        migrationsRun: config.migrationsRun,
      }),
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource({ ...options!, migrationsRun: false }).initialize();
        if (options!.migrationsRun) {
          const applied = await runMigrations(dataSource);
          if (applied.length) new Logger('Database').log(`Applied migrations: ${applied.join(', ')}`);
        }
        return dataSource;
      },
    });
  }
}

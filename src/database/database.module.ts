import { Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MFA_CONFIG, type MfaConfig } from '../config/mfa-config';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';
import { MFA_DATA_SOURCE, mfaDataSourceOptions, runMigrations } from './data-source';

/** Resolves where the database is: DATABASE_URL, or an embedded Postgres started here. */
@Injectable()
export class DatabaseLocator implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private embedded?: EmbeddedPostgres;

  constructor(@Inject(MFA_CONFIG) private readonly config: MfaConfig) {}

  async url(): Promise<string> {
    if (this.config.databaseUrl) return this.config.databaseUrl;
    this.embedded ??= await startEmbeddedPostgres(this.config.dataDir, this.config.databasePoolSize);
    this.logger.log(`DATABASE_URL not set: embedded Postgres (PGlite) in ${this.config.dataDir}`);
    return this.embedded.url;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.embedded?.stop();
    this.embedded = undefined;
  }
}

@Module({})
export class DatabaseModule {
  /** Needs MFA_CONFIG in scope (MfaConfigModule is global within the module tree). */
  static register() {
    return TypeOrmModule.forRootAsync({
      name: MFA_DATA_SOURCE,
      inject: [MFA_CONFIG, DatabaseLocator],
      extraProviders: [DatabaseLocator],
      useFactory: async (config: MfaConfig, locator: DatabaseLocator) =>
        mfaDataSourceOptions(await locator.url(), config.databasePoolSize, {
          connectMs: config.databaseConnectTimeoutMs,
          statementMs: config.databaseStatementTimeoutMs,
        }),
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options!).initialize();
        const applied = await runMigrations(dataSource);
        if (applied.length) new Logger('Database').log(`Applied migrations: ${applied.join(', ')}`);
        return dataSource;
      },
    });
  }
}

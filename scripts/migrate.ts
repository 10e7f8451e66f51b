import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadMfaConfig } from '../src/sms-mfa.settings';
import { ConfigError } from '../src/config/settings';
import { mfaDataSourceOptions, runMigrations } from '../src/database/data-source';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';

/** `npm run migration:run`: applies pending migrations to DATABASE_URL, or to the embedded database in DATA_DIR. */
async function main(): Promise<void> {
  const config = loadMfaConfig(process.env);
  // Two connections: one holds the migration lock while TypeORM migrates on the other.
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir, 2);
  const dataSource = await new DataSource(mfaDataSourceOptions(config.databaseUrl ?? embedded!.url, 2)).initialize();
  try {
    const applied = await runMigrations(dataSource);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Schema is up to date.');
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});

import { after, before } from 'node:test';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { mfaDataSourceOptions, runMigrations } from '../../src/database/data-source';
import { MfaDb } from '../../src/database/mfa-db';
import { createTestDatabase, TestDatabase } from './database';

/**
 * The repository tier: a fresh database built by the migrations, and MfaDb on
 * a pool of its own — no Nest, no HTTP — where the atomic statements are raced.
 */
export function useRepositoryDb() {
  const fixture = {} as { db: MfaDb; pool: Pool; database: TestDatabase };
  before(async () => {
    fixture.database = await createTestDatabase();
    const dataSource = await new DataSource(mfaDataSourceOptions(fixture.database.url, 2)).initialize();
    await runMigrations(dataSource);
    await dataSource.destroy();
    fixture.pool = new Pool({ connectionString: fixture.database.url, max: 20 });
    fixture.pool.on('error', () => undefined); // idle connections closed by the database's drop
    fixture.db = new MfaDb(fixture.pool);
    await fixture.db.onModuleInit();
  });
  after(async () => {
    await fixture.pool?.end();
    await fixture.database?.drop();
  });
  return fixture;
}

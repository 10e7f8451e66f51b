import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DataSource } from 'typeorm';

/** The host's own schema: a table of its own, in its own migrations table. */
export class CreateHostNotes1800000000000 implements MigrationInterface {
  name = 'CreateHostNotes1800000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE host_notes (id serial PRIMARY KEY, owner text NOT NULL, body text NOT NULL)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE host_notes`);
  }
}

/** The host's DataSource: its migrations only. The module keeps its own record (mfa_migrations). */
export function hostDataSource(url: string): DataSource {
  return new DataSource({ type: 'postgres', url, migrations: [CreateHostNotes1800000000000], synchronize: false, logging: false });
}

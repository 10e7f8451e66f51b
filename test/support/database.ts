import { randomBytes } from 'node:crypto';
import { after, before } from 'node:test';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';

/**
 * Without DATABASE_URL the tests run on PGlite, which serves every connection
 * from one session: advisory locks are re-entrant there and cannot keep two
 * "instances" apart (nor can two processes share an embedded database).
 */
export const EMBEDDED = !process.env.DATABASE_URL;
export const ONE_SESSION_REASON = 'PGlite serves all connections from one session: advisory locks cannot exclude';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file: a throwaway database on the
 * server named by DATABASE_URL (CI: the machine's Postgres), or, when it is
 * unset, an in-memory embedded Postgres. The app's migrations create the schema.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const embedded = await startEmbeddedPostgres(undefined, 40);
    return { url: embedded.url, drop: () => embedded.stop() };
  }
  const name = `mfa_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withClient(base, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await withClient(base, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

export async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh database for the enclosing suite: created before its tests, dropped after. Read `.url` inside tests. */
export function suiteDatabase(): { readonly url: string } {
  let db: TestDatabase | undefined;
  before(async () => {
    db = await createTestDatabase();
  });
  after(async () => {
    await db?.drop();
  });
  return {
    get url() {
      if (!db) throw new Error('the suite database is created in before()');
      return db.url;
    },
  };
}

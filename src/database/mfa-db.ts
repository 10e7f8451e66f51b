import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { Pool } from 'pg';
import { MFA_PG_POOL } from './database.module';

/** A statement on one connection; as with MfaDb.query, a caller that reads the rows declares their type. */
export type Queryable = <T = unknown>(text: string, params?: unknown[]) => Promise<T[]>;

/**
 * The SQL seam of the repositories: the module's own `pg` pool (MFA_PG_POOL),
 * queried directly. One shape of result for every statement (rows),
 * and no ORM work on the hot paths, where each request is one or two statements.
 */
@Injectable()
export class MfaDb implements OnModuleInit {
  /** Off on PGlite: its socket server multiplexes every connection onto one session, where names would collide. */
  private namedStatements = true;

  constructor(@Inject(MFA_PG_POOL) private readonly pool: Pool) {}

  private readonly names = new Map<string, string>();

  async onModuleInit(): Promise<void> {
    const [{ version }] = (await this.pool.query('SELECT version()')).rows;
    this.namedStatements = !String(version).includes('PGlite');
  }

  /**
   * Every statement of the repositories is a constant text, so each is sent as
   * a named prepared statement: Postgres parses and plans it once per
   * connection instead of once per request. T is the row type the caller
   * declares for what it reads; undeclared, rows are `unknown`.
   */
  async query<T = unknown>(text: string, params: unknown[] = []): Promise<T[]> {
    if (!this.namedStatements) return (await this.pool.query(text, params)).rows as T[];
    let name = this.names.get(text);
    if (!name) {
      name = `mfa_${this.names.size + 1}`;
      this.names.set(text, name);
    }
    return (await this.pool.query({ name, text, values: params })).rows as T[];
  }

  /** Runs `work` on one connection, each statement committing on its own (session-level locks, batches). */
  async session<T>(work: (query: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      return await work(async <R>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as R[]);
    } finally {
      client.release();
    }
  }

  /** Runs `work` in one transaction on one connection (for the rare multi-statement operations). */
  async transaction<T>(work: (query: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(async <R>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as R[]);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
}

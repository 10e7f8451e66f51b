import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { MFA_DATA_SOURCE } from './data-source';

/**
 * The SQL seam of the repositories: the `pg` pool of the module's TypeORM data
 * source, queried directly. One shape of result for every statement (rows),
 * and no ORM work on the hot paths, where each request is one or two statements.
 */
@Injectable()
export class MfaDb {
  private readonly pool: Pool;

  constructor(@InjectDataSource(MFA_DATA_SOURCE) dataSource: DataSource) {
    this.pool = (dataSource.driver as PostgresDriver).master as Pool;
  }

  private readonly names = new Map<string, string>();

  /**
   * Every statement of the repositories is a constant text, so each is sent as
   * a named prepared statement: Postgres parses and plans it once per
   * connection instead of once per request.
   */
  async query<T = Record<string, any>>(text: string, params: unknown[] = []): Promise<T[]> {
    let name = this.names.get(text);
    if (!name) {
      name = `mfa_${this.names.size + 1}`;
      this.names.set(text, name);
    }
    return (await this.pool.query({ name, text, values: params })).rows as T[];
  }
}

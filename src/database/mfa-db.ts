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

  async query<T = Record<string, any>>(text: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(text, params)).rows as T[];
  }
}

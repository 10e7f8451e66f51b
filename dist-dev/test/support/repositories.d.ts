import { Pool } from 'pg';
import { MfaDb } from '../../src/database/mfa-db';
import { TestDatabase } from './database';
export declare function useRepositoryDb(): {
    db: MfaDb;
    pool: Pool;
    database: TestDatabase;
};

import { DataSource, DataSourceOptions } from 'typeorm';
export declare const MFA_DATA_SOURCE = "sms-mfa";
export declare const MFA_MIGRATIONS_TABLE = "mfa_migrations";
export interface PoolTimeouts {
    connectMs: number;
    statementMs: number;
}
export declare function mfaDataSourceOptions(url: string, poolSize: number, timeouts?: PoolTimeouts): DataSourceOptions;
export declare function poolOptions(poolSize: number, timeouts?: PoolTimeouts): {
    connectionTimeoutMillis?: number | undefined;
    statement_timeout?: number | undefined;
    query_timeout?: number | undefined;
    max: number;
    idleTimeoutMillis: number;
};
export declare function runMigrations(dataSource: DataSource): Promise<string[]>;

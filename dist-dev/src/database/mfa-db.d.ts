import { OnModuleInit } from '@nestjs/common';
import type { Pool } from 'pg';
export type Queryable = <T = unknown>(text: string, params?: unknown[]) => Promise<T[]>;
export declare class MfaDb implements OnModuleInit {
    private readonly pool;
    private namedStatements;
    constructor(pool: Pool);
    private readonly names;
    onModuleInit(): Promise<void>;
    query<T = unknown>(text: string, params?: unknown[]): Promise<T[]>;
    session<T>(work: (query: Queryable) => Promise<T>): Promise<T>;
    transaction<T>(work: (query: Queryable) => Promise<T>): Promise<T>;
}

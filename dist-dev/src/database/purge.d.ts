import type { Queryable } from './mfa-db';
export declare function purgeBatch(query: Queryable, table: string, where: string, limit: number, params: unknown[]): Promise<number>;

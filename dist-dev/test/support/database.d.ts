import { Client } from 'pg';
export declare const EMBEDDED: boolean;
export declare const ONE_SESSION_REASON = "PGlite serves all connections from one session: advisory locks cannot exclude";
export interface TestDatabase {
    url: string;
    drop(): Promise<void>;
}
export declare function createTestDatabase(): Promise<TestDatabase>;
export declare function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T>;
export declare function suiteDatabase(): {
    readonly url: string;
};

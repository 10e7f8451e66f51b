export interface EmbeddedPostgres {
    url: string;
    stop(): Promise<void>;
}
export declare function startEmbeddedPostgres(dataDir: string | undefined, maxConnections: number): Promise<EmbeddedPostgres>;

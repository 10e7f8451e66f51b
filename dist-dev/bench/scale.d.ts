export declare function preload(databaseUrl: string, sendLogRows: number, challenges: number): Promise<number>;
export declare function checkpoint(databaseUrl: string): Promise<void>;

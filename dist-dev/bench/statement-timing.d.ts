export interface StatementTime {
    statement: string;
    count: number;
    meanMs: number;
}
export declare function timeStatements(run: () => Promise<void>): Promise<StatementTime[]>;

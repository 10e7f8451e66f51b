export interface PhaseResult {
    ops: number;
    p50: number;
    p95: number;
    p99: number;
    errors: number;
    count: number;
    firstError?: string;
}
export declare function summarise(latenciesMs: number[], elapsedMs: number, errors: number): PhaseResult;
export declare function runPhase(total: number, concurrency: number, op: (i: number) => Promise<boolean>): Promise<PhaseResult>;

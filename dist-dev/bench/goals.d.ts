import type { PeerResults } from './peer';
import type { PhaseResult } from './stats';
export interface GoalRow {
    goal: string;
    ours: number;
    versus?: number;
    ratio: number;
    target: string;
    met: boolean;
}
type Levels = Record<string, PhaseResult>;
export interface OurResults {
    send: Levels;
    verify: Levels;
}
export interface ScaleResults {
    rows: number;
    challenges: number;
    preloadSeconds: number;
    send: PhaseResult;
    verify: PhaseResult;
    sendC32: PhaseResult;
    sendDuringCleanup: PhaseResult;
    cleanupSeconds: number;
    cleanedRows: number;
}
export declare function goalRows(ours: OurResults, peer: PeerResults | undefined, scale: ScaleResults | undefined, peakRssMb: number, adapters: Record<string, OurResults>): GoalRow[];
export declare function printGoals(rows: GoalRow[]): void;
export {};

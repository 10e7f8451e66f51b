export interface PeerPhase {
    ops: number;
    p50: number;
    p95: number;
    p99: number;
}
export type PeerResults = Record<'send' | 'verify', Record<string, PeerPhase>>;
export declare function runPeer(folder: string): Promise<PeerResults>;

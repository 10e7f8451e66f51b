export interface PhaseRequest {
    total: number;
    concurrency: number;
    path: string;
    tokens: string[];
    bodies: unknown[];
    ips: string[];
    expectStatus: number;
}

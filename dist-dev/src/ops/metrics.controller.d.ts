import { MfaMetrics } from '../metrics/mfa-metrics';
export declare class MetricsController {
    private readonly metrics;
    constructor(metrics: MfaMetrics);
    scrape(): Promise<string>;
}

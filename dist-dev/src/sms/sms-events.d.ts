import { MfaMetrics } from '../metrics/mfa-metrics';
import type { ProviderError, SendResult } from './providers/sms-provider';
export declare class SmsEvents {
    private readonly metrics;
    private readonly logger;
    constructor(metrics: MfaMetrics);
    sent(provider: string, result: SendResult): void;
    failed(provider: string, failure: ProviderError): void;
    acceptanceUnrecorded(provider: string): void;
    failedOver(from: string, to: string): void;
    budgetSpent(provider: string): void;
    circuitChanged(provider: string, circuit: 'closed' | 'open' | 'half-open'): void;
    providerReady(provider: string, enabled: boolean): void;
}

import { BeforeApplicationShutdown } from '@nestjs/common';
import { MfaMetrics } from '../metrics/mfa-metrics';
import { SmsProvider } from './providers/sms-provider';
import type { AcceptedDelivery } from '../challenges/challenges.repository';
export declare class ConversionFeedback implements BeforeApplicationShutdown {
    private readonly metrics;
    private readonly logger;
    private readonly byName;
    private readonly tasks;
    constructor(providers: SmsProvider[], metrics: MfaMetrics);
    converted(delivery: AcceptedDelivery | undefined): void;
    beforeApplicationShutdown(): Promise<void>;
    settled(): Promise<void>;
    private tell;
}

import { MfaMetrics } from '../metrics/mfa-metrics';
import { SpendGuard } from '../sms/pricing/spend-guard';
import { DeliveryStatus, SendLogRepository } from '../sms/send-log.repository';
import { VoiceFallback } from '../sms/voice-fallback.service';
export interface DeliveryReport {
    provider: string;
    messageId: string;
    status?: DeliveryStatus;
    errorCode?: string;
    priceUsd?: number;
    unreached?: boolean;
}
export declare class DeliveryService {
    private readonly sendLog;
    private readonly metrics;
    private readonly spend;
    private readonly fallback;
    constructor(sendLog: SendLogRepository, metrics: MfaMetrics, spend: SpendGuard, fallback: VoiceFallback);
    report({ provider, messageId, status, errorCode, priceUsd, unreached }: DeliveryReport): Promise<void>;
}

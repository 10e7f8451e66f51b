import { Clock } from '../common/clock';
import { MfaError } from '../common/mfa-error';
import { type SmsConfig } from './sms.config';
import { PriceBook } from './pricing/price-book';
import { ProviderBudgets } from './provider-budgets';
import { SendLogRepository } from './send-log.repository';
import { Channel, SendResult, SmsMessage, SmsProvider } from './providers/sms-provider';
import { SmsEvents } from './sms-events';
export interface DeliveryContext {
    challengeId: string;
    userId: string;
    country?: string;
    firstAttempt?: {
        attemptId: string;
        provider: string;
    };
    encoding: string;
    segments: number;
    expiresAt: Date;
    reason?: string;
}
export type OutgoingMessage = Omit<SmsMessage, 'validitySeconds'>;
export declare class DeliveryFailed extends Error {
    readonly error: MfaError;
    readonly refund: boolean;
    constructor(error: MfaError, refund: boolean);
}
export interface Delivery {
    provider: string;
    channel: Channel;
    attempts: number;
    result: SendResult;
    costUsd: number;
}
export interface ProviderState {
    name: string;
    enabled: boolean;
    priority: number;
    circuit: 'closed' | 'open' | 'half-open';
    channels: Partial<Record<Channel, 'closed' | 'open' | 'half-open'>>;
}
export declare class SmsSender {
    private readonly config;
    private readonly clock;
    private readonly sendLog;
    private readonly budgets;
    private readonly events;
    private readonly prices;
    private readonly logger;
    private readonly all;
    private readonly routes;
    private readonly costOrder;
    constructor(providers: SmsProvider[], config: SmsConfig, clock: Clock, sendLog: SendLogRepository, budgets: ProviderBudgets, events: SmsEvents, prices: PriceBook);
    providerStates(): ProviderState[];
    private limits;
    private routeLimits;
    priceLabels(channel: Channel): string[];
    private order;
    firstCandidate(country: string | undefined, channel?: Channel): string;
    deliver(outgoing: OutgoingMessage, ctx: DeliveryContext): Promise<Delivery>;
    private recordAccepted;
    private callable;
    private take;
    private sendWithDeadline;
}

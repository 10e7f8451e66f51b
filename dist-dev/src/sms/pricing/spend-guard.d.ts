import { Clock } from '../../common/clock';
import { type SmsConfig } from '../sms.config';
import { MfaMetrics } from '../../metrics/mfa-metrics';
import { PriceBook } from './price-book';
import { SpendRepository } from './spend.repository';
export interface SpendReservation {
    day: string;
    scopes: string[];
    amount: number;
}
export declare const ALL_DESTINATIONS = "*";
export declare class SpendGuard {
    private readonly config;
    private readonly clock;
    private readonly prices;
    private readonly spend;
    private readonly metrics;
    constructor(config: SmsConfig, clock: Clock, prices: PriceBook, spend: SpendRepository, metrics: MfaMetrics);
    caps(country: string | undefined): {
        scopes: string[];
        caps: number[];
    };
    reserve(country: string | undefined, worstCase: () => number): Promise<SpendReservation | undefined>;
    release(reservation: SpendReservation | undefined): Promise<void>;
    settle(reservation: SpendReservation | undefined, country: string | undefined, costUsd: number): Promise<void>;
    correct(country: string | undefined, at: Date, deltaUsd: number): Promise<void>;
    private countSpend;
}
export declare function utcDay(at: Date): string;

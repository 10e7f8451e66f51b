import { BeforeApplicationShutdown } from '@nestjs/common';
import { ChallengesRepository } from '../challenges/challenges.repository';
import { Clock } from '../common/clock';
import { MfaEvents } from '../common/mfa-events';
import { MfaMetrics } from '../metrics/mfa-metrics';
import { CountryRulesRepository } from '../phone/country-rules.repository';
import { OptOutsRepository } from './opt-outs.repository';
import { SmsCodeDispatch } from './sms-code-dispatch.service';
import { type SmsConfig } from './sms.config';
export declare const FALLBACK_UNDELIVERED = "fallback:undelivered";
export declare class VoiceFallback implements BeforeApplicationShutdown {
    private readonly config;
    private readonly clock;
    private readonly challenges;
    private readonly dispatch;
    private readonly optOuts;
    private readonly countryRules;
    private readonly events;
    private readonly metrics;
    private readonly logger;
    private readonly tasks;
    constructor(config: SmsConfig, clock: Clock, challenges: ChallengesRepository, dispatch: SmsCodeDispatch, optOuts: OptOutsRepository, countryRules: CountryRulesRepository, events: MfaEvents, metrics: MfaMetrics);
    afterUndelivered(challengeId: string): void;
    beforeApplicationShutdown(): Promise<void>;
    settled(): Promise<void>;
    private fallBack;
}

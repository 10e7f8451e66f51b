import { ChallengeService } from '../challenges/challenge.service';
import { Clock } from '../common/clock';
import type { ChallengePurpose } from '../challenges/challenges.repository';
import { type SmsConfig } from './sms.config';
import { FraudGuard } from '../fraud/fraud-guard.service';
import type { CountryVerdictInput } from '../phone/country-rules.repository';
import { PhoneNumber } from '../phone/phone-number';
import { SmsSender } from './sms-sender.service';
import type { Channel } from './providers/sms-provider';
import { PriceBook } from './pricing/price-book';
import { SpendGuard } from './pricing/spend-guard';
import { MessageRenderer } from './templates/message-renderer';
import { MfaEvents } from '../common/mfa-events';
import type { RequestContext, SmsChallengeResult } from '../mfa/mfa.types';
export interface DispatchRequest {
    userId: string;
    channel: Channel;
    fixedLine?: boolean;
    phone: PhoneNumber;
    purpose: ChallengePurpose;
    context: RequestContext;
    optedOut: boolean;
    countryRules: CountryVerdictInput;
    withStatistics: boolean;
    locales: (string | undefined)[];
    clientKey?: string;
}
export interface Screened extends DispatchRequest {
    prefix: string;
    maskedPhone: string;
    fixedCode?: string;
}
export declare const FALLBACK_NO_PROVIDER = "fallback:no_provider";
export type SentCode = SmsChallengeResult & {
    factorId: string;
};
export declare class SmsCodeDispatch {
    private readonly challenges;
    private readonly sender;
    private readonly renderer;
    private readonly fraud;
    private readonly events;
    private readonly config;
    private readonly clock;
    private readonly spend;
    private readonly prices;
    private readonly logger;
    constructor(challenges: ChallengeService, sender: SmsSender, renderer: MessageRenderer, fraud: FraudGuard, events: MfaEvents, config: SmsConfig, clock: Clock, spend: SpendGuard, prices: PriceBook);
    offered(channel: string | undefined): Channel;
    screen(req: DispatchRequest): Promise<Screened>;
    send(req: Screened, factorId?: string, reason?: string): Promise<SentCode>;
    private fallsBackToVoice;
    private reserve;
    private deliver;
    private withdraw;
    private sent;
}

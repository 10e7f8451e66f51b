import { AssuranceService, AssuranceView } from '../../assurance/assurance.service';
import { ChallengeService } from '../../challenges/challenge.service';
import { Clock } from '../../common/clock';
import { MfaEvents } from '../../common/mfa-events';
import { type MfaFactorsConfig } from '../mfa.config';
import { FraudGuard } from '../../fraud/fraud-guard.service';
import { MfaMetrics } from '../../metrics/mfa-metrics';
import { CountryRulesRepository } from '../../phone/country-rules.repository';
import { OptOutsRepository } from '../../sms/opt-outs.repository';
import { SmsCodeDispatch } from '../../sms/sms-code-dispatch.service';
import { ConversionFeedback } from '../../sms/conversion-feedback.service';
import type { MfaUser, RequestContext, SmsChallengeResult, SmsEnrollmentResult } from '../mfa.types';
import { SmsFactorsRepository } from './sms-factors.repository';
export declare class SmsFactorService {
    private readonly config;
    private readonly clock;
    private readonly factors;
    private readonly challenges;
    private readonly dispatch;
    private readonly optOuts;
    private readonly countryRules;
    private readonly fraud;
    private readonly assurance;
    private readonly events;
    private readonly metrics;
    private readonly feedback;
    constructor(config: MfaFactorsConfig, clock: Clock, factors: SmsFactorsRepository, challenges: ChallengeService, dispatch: SmsCodeDispatch, optOuts: OptOutsRepository, countryRules: CountryRulesRepository, fraud: FraudGuard, assurance: AssuranceService, events: MfaEvents, metrics: MfaMetrics, feedback: ConversionFeedback);
    enroll(user: MfaUser, phoneNumber: string, context: RequestContext, channel?: string): Promise<SmsEnrollmentResult>;
    verifyEnrollment(user: MfaUser, code: string, context: RequestContext): Promise<{
        factorId: string;
        verified: true;
    } & AssuranceView>;
    challenge(user: MfaUser, phoneNumber: string | undefined, context: RequestContext, channel?: string): Promise<SmsChallengeResult>;
    verify(user: MfaUser, code: string, context: RequestContext): Promise<AssuranceView>;
    private observed;
    private parseForEnrolment;
    private assertEnabled;
}

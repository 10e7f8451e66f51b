import { AssuranceService, AssuranceView } from '../../assurance/assurance.service';
import { Clock } from '../../common/clock';
import { type MfaFactorsConfig } from '../mfa.config';
import { FailureRunsRepository } from '../../rate-limit/failure-runs.repository';
import { MfaEvents } from '../../common/mfa-events';
import type { MfaUser, RequestContext } from '../mfa.types';
import { TotpFactorsRepository } from './totp-factors.repository';
export declare const TOTP_PARAMS: {
    readonly algorithm: "SHA1";
    readonly digits: 6;
    readonly period: 30;
};
export interface TotpEnrollment {
    factorId: string;
    secret: string;
    otpauthUrl: string;
}
export declare class TotpService {
    private readonly config;
    private readonly clock;
    private readonly factors;
    private readonly failureRuns;
    private readonly assurance;
    private readonly events;
    private readonly logger;
    private readonly box;
    private readonly unopenedLogged;
    constructor(config: MfaFactorsConfig, clock: Clock, factors: TotpFactorsRepository, failureRuns: FailureRunsRepository, assurance: AssuranceService, events: MfaEvents);
    enroll(user: MfaUser, label?: string): Promise<TotpEnrollment>;
    activate(user: MfaUser, code: string): Promise<{
        factorId: string;
        assurance: AssuranceView;
    }>;
    verify(user: MfaUser, code: string, context?: RequestContext): Promise<{
        factorId: string;
        assurance: AssuranceView;
    }>;
    private check;
    private openSecret;
    private totp;
}

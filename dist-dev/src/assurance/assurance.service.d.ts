import { EventEmitter2 } from '@nestjs/event-emitter';
import { Clock } from '../common/clock';
import { MfaError } from '../common/mfa-error';
import { type AssuranceConfig } from './assurance.config';
import type { MfaUser } from '../mfa/mfa.types';
import { AssuranceRepository, AssuranceRow } from './assurance.repository';
export type AssuranceLevel = 'aal1' | 'aal2';
export type AssuranceMethod = 'sms' | 'totp' | 'recovery_code';
export interface AssuranceView {
    aal: AssuranceLevel;
    methods: string[];
    verifiedAt: Date | null;
    expiresAt: Date | null;
}
export interface AssuranceRaise {
    session: Buffer | null;
    method: AssuranceMethod;
    now: Date;
    expiresAt: Date;
}
export interface StepUpCheck {
    session: Buffer | null;
    since: Date;
}
export declare class AssuranceService {
    private readonly repository;
    private readonly emitter;
    private readonly config;
    private readonly clock;
    constructor(repository: AssuranceRepository, emitter: EventEmitter2, config: AssuranceConfig, clock: Clock);
    get(user: MfaUser): Promise<AssuranceView>;
    end(user: MfaUser): Promise<void>;
    raise(user: MfaUser, method: AssuranceMethod, now: Date): AssuranceRaise;
    raised(user: MfaUser, method: AssuranceMethod, row: AssuranceRow | undefined): AssuranceView;
    stepUpCheck(user: MfaUser, now: Date, within?: 'step-up' | 'aal2'): StepUpCheck;
    requireStepUp(user: MfaUser, now?: Date): Promise<{
        methods: string[];
    }>;
    stepUpRefused(user: MfaUser): Promise<MfaError>;
    mfaRequired(user: MfaUser): Promise<MfaError>;
    private usableMethods;
    private stepUpRequired;
}

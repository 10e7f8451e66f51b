import { Inject, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Clock } from '../common/clock';
import { MfaError } from '../common/mfa-error';
import { ASSURANCE_CONFIG, type AssuranceConfig } from './assurance.config';
import { MfaEvent, type MfaEventPayload } from '../common/mfa-events';
import type { MfaUser } from '../common/mfa.types';
import { AssuranceRepository, AssuranceRow } from './assurance.repository';
import { sessionKey } from './session-key';

export type AssuranceLevel = 'aal1' | 'aal2';
/** How a session showed its second factor (an `amr`-like list). */
export type AssuranceMethod = 'sms' | 'totp' | 'recovery_code';

/** What GET /mfa/assurance answers. */
export interface AssuranceView {
  aal: AssuranceLevel;
  methods: string[];
  verifiedAt: Date | null;
  expiresAt: Date | null;
}

/** The values a single-use statement needs to raise the caller's session (see raiseAssuranceSql). */
export interface AssuranceRaise {
  session: Buffer | null;
  method: AssuranceMethod;
  now: Date;
  expiresAt: Date;
}

/** A factor change's step-up inputs, checked inside the changing statement (stepUpSql). */
export interface StepUpCheck {
  session: Buffer | null;
  /** The earliest verification in this session that still counts. */
  since: Date;
}

const AAL1: AssuranceView = { aal: 'aal1', methods: [], verifiedAt: null, expiresAt: null };

/**
 * Per-session assurance (NIST SP 800-63B AAL1/AAL2): which session has shown
 * a second factor, how, and when; and the step-up rule for factor changes.
 */
@Injectable()
export class AssuranceService {
  constructor(
    private readonly repository: AssuranceRepository,
    private readonly emitter: EventEmitter2,
    @Inject(ASSURANCE_CONFIG) private readonly config: AssuranceConfig,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async get(user: MfaUser): Promise<AssuranceView> {
    const session = sessionKey(user.sessionId);
    const row = session && (await this.repository.find(user.id, session, this.clock.now()));
    return row ? toView(row) : AAL1;
  }

  /** Logout: the session drops back to aal1 on every instance. */
  async end(user: MfaUser): Promise<void> {
    const session = sessionKey(user.sessionId);
    if (session) await this.repository.end(user.id, session);
  }

  /** What a verification of `method` at `now` writes, folded into its single-use statement. */
  raise(user: MfaUser, method: AssuranceMethod, now: Date): AssuranceRaise {
    return {
      session: sessionKey(user.sessionId),
      method,
      now,
      expiresAt: new Date(now.getTime() + this.config.assuranceMaxAgeMinutes * 60_000),
    };
  }

  /** After the statement: the session's new state (aal1 without a session id), and the event. */
  raised(user: MfaUser, method: AssuranceMethod, row: AssuranceRow | undefined): AssuranceView {
    if (!row || !user.sessionId) return AAL1;
    const event: MfaEventPayload = { userId: user.id, sessionId: user.sessionId, method, at: row.verifiedAt };
    this.emitter.emit(MfaEvent.AssuranceRaised, event);
    return toView(row);
  }

  /**
   * The inputs of the step-up condition for a changing statement: a
   * verification within MFA_STEP_UP_MAX_AGE_MINUTES, or (`aal2`, when a change
   * begun under step-up completes) any verification while the session is at aal2.
   */
  stepUpCheck(user: MfaUser, now: Date, within: 'step-up' | 'aal2' = 'step-up'): StepUpCheck {
    const minutes = within === 'aal2' ? this.config.assuranceMaxAgeMinutes : this.config.stepUpMaxAgeMinutes;
    return { session: sessionKey(user.sessionId), since: new Date(now.getTime() - minutes * 60_000) };
  }

  /**
   * Factor management needs a recent second factor in this session when the
   * user has one: STEP_UP_REQUIRED (with the usable methods) otherwise. The
   * changing statement repeats the check atomically; this one refuses before
   * anything is sent or written.
   */
  async requireStepUp(user: MfaUser, now = this.clock.now()): Promise<{ methods: string[] }> {
    const { session, since } = this.stepUpCheck(user, now);
    const state = await this.repository.stepUpState(user.id, session, since, now);
    if (!state.allowed) throw this.stepUpRequired(state.methods);
    return { methods: state.methods };
  }

  /** STEP_UP_REQUIRED for a refusal found by a changing statement (reads the usable methods). */
  async stepUpRefused(user: MfaUser): Promise<MfaError> {
    return this.stepUpRequired(await this.usableMethods(user));
  }

  /** 403 MFA_REQUIRED for a route behind @RequireMfa, naming the methods the user can verify with. */
  async mfaRequired(user: MfaUser): Promise<MfaError> {
    return new MfaError('MFA_REQUIRED', undefined, { methods: await this.usableMethods(user) });
  }

  /** The user's verified factors, as methods: what a step-up or a guarded route can be passed with. */
  private async usableMethods(user: MfaUser): Promise<string[]> {
    const now = this.clock.now();
    return (await this.repository.stepUpState(user.id, null, now, now)).methods;
  }

  private stepUpRequired(methods: string[]): MfaError {
    return new MfaError('STEP_UP_REQUIRED', undefined, { methods });
  }
}

function toView(row: AssuranceRow): AssuranceView {
  return { aal: 'aal2', methods: row.methods, verifiedAt: row.verifiedAt, expiresAt: row.expiresAt };
}

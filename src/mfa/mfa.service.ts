import type { Channel } from '../common/channel';
import { Injectable } from '@nestjs/common';
import { AssuranceService, AssuranceView } from '../assurance/assurance.service';
import { MfaError } from '../common/mfa-error';
import { DataRightsService, ErasureReport, UserDataExport } from '../privacy/data-rights.service';
import { FactorsService } from './factors.service';
import { FactorView, MfaUser, RequestContext, SmsChallengeResult, SmsEnrollmentResult } from '../common/mfa.types';
import { RecoveryCodesService, RecoveryVerification } from './recovery/recovery-codes.service';
import { SmsFactorService } from './sms/sms-factor.service';
import { TotpEnrollment, TotpService } from './totp/totp.service';

/** Outcomes of a verification that mean "not this code", as opposed to refusals of the request. */
const WRONG_CODE = new Set(['CODE_INVALID', 'CODE_EXPIRED', 'TOO_MANY_ATTEMPTS', 'NO_ACTIVE_CHALLENGE']);

/**
 * The host-facing API (README, Embedding): a thin façade over the factor
 * services — SMS, TOTP, recovery codes, factor management — plus the session's
 * assurance and the user's data rights. Each rule lives in its own service.
 */
@Injectable()
export class MfaService {
  constructor(
    private readonly sms: SmsFactorService,
    private readonly totp: TotpService,
    private readonly recoveryCodes: RecoveryCodesService,
    private readonly factors: FactorsService,
    private readonly assurance: AssuranceService,
    private readonly dataRights: DataRightsService,
  ) {}

  /** Sends an ownership code to a new number (step-up needed when the user holds a second factor); verified by verifySmsEnrollment. */
  enrollSms(user: MfaUser, phoneNumber: string, context: RequestContext = {}, channel?: Channel): Promise<SmsEnrollmentResult> {
    return this.sms.enroll(user, phoneNumber, context, channel);
  }

  /** Proves the number; it replaces the user's previous one, and the session reaches aal2. */
  verifySmsEnrollment(user: MfaUser, code: string, context: RequestContext = {}): Promise<{ factorId: string; verified: true } & AssuranceView> {
    return this.sms.verifyEnrollment(user, code, context);
  }

  /** Sends a login code to the user's verified number; a number given here must be that number. */
  initiateSmsVerification(
    user: MfaUser,
    phoneNumber?: string,
    context: RequestContext = {},
    channel?: Channel,
  ): Promise<SmsChallengeResult> {
    return this.sms.challenge(user, phoneNumber, context, channel);
  }

  /** true when the code is right; false for a wrong, expired, exhausted or missing code. */
  async verifySmsCode(user: MfaUser, code: string, context: RequestContext = {}): Promise<boolean> {
    try {
      await this.sms.verify(user, code, context);
      return true;
    } catch (err) {
      if (err instanceof MfaError && WRONG_CODE.has(err.code)) return false;
      throw err;
    }
  }

  /** As verifySmsCode, but says why a code was refused (the REST API's form), and returns the session's assurance. */
  verifySmsCodeOrThrow(user: MfaUser, code: string, context: RequestContext = {}): Promise<AssuranceView> {
    return this.sms.verify(user, code, context);
  }

  /** Starts a TOTP enrolment (step-up needed when the user holds a second factor). */
  enrollTotp(user: MfaUser): Promise<TotpEnrollment> {
    return this.totp.enroll(user);
  }

  async activateTotp(user: MfaUser, code: string): Promise<{ factorId: string; verified: true } & AssuranceView> {
    const { factorId, assurance } = await this.totp.activate(user, code);
    return { factorId, verified: true, ...assurance };
  }

  /** Verifies the primary factor; a success also ends an SMS verification lockout. */
  async verifyTotp(user: MfaUser, code: string, context: RequestContext = {}): Promise<AssuranceView> {
    return (await this.totp.verify(user, code, context)).assurance;
  }

  /** A new set of ten recovery codes, shown once; the old set dies (step-up needed when the user holds a factor). */
  generateRecoveryCodes(user: MfaUser): Promise<{ codes: string[] }> {
    return this.recoveryCodes.regenerate(user);
  }

  /** Uses one recovery code: the session reaches aal2. Wrong codes count like wrong SMS codes. */
  verifyRecoveryCode(user: MfaUser, code: string, context: RequestContext = {}): Promise<RecoveryVerification> {
    return this.recoveryCodes.verify(user, code, context);
  }

  /** The session's assurance: aal2 while a second factor shown in it is recent enough. */
  getAssurance(user: MfaUser): Promise<AssuranceView> {
    return this.assurance.get(user);
  }

  /** Logout: the session drops back to aal1 on every instance. */
  endSession(user: MfaUser): Promise<void> {
    return this.assurance.end(user);
  }

  /** Every factor of every kind, oldest first; numbers masked. */
  listFactors(userId: string): Promise<FactorView[]> {
    return this.factors.list(userId);
  }

  /** Removes a factor (step-up; LAST_FACTOR policy; recovery codes: the whole set). */
  deleteFactor(user: MfaUser, factorId: string): Promise<void> {
    return this.factors.delete(user, factorId);
  }

  /** GDPR access: everything held about the user (factors, challenges, send log, fraud events, lockouts, sessions). */
  exportUserData(userId: string): Promise<UserDataExport> {
    return this.dataRights.export(userId);
  }

  /** GDPR erasure: removes the user's data, keeping only anonymised records a legal hold needs. */
  eraseUserData(userId: string): Promise<ErasureReport> {
    return this.dataRights.erase(userId);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { AssuranceService } from '../assurance/assurance.service';
import { Clock } from '../common/clock';
import { MfaError } from '../common/mfa-error';
import { MFA_FACTORS_CONFIG, type MfaFactorsConfig } from './mfa.config';
import { maskPhone } from '../phone/mask';
import { FactorRemovalRepository } from '../factors/factor-removal.repository';
import type { FactorView, MfaUser } from '../common/mfa.types';
import { RecoveryCodesRepository } from '../factors/recovery-codes.repository';
import { SmsFactorsRepository } from '../factors/sms-factors.repository';
import { TotpFactorsRepository } from '../factors/totp-factors.repository';

/** A user's factors of every kind: listing and removal (the last-factor policy and the step-up). */
@Injectable()
export class FactorsService {
  constructor(
    @Inject(MFA_FACTORS_CONFIG) private readonly config: MfaFactorsConfig,
    @Inject(Clock) private readonly clock: Clock,
    private readonly sms: SmsFactorsRepository,
    private readonly totp: TotpFactorsRepository,
    private readonly recoveryCodes: RecoveryCodesRepository,
    private readonly removal: FactorRemovalRepository,
    private readonly assurance: AssuranceService,
  ) {}

  /** Every factor of every kind, oldest first; numbers masked. */
  async list(userId: string): Promise<FactorView[]> {
    const [sms, totp, recovery] = await Promise.all([
      this.sms.list(userId),
      this.totp.list(userId),
      this.recoveryCodes.list(userId),
    ]);
    const views: FactorView[] = [
      ...recovery.map((set) => ({
        id: set.id,
        type: 'recovery_codes' as const,
        remaining: set.remaining,
        createdAt: set.createdAt,
      })),
      ...totp.map((f) => ({ id: f.id, type: 'totp' as const, ...used(f) })),
      ...sms.map((f) => ({ id: f.id, type: 'sms' as const, maskedPhone: maskPhone(f.phoneE164), ...used(f) })),
    ];
    return views.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  /**
   * Removes a factor of any kind (recovery codes: the whole set). Needs a
   * step-up in this session when the user holds a second factor. Removing the
   * last verified factor is refused with LAST_FACTOR unless the host allows it
   * (allowRemovingLastFactor); recovery codes do not count as one.
   */
  async delete(user: MfaUser, factorId: string): Promise<void> {
    const now = this.clock.now();
    await this.assurance.requireStepUp(user, now);
    const outcome = await this.removal.remove(
      user.id,
      factorId,
      this.assurance.stepUpCheck(user, now),
      now,
      this.config.allowRemovingLastFactor,
    );
    if (outcome === 'not_found') throw new MfaError('NOT_FOUND', 'No such factor.');
    if (outcome === 'step_up_required') throw await this.assurance.stepUpRefused(user);
    if (outcome === 'last_factor') throw new MfaError('LAST_FACTOR');
  }
}

function used(f: { verifiedAt?: Date; createdAt: Date; lastUsedAt?: Date }) {
  return { verified: f.verifiedAt !== undefined, createdAt: f.createdAt, lastUsedAt: f.lastUsedAt ?? null };
}

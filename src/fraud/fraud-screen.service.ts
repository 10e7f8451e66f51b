import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Clock } from '../common/clock';
import { MfaError } from '../common/mfa-error';
import { FRAUD_CONFIG, type FraudConfig } from './fraud.config';
import { MfaMetrics } from '../metrics/mfa-metrics';
import { maskSplit } from '../phone/mask';
import type { FraudContext, FraudRule, FraudTrigger } from './fraud-rule';
import { FraudEventsRepository } from './fraud-events.repository';
import { FraudStatsRepository } from './fraud-stats.repository';
import { FRAUD_RULES } from './rules';
import { testRangeRule } from './rules/test-range.rule';
import { MFA_FRICTION, type MfaFrictionVerifier } from './friction';
import { suspicious } from './priors';
import type { RequestContext } from '../common/mfa.types';

export interface FraudCheck extends Omit<FraudContext, 'stats'> {
  /** Read traffic statistics (sends to numbers not yet proven, i.e. enrolment). */
  withStatistics: boolean;
  /** The request, for the host's friction step (its frictionProof). */
  request?: RequestContext;
}

/** What the screening found about a send it let through. */
export interface FraudVerdict {
  /**
   * The destination is not trusted yet (its belief is below
   * SMS_FRAUD_SUSPICION_PERCENT) and the requester is unproven: the send is
   * held to the money caps for unproven requesters.
   */
  suspicious: boolean;
  /** The requester passed the host's friction step (a person, by the host's word): held to the country's cap, not the range's. */
  frictionPassed?: boolean;
}

/** The belief rule's name (SMS_FRAUD_DISABLED_RULES turns it off like any rule). */
export const PRIOR_RISK = 'prior_risk';

/**
 * Runs the heuristic rules before a send. A trigger is recorded as an event
 * and counted; in `block` mode it refuses the send with SUSPICIOUS_NUMBER, in
 * `monitor` mode it only records.
 */
@Injectable()
export class FraudScreen {
  private readonly logger = new Logger('FraudScreen');
  private readonly rules: FraudRule[];
  private readonly statisticRules: boolean;
  /** The belief rule runs (block mode, not disabled). */
  private readonly judgesBelief: boolean;
  /** Test numbers' sends are left out of the traffic statistics. */
  private readonly testNumbers: string[];

  constructor(
    @Inject(FRAUD_CONFIG) private readonly config: FraudConfig,
    @Inject(Clock) private readonly clock: Clock,
    private readonly stats: FraudStatsRepository,
    private readonly events: FraudEventsRepository,
    private readonly metrics: MfaMetrics,
    @Optional() @Inject(MFA_FRICTION) private readonly friction: MfaFrictionVerifier | null = null,
  ) {
    this.rules = FRAUD_RULES.filter(
      (r) => !config.fraudDisabledRules.includes(r.name) && !(r === testRangeRule && config.trialMode),
    );
    this.statisticRules = this.rules.some((r) => r.usesStatistics);
    this.judgesBelief = config.fraudMode === 'block' && !config.fraudDisabledRules.includes(PRIOR_RISK);
    this.testNumbers = Object.keys(config.testNumbers);
  }

  /**
   * Rules about the send refuse anyone. Regional rules refuse only requesters
   * who have not shown they are real (a verified factor, a used code), and
   * only on a warm baseline; on a cold one, or for proven requesters, they
   * record nothing that refuses.
   */
  async check(check: FraudCheck): Promise<FraudVerdict> {
    const now = this.clock.now();
    const ctx: FraudContext = { ...check };
    if (check.withStatistics && this.statisticRules) {
      ctx.stats = await this.stats.read({
        ...check,
        now,
        settleMinutes: this.config.fraudConversionSettleMinutes,
        testNumbers: this.testNumbers,
      });
    }
    const proven = ctx.stats?.requesterProven ?? false;
    const refusing: FraudTrigger[] = [];
    const watched: FraudTrigger[] = [];
    for (const rule of this.rules) {
      const trigger = rule.evaluate(ctx, this.config);
      if (!trigger || (rule.scope === 'region' && proven)) continue;
      (trigger.coldStart ? watched : refusing).push(trigger);
    }
    const block = this.config.fraudMode === 'block';
    if (watched.length) await this.report(watched, ctx, 'monitored');
    if (refusing.length) {
      await this.report(refusing, ctx, block ? 'blocked' : 'monitored');
      if (block) throw new MfaError('SUSPICIOUS_NUMBER');
    }
    if (!ctx.stats || proven || !this.judgesBelief) return { suspicious: false };
    return this.judgeByBelief(ctx, check.request ?? {});
  }

  /**
   * Priors and evidence from the first send: a destination whose belief is
   * below the threshold gets friction before an unproven requester's send —
   * the host's step when it gave one (a person passes it), and the money caps
   * for unproven requesters in any case (the country's only, once the host's
   * step is passed: the range's cap is the friction of hosts without one).
   * Never a refusal of its own.
   */
  private async judgeByBelief(ctx: FraudContext, request: RequestContext): Promise<FraudVerdict> {
    const belief = suspicious(ctx.country, ctx.stats!, this.config, this.config.fraudSuspicionPercent / 100);
    if (!belief.suspicious) return { suspicious: false };
    if (this.friction) {
      const proof = request.frictionProof;
      const passed = proof !== undefined && (await this.friction.verify(proof, { ...request, userId: ctx.userId }));
      this.metrics.frictionTotal.inc({ result: passed ? 'passed' : 'asked' });
      if (!passed) {
        const detail = `belief ${(belief.prefixMean * 100).toFixed(0)}% (country ${(belief.countryMean * 100).toFixed(0)}%) below ${this.config.fraudSuspicionPercent}%: friction asked`;
        await this.report([{ rule: PRIOR_RISK, detail }], ctx, 'blocked');
        throw new MfaError('FRICTION_REQUIRED');
      }
      return { suspicious: true, frictionPassed: true };
    }
    return { suspicious: true };
  }

  /** Records refusals decided elsewhere (line types) as events too, so operators see them. */
  async report(
    triggers: FraudTrigger[],
    ctx: Omit<FraudContext, 'stats'>,
    action: 'blocked' | 'monitored',
  ): Promise<void> {
    const now = this.clock.now();
    const masked = maskSplit(ctx);
    for (const t of triggers) {
      this.metrics.fraudTriggersTotal.inc({ rule: t.rule });
      this.logger.warn(`${t.rule} ${action} a send to ${masked}: ${t.detail}`);
    }
    await this.events.record(
      triggers.map((t) => ({
        rule: t.rule,
        action,
        maskedPhone: masked,
        prefix: ctx.prefix,
        country: ctx.country ?? null,
        userId: ctx.userId,
        clientIp: ctx.clientIp ?? null,
        detail: t.detail,
        createdAt: now,
      })),
    );
  }
}

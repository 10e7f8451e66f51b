import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { MfaError } from '../common/mfa-error';
import { FraudEventFilter, FraudEventsRepository } from '../fraud/fraud-events.repository';
import { CountryAction, CountryRulesRepository } from '../phone/country-rules.repository';
import { FailureRunsRepository } from '../rate-limit/failure-runs.repository';

/** What an operator may do, for the admin routes: country rules, fraud events, lockout resets. */
@Injectable()
export class AdminService {
  constructor(
    private readonly countryRules: CountryRulesRepository,
    private readonly fraudEvents: FraudEventsRepository,
    private readonly failureRuns: FailureRunsRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  listCountryRules() {
    return this.countryRules.list();
  }

  /** Applies to the next send on every instance: sends read the rules from the database. */
  putCountryRule(country: string, action: CountryAction, reason: string | null, by: string) {
    return this.countryRules.put(country, action, reason, by, this.clock.now());
  }

  async deleteCountryRule(country: string, by: string): Promise<void> {
    if (!(await this.countryRules.delete(country, by, this.clock.now()))) throw new MfaError('NOT_FOUND', 'No rule for this country.');
  }

  /** Newest first, a page of `limit`; `nextBefore` continues. */
  async listFraudEvents(query: FraudEventFilter) {
    const items = await this.fraudEvents.list(query);
    return { items, nextBefore: items.length === query.limit ? items[items.length - 1].id : null };
  }

  /** Ends a user's verification lockouts (their runs of wrong SMS, recovery and TOTP codes). */
  resetLockouts(userId: string): Promise<void> {
    return this.failureRuns.reset(userId);
  }
}

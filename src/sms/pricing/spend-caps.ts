import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { MfaError } from '../../common/mfa-error';
import { SMS_CONFIG, type SmsConfig } from '../sms.config';
import { MfaMetrics } from '../../metrics/mfa-metrics';
import { PriceBook } from './price-book';
import { SpendRepository } from './spend.repository';

/** What a send holds against the caps until its cost is known. */
export interface SpendReservation {
  day: string;
  scopes: string[];
  amount: number;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** An unproven requester's send to a suspicious range (FraudVerdict): held to the hourly caps for unproven requesters. */
export interface UnprovenSend {
  prefix: string;
  /** Passed the host's friction step: held to the country's hourly cap only (the range's is the friction of hosts without one). */
  frictionPassed?: boolean;
}
/** Scope of the all-destinations cap; countries are their ISO code (ZZ when unknown). */
export const ALL_DESTINATIONS = '*';

/**
 * Daily spend caps in money (SMS_DAILY_SPEND_LIMIT_USD for all destinations,
 * SMS_COUNTRY_DAILY_SPEND_LIMIT_USD for each country), per UTC day, shared by
 * every instance. A send reserves its worst-case cost before anything is
 * issued (503 SPEND_LIMIT_REACHED, Retry-After the next UTC day, when that
 * would pass a cap); the reservation is released if no provider takes it,
 * and settled to the provider's price (or the table's estimate for the
 * provider that took it) when it is known.
 */
@Injectable()
export class SpendCaps {
  constructor(
    @Inject(SMS_CONFIG) private readonly config: SmsConfig,
    @Inject(Clock) private readonly clock: Clock,
    private readonly prices: PriceBook,
    private readonly spend: SpendRepository,
    private readonly metrics: MfaMetrics,
  ) {}

  /** A cap is set: a send's reservation is priced for its destination, so the destination is needed before the issue. */
  get capped(): boolean {
    return this.config.dailySpendLimitUsd !== undefined || this.config.countryDailySpendLimitUsd !== undefined;
  }

  /**
   * The caps in force, by scope, for a destination; for an unproven
   * requester's send to a suspicious range, that range's and its country's
   * hourly caps too (scopes `unproven-h<hour>:<range or country>` of the day;
   * the country's only once the host's friction step is passed).
   */
  caps(country: string | undefined, unproven?: UnprovenSend): { scopes: string[]; caps: number[] } {
    const scopes: string[] = [];
    const caps: number[] = [];
    if (unproven) {
      const hour = `unproven-h${String(this.clock.now().getUTCHours()).padStart(2, '0')}`;
      if (!unproven.frictionPassed) {
        scopes.push(`${hour}:${unproven.prefix}`);
        caps.push(this.config.fraudUnprovenPrefixHourlyUsd);
      }
      scopes.push(`${hour}:${country ?? 'ZZ'}`);
      caps.push(this.config.fraudUnprovenCountryHourlyUsd);
    }
    if (this.config.dailySpendLimitUsd !== undefined) {
      scopes.push(ALL_DESTINATIONS);
      caps.push(this.config.dailySpendLimitUsd);
    }
    if (this.config.countryDailySpendLimitUsd !== undefined) {
      scopes.push(country ?? 'ZZ');
      caps.push(this.config.countryDailySpendLimitUsd);
    }
    return { scopes, caps };
  }

  /**
   * Reserves the worst-case cost (US dollars, priced only when a cap is set)
   * of a send to `country`; undefined when no cap is set.
   */
  async reserve(country: string | undefined, worstCase: () => number, unproven?: UnprovenSend): Promise<SpendReservation | undefined> {
    const { scopes, caps } = this.caps(country, unproven);
    if (!scopes.length) return undefined;
    const now = this.clock.now();
    const day = utcDay(now);
    const amount = worstCase();
    const refused = await this.spend.take(day, scopes, caps, amount);
    if (refused) {
      const hourly = refused.startsWith('unproven-h');
      const limit = hourly
        ? refused.endsWith(`:${unproven?.prefix}`) ? 'spend_unproven_prefix_hourly' : 'spend_unproven_country_hourly'
        : refused === ALL_DESTINATIONS ? 'spend_daily' : 'spend_country_daily';
      const unit = hourly ? HOUR : DAY;
      const next = Math.floor(now.getTime() / unit) * unit + unit;
      this.metrics.rateLimitedTotal.inc({ limit });
      throw new MfaError('SPEND_LIMIT_REACHED', undefined, {
        limit,
        retryAfterSeconds: Math.max(1, Math.ceil((next - now.getTime()) / 1000)),
      });
    }
    return { day, scopes, amount };
  }

  /** No provider took the message: the reservation is given back. */
  async release(reservation: SpendReservation | undefined): Promise<void> {
    if (reservation) await this.spend.add(reservation.day, reservation.scopes, -reservation.amount);
  }

  /** The message went: its cost replaces the reservation, and is counted. */
  async settle(reservation: SpendReservation | undefined, country: string | undefined, costUsd: number): Promise<void> {
    this.countSpend(country, costUsd);
    if (reservation) await this.spend.add(reservation.day, reservation.scopes, costUsd - reservation.amount);
  }

  /** A later report (status callback, delivery event) corrected the cost of a send made on `at`. */
  async correct(country: string | undefined, at: Date, deltaUsd: number): Promise<void> {
    if (deltaUsd > 0) this.countSpend(country, deltaUsd);
    const { scopes } = this.caps(country);
    if (scopes.length) await this.spend.add(utcDay(at), scopes, deltaUsd);
  }

  /** sms_spend_usd_total, labelled by the countries the price table lists (bounded), else `other`. */
  private countSpend(country: string | undefined, usd: number): void {
    this.metrics.spendUsdTotal.inc({ country: this.prices.lists(country) ? country! : 'other' }, usd);
  }
}

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

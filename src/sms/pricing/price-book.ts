import { readFileSync } from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigError } from '../../config/settings';
import { SMS_CONFIG, type SmsConfig } from '../sms.config';
import { DEFAULT_PRICE_TABLE } from './default-prices';

export type PriceTable = Record<string, Record<string, number>>;

/** Validates a price table: `default` or ISO alpha-2 keys, each a map of provider name to a non-negative price. */
export function parsePriceTable(raw: string, source: string): PriceTable {
  let table: unknown;
  try {
    table = JSON.parse(raw);
  } catch {
    throw new ConfigError([`SMS_PRICE_TABLE_FILE must be JSON (${source} is not)`]);
  }
  const ok =
    typeof table === 'object' &&
    table !== null &&
    !Array.isArray(table) &&
    Object.entries(table).every(
      ([key, prices]) =>
        (key === 'default' || /^[A-Z]{2}$/.test(key)) &&
        typeof prices === 'object' &&
        prices !== null &&
        Object.entries(prices).every(
          ([p, v]) => /^[A-Z][A-Z0-9_]*$/.test(p) && typeof v === 'number' && v >= 0 && v < 100,
        ),
    );
  if (!ok) {
    throw new ConfigError([
      'SMS_PRICE_TABLE_FILE must map "default" or ISO countries to { PROVIDER: US dollars per segment }',
    ]);
  }
  return table as PriceTable;
}

/**
 * What a message costs before it goes: the price table (shipped, or
 * SMS_PRICE_TABLE_FILE) by provider and destination, per segment. A provider
 * or country it does not list falls back on `default`, then on the dearest
 * price of `default` (never on zero by accident).
 */
@Injectable()
export class PriceBook {
  private readonly table: PriceTable;
  private readonly fallback: number;

  constructor(@Inject(SMS_CONFIG) config: SmsConfig) {
    this.table = config.priceTableFile
      ? parsePriceTable(readFileSync(config.priceTableFile, 'utf8'), config.priceTableFile)
      : DEFAULT_PRICE_TABLE;
    this.fallback = Math.max(0, ...Object.values(this.table.default ?? {}));
  }

  /** US dollars per segment for this provider and country. */
  price(provider: string, country: string | undefined): number {
    const listed = country ? this.table[country]?.[provider] : undefined;
    return listed ?? this.table.default?.[provider] ?? this.fallback;
  }

  /** Whether the table names this country (bounded metric labels use it). */
  lists(country: string | undefined): boolean {
    return !!country && country in this.table;
  }

  estimate(provider: string, country: string | undefined, segments: number): number {
    return round(this.price(provider, country) * segments);
  }

  /** The dearest of `providers` for this destination: what a send reserves against a spend cap before its route is known. */
  worstCase(providers: string[], country: string | undefined, segments: number): number {
    return round(Math.max(0, ...providers.map((p) => this.price(p, country))) * segments);
  }
}

const round = (usd: number) => Math.round(usd * 1e6) / 1e6;

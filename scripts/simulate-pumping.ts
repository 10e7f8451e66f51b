import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Injectable, Module } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { getExampleNumber, parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { JsonClient, Reply } from '../bench/http-client';
import { SmsMfaModule, type MfaFrictionVerifier } from '../src';
import { Clock } from '../src/common/clock';
import type { MfaConfigOverrides } from '../src/sms-mfa.settings';
import { configureApp } from '../apps/demo/configure-app';
import { DemoAuth, DemoAuthModule, JwtUserResolver } from '../apps/demo/demo-auth';
import { loadDemoConfig } from '../apps/demo/demo.config';
import { demoLoggerModule } from '../apps/demo/logging';
import { digitRuns } from '../src/fraud/rules/digit-pattern.rule';
import { DEFAULT_PRICE_TABLE } from '../src/sms/pricing/default-prices';
import { MockSmsProvider } from '../src/sms/providers/mock/mock-sms.provider';
import { FakeClock } from '../test/support/clock';
import { createTestDatabase, withClient } from '../test/support/database';

/**
 * npm run simulate:pumping — toll-fraud attacks next to real traffic, each
 * from an empty database, on the module with its default fraud settings and
 * the mock provider priced like Twilio (so spend caps bite as they would).
 * Simulated hours run in seconds: the app's clock moves in 15-second steps,
 * and every request is real HTTP.
 *
 * Real people in 8 countries (4 of them high-prior: SY, AF, SO, KE) enrol
 * their phone and type the code after a human delay (15–90 s); 5 % never do.
 * With the host's friction step on (the default here), a person answers a
 * FRICTION_REQUIRED and repeats the request; a bot cannot.
 *
 * Scenarios (`--scenario NAME`, or all):
 * - warm: six hours; from hour 2 one low-prior country surges 5×; from hour 1
 *   a botnet pumps 4 high-cost ranges (Uzbekistan, Tajikistan) from 5,000
 *   addresses, each request a new account, never verifying.
 * - cold-low-surge / cold-high-surge: one hour from the first send; a 5× surge
 *   in a low-prior (UA) or a high-prior (SY) country from minute one, and the
 *   same botnet from minute one.
 * - cold-rotating: one hour; the ring moves to a new high-cost country and 3
 *   new ranges every 5 minutes.
 * - cold-faking / cold-faking-3: the rotating ring, which also completes the
 *   first code (or 3) of each new range (numbers it owns, a person passing the
 *   friction step) to fake conversion before pumping it.
 *
 * `--seeds 1,2,3` repeats each; `--no-friction` runs without the host's step
 * (money caps only). Prints, per scenario and seed: attack sends reaching a
 * provider, the attack's money, legitimate requests refused and friction asked.
 */
const STEP_SECONDS = 15;
const LEGIT_PER_COUNTRY_PER_HOUR = 60;
const ATTACK_PER_HOUR = 1800;
const CONCURRENCY = 16;
const PROOF = 'answered-by-a-person';

/** Where real people come from: calling code and the leading digits of mobile ranges. */
const COUNTRIES: Record<string, { code: string; ranges: string[]; digits: number }> = {
  US: { code: '1', ranges: ['415', '212', '617', '312'], digits: 10 },
  GB: { code: '44', ranges: ['7911', '7700', '7400', '7500'], digits: 10 },
  DE: { code: '49', ranges: ['151', '160', '170', '176'], digits: 11 },
  UA: { code: '380', ranges: ['67', '50', '63', '93'], digits: 9 },
  SY: { code: '963', ranges: ['93', '94', '95', '99'], digits: 9 },
  AF: { code: '93', ranges: ['70', '72', '78', '79'], digits: 9 },
  SO: { code: '252', ranges: ['61', '62', '63', '68'], digits: 9 },
  KE: { code: '254', ranges: ['712', '722', '733', '701'], digits: 9 },
};
/** The botnet's fixed ranges: high-cost destinations where this service has no users. */
const STATIC_RING: Range[] = [
  { country: 'UZ', code: '998', range: '9012', digits: 9 },
  { country: 'UZ', code: '998', range: '9134', digits: 9 },
  { country: 'UZ', code: '998', range: '9377', digits: 9 },
  { country: 'TJ', code: '992', range: '9188', digits: 9 },
];
/** The rotating ring's countries, one per 5 minutes: the dear destinations pumping favours. */
const ROTATION: CountryCode[] = ['UZ', 'TJ', 'KG', 'KZ', 'AZ', 'ID', 'PK', 'BD', 'LK', 'MM', 'NG', 'ET'];
const ROTATE_MINUTES = 5;

interface Range {
  country: string;
  code: string;
  range: string;
  digits: number;
}

interface Scenario {
  hours: number;
  /** The surging country, its factor and the hours it surges in. */
  surge?: { country: string; from: number; to: number };
  /** When the attack starts (hours), and which ranges it pumps at a given hour. */
  attackFrom: number;
  ring: (hour: number) => Range[];
  /** How many of each range's first codes the ring completes (numbers it owns, a person at the friction step). */
  fakes?: number;
}

/** Whether a range holds mobile numbers (its first numbers tried). */
function mobileRange(code: string, range: string, length: number): boolean {
  const rest = length - range.length;
  return [1, 3, 7].some((d) => {
    try {
      const type = parsePhoneNumberWithError(`+${code}${range}${d}${'2468135'.repeat(3).slice(0, rest - 1)}`).getType();
      return type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
    } catch {
      return false;
    }
  });
}

const ringRanges = new Map<string, Range[]>();
/** The rotating ring's ranges: 3 mobile ranges per country, next to the country's mobile example number. */
function rotatingRing(hour: number): Range[] {
  const country = ROTATION[Math.floor((hour * 60) / ROTATE_MINUTES) % ROTATION.length];
  if (!ringRanges.has(country)) {
    const example = getExampleNumber(country, examples)!;
    const national = example.nationalNumber as string;
    const code = example.countryCallingCode as string;
    const candidates = Array.from({ length: 10 }, (_, d) => `${national.slice(0, 2)}${(Number(national[2]) + d) % 10}`);
    const ranges = candidates.filter((range) => mobileRange(code, range, national.length)).slice(0, 3);
    ringRanges.set(country, ranges.map((range) => ({ country, code, range, digits: national.length })));
  }
  return ringRanges.get(country)!;
}

const SCENARIOS: Record<string, Scenario> = {
  warm: { hours: 6, surge: { country: 'UA', from: 2, to: 3 }, attackFrom: 1, ring: () => STATIC_RING },
  'cold-low-surge': { hours: 1, surge: { country: 'UA', from: 0, to: 1 }, attackFrom: 0, ring: () => STATIC_RING },
  'cold-high-surge': { hours: 1, surge: { country: 'SY', from: 0, to: 1 }, attackFrom: 0, ring: () => STATIC_RING },
  'cold-rotating': { hours: 1, attackFrom: 0, ring: rotatingRing },
  'cold-faking': { hours: 1, attackFrom: 0, ring: rotatingRing, fakes: 1 },
  'cold-faking-3': { hours: 1, attackFrom: 0, ring: rotatingRing, fakes: 3 },
};

/** The host's friction step in the simulation: a person's answer passes. */
@Injectable()
class SimulatedCaptcha implements MfaFrictionVerifier {
  verify(proof: string): boolean {
    return proof === PROOF;
  }
}

const DEMO = loadDemoConfig({}, { logLevel: 'error', authJwtSecret: 'simulation-secret-simulation-secret-00' });

/** The shipped price table with the mock provider priced as Twilio is, everywhere. */
function pricedMock(): Record<string, Record<string, number>> {
  return Object.fromEntries(
    Object.entries(DEFAULT_PRICE_TABLE).map(([country, prices]) => [country, { ...prices, MOCK: prices.TWILIO ?? DEFAULT_PRICE_TABLE.default.TWILIO }]),
  );
}
const priceOf = (country: string) => (DEFAULT_PRICE_TABLE[country] ?? DEFAULT_PRICE_TABLE.default).TWILIO ?? DEFAULT_PRICE_TABLE.default.TWILIO;

/** A small seeded PRNG (mulberry32): runs are repeatable. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Tally {
  requests: number;
  refused: number;
  friction: number;
  byCode: Record<string, number>;
}
const tally = (): Tally => ({ requests: 0, refused: 0, friction: 0, byCode: {} });
function count(t: Tally, reply: Reply, ok: number): void {
  t.requests += 1;
  if (reply.status === ok) return;
  t.refused += 1;
  const code = [reply.body?.code ?? String(reply.status), reply.body?.limit].filter(Boolean).join(':');
  t.byCode[code] = (t.byCode[code] ?? 0) + 1;
}

interface Outcome {
  attackRequests: number;
  attackReached: number;
  attackFaked: number;
  attackUsd: number;
  firstHourUsd: number;
  legitRequests: number;
  legitRefused: number;
  legitFriction: number;
  attackByCode: Record<string, number>;
  legitByCode: Record<string, number>;
  seconds: number;
}

async function run(s: Scenario, seed: number, friction: boolean): Promise<Outcome> {
  const random = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const used = new Set<string>();
  /** A valid, unused mobile number in a range, free of the digit patterns the rules refuse. */
  const numberIn = (code: string, range: string, length: number): string => {
    for (let tries = 0; tries < 10_000; tries++) {
      const e164 = `+${code}${range}${digits(length - range.length)}`;
      const { repeated, sequential } = digitRuns(e164.slice(1 + code.length));
      if (used.has(e164) || repeated >= 6 || sequential >= 6) continue;
      try {
        const type = parsePhoneNumberWithError(e164).getType();
        if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') continue;
      } catch {
        continue;
      }
      used.add(e164);
      return e164;
    }
    throw new Error(`no mobile number in +${code} ${range}`);
  };

  const dir = mkdtempSync(join(tmpdir(), 'mfa-simulation-'));
  const priceTableFile = join(dir, 'prices.json');
  writeFileSync(priceTableFile, JSON.stringify(pricedMock()));
  const config: MfaConfigOverrides = {
    trustProxy: 'loopback',
    cleanupIntervalMinutes: 0,
    alertIntervalSeconds: 0,
    httpThrottlePerMinute: 10_000_000,
    priceTableFile,
    providers: { MOCK: { maxPerMinute: 10_000_000, maxPerHour: 10_000_000, maxPerDay: 10_000_000 } },
  };
  const db = await createTestDatabase();
  const clock = new FakeClock(Date.parse('2026-11-02T08:00:00Z'));
  @Module({
    imports: [
      SmsMfaModule.forRoot({
        config: { ...config, databaseUrl: db.url },
        userResolver: JwtUserResolver,
        imports: [DemoAuthModule.register(DEMO)],
        ...(friction && { friction: SimulatedCaptcha }),
      }),
      demoLoggerModule(DEMO),
    ],
  })
  class SimulationHost {}
  const moduleRef = await Test.createTestingModule({ imports: [SimulationHost] }).overrideProvider(Clock).useValue(clock).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: ['error'] });
  configureApp(app, DEMO);
  await app.listen(0, '127.0.0.1');
  const client = new JsonClient((app.getHttpServer().address() as { port: number }).port, CONCURRENCY);
  const auth = app.get(DemoAuth);
  const outbox = app.get(MockSmsProvider);

  const legit = tally();
  const attack = tally();
  const pending: { due: number; token: string; phone: string; ip: string; tally: Tally }[] = [];
  const faked = new Map<string, number>();
  let users = 0;
  let ipCounter = 0;
  const attackIps = Array.from({ length: 5000 }, (_, i) => `100.${64 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`);
  const started = Date.now();
  const steps = (s.hours * 3600) / STEP_SECONDS;
  const perStep = (perHour: number) => (perHour * STEP_SECONDS) / 3600;
  /** Whole arrivals for a rate, with the fractional part drawn at random. */
  const arrivals = (rate: number) => Math.floor(rate) + (random() < rate % 1 ? 1 : 0);
  /** An enrolment; a person answers the friction step once and repeats it (counted), a bot gives up. */
  const enrol = async (t: Tally, token: string, phone: string, ip: string, person: boolean): Promise<Reply> => {
    let reply = await client.post('/mfa/sms/enroll', token, { phoneNumber: phone }, ip);
    if (reply.status === 403 && reply.body?.code === 'FRICTION_REQUIRED') {
      t.friction += 1;
      if (person) reply = await client.post('/mfa/sms/enroll', token, { phoneNumber: phone, frictionProof: PROOF }, ip);
    }
    count(t, reply, 202);
    return reply;
  };

  for (let step = 0; step < steps; step++) {
    const hour = (step * STEP_SECONDS) / 3600;
    const jobs: (() => Promise<void>)[] = [];
    for (const [country, c] of Object.entries(COUNTRIES)) {
      const surge = s.surge && country === s.surge.country && hour >= s.surge.from && hour < s.surge.to ? 5 : 1;
      for (let n = arrivals(perStep(LEGIT_PER_COUNTRY_PER_HOUR * surge)); n > 0; n--) {
        const token = auth.issueToken(`person-${++users}`);
        const phone = numberIn(c.code, pick(c.ranges), c.digits);
        const ip = `198.${18 + (ipCounter >> 16)}.${(ipCounter >> 8) & 255}.${ipCounter++ & 255}`;
        jobs.push(async () => {
          const reply = await enrol(legit, token, phone, ip, true);
          if (reply.status === 202 && random() >= 0.05) pending.push({ due: step + 1 + Math.floor(random() * 6), token, phone, ip, tally: legit });
        });
      }
    }
    if (hour >= s.attackFrom) {
      const ring = s.ring(hour);
      for (let n = arrivals(perStep(ATTACK_PER_HOUR)); n > 0; n--) {
        const r = pick(ring);
        const token = auth.issueToken(`bot-${++users}`);
        const phone = numberIn(r.code, r.range, r.digits);
        const ip = pick(attackIps);
        const key = `${r.code}${r.range}`;
        const fakes = (faked.get(key) ?? 0) < (s.fakes ?? 0);
        if (fakes) faked.set(key, (faked.get(key) ?? 0) + 1);
        jobs.push(async () => {
          const reply = await enrol(attack, token, phone, ip, fakes);
          if (fakes && reply.status === 202) pending.push({ due: step + 1, token, phone, ip, tally: tally() });
        });
      }
    }
    for (const p of pending.filter((x) => x.due === step)) {
      const code = outbox.lastMessageTo(p.phone)!.body.match(/\b(\d{6})\b/)![1];
      jobs.push(async () => count(p.tally, await client.post('/mfa/sms/enroll/verify', p.token, { code }, p.ip), 200));
    }
    for (let i = 0; i < jobs.length; i += CONCURRENCY) await Promise.all(jobs.slice(i, i + CONCURRENCY).map((j) => j()));
    clock.advance(STEP_SECONDS * 1000);
  }

  // What reached a provider: the send log's attempts the (mock) provider took, priced as Twilio would.
  const reached = await withClient(db.url, async (c) =>
    (
      await c.query<{ country: string; bot: boolean; first_hour: boolean; verified: boolean; n: number }>(
        `SELECT l.country, l.user_id LIKE 'bot-%' AS bot, ch.created_at < $1::timestamptz + interval '1 hour' AS first_hour,
                ch.consumed_at IS NOT NULL AS verified, count(*)::int AS n
           FROM sms_send_log l JOIN mfa_challenges ch ON ch.id = l.challenge_id
          WHERE l.provider = 'MOCK' AND l.status IN ('sent', 'delivered')
          GROUP BY 1, 2, 3, 4`,
        [new Date(Date.parse('2026-11-02T08:00:00Z') + s.attackFrom * 3600_000)],
      )
    ).rows,
  );
  const bots = reached.filter((r) => r.bot);
  client.close();
  await app.close();
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
  return {
    attackRequests: attack.requests,
    attackReached: bots.reduce((a, r) => a + r.n, 0),
    attackFaked: bots.filter((r) => r.verified).reduce((a, r) => a + r.n, 0),
    attackUsd: bots.reduce((a, r) => a + r.n * priceOf(r.country), 0),
    firstHourUsd: bots.filter((r) => r.first_hour).reduce((a, r) => a + r.n * priceOf(r.country), 0),
    legitRequests: legit.requests,
    legitRefused: legit.refused,
    legitFriction: legit.friction,
    attackByCode: attack.byCode,
    legitByCode: legit.byCode,
    seconds: (Date.now() - started) / 1000,
  };
}

async function main(): Promise<void> {
  const arg = (flag: string) => {
    const i = process.argv.indexOf(flag);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const seeds = (arg('--seeds') ?? arg('--seed') ?? '1').split(',').map(Number);
  const names = arg('--scenario') ? [arg('--scenario')!] : Object.keys(SCENARIOS);
  const friction = !process.argv.includes('--no-friction');
  const pct = (n: number, of: number) => `${((n / Math.max(1, of)) * 100).toFixed(2)} %`;
  console.log(`host friction step: ${friction ? 'on' : 'off'} · goals: ≤ 2 % of attack sends reach a provider, ≤ 1 % of real requests refused`);
  console.log('| scenario | seed | attack sends reaching a provider | of them, codes the ring used | attack money (first hour) | real requests refused | friction asked of people |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const name of names) {
    const scenario = SCENARIOS[name];
    if (!scenario) throw new Error(`no scenario ${name}: ${Object.keys(SCENARIOS).join(', ')}`);
    for (const seed of seeds) {
      const o = await run(scenario, seed, friction);
      console.log(
        `| ${name} | ${seed} | ${o.attackReached} of ${o.attackRequests} = ${pct(o.attackReached, o.attackRequests)} | ${o.attackFaked} | ` +
          `$${o.attackUsd.toFixed(2)} ($${o.firstHourUsd.toFixed(2)}) | ${o.legitRefused} of ${o.legitRequests} = ${pct(o.legitRefused, o.legitRequests)} | ` +
          `${o.legitFriction} |`,
      );
      console.error(`  ${name} seed ${seed}: ${o.seconds.toFixed(0)} s; attack refused by`, o.attackByCode, '; real refused by', o.legitByCode);
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

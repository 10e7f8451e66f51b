import 'reflect-metadata';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { parsePhoneNumberWithError } from 'libphonenumber-js/max';
import { JsonClient, Reply } from '../bench/http-client';
import { Clock } from '../src/common/clock';
import type { MfaConfigOverrides } from '../src/sms-mfa.settings';
import { configureApp } from '../apps/demo/configure-app';
import { DemoAppModule } from '../apps/demo/demo-app.module';
import { DemoAuth } from '../apps/demo/demo-auth';
import { loadDemoConfig } from '../apps/demo/demo.config';
import { digitRuns } from '../src/fraud/rules/digit-pattern.rule';
import { MockSmsProvider } from '../src/sms/providers/mock/mock-sms.provider';
import { FakeClock } from '../test/support/clock';
import { createTestDatabase, withClient } from '../test/support/database';

/**
 * npm run simulate:pumping — a toll-fraud attack next to real traffic, from an
 * empty database, on the demo host with its default fraud settings and the
 * mock provider. Six simulated hours run in a few minutes: the app's clock is
 * moved in 15-second steps, and every request is real HTTP.
 *
 * - Real people in 8 countries enrol their phone and type the code after a
 *   human delay (15–90 s); 5 % never do (the SMS did not arrive).
 * - From hour 2 to 3, one country surges 5× (a displacement event).
 * - From hour 1 on, a botnet pumps 4 high-cost number ranges (Uzbekistan,
 *   Tajikistan), each request from a new account and a random address out of
 *   5,000, never verifying.
 *
 * Prints the share of the attack's sends refused and of real requests refused.
 * `--seed N` picks another run.
 */
const STEP_SECONDS = 15;
const HOURS = 6;
const LEGIT_PER_COUNTRY_PER_HOUR = 60;
const ATTACK_PER_RANGE_PER_HOUR = 450;
const CONCURRENCY = 16;

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
const SURGE_COUNTRY = 'UA';
/** The pumped ranges: high-cost destinations where this service has no users. */
const ATTACK_RANGES = [
  { code: '998', range: '9012', digits: 9 },
  { code: '998', range: '9134', digits: 9 },
  { code: '998', range: '9377', digits: 9 },
  { code: '992', range: '9188', digits: 9 },
];

const DEMO = loadDemoConfig({}, { logLevel: 'error', authJwtSecret: 'simulation-secret-simulation-secret-00' });

const CONFIG: MfaConfigOverrides = {
  trustProxy: 'loopback',
  cleanupIntervalMinutes: 0,
  alertIntervalSeconds: 0,
  httpThrottlePerMinute: 10_000_000,
  providers: { MOCK: { maxPerMinute: 10_000_000, maxPerHour: 10_000_000, maxPerDay: 10_000_000 } },
};

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
  byCode: Record<string, number>;
}
const tally = (): Tally => ({ requests: 0, refused: 0, byCode: {} });
function count(t: Tally, reply: Reply, ok: number): void {
  t.requests += 1;
  if (reply.status === ok) return;
  t.refused += 1;
  const code = reply.body?.code ?? String(reply.status);
  t.byCode[code] = (t.byCode[code] ?? 0) + 1;
}

async function main(): Promise<void> {
  const seedArg = process.argv.indexOf('--seed');
  const seed = seedArg > 0 ? Number(process.argv[seedArg + 1]) : 1;
  const random = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const used = new Set<string>();
  /** A valid, unused mobile number in a range, free of the digit patterns the rules refuse. */
  const numberIn = (code: string, range: string, length: number): string => {
    for (;;) {
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
  };

  const db = await createTestDatabase();
  const clock = new FakeClock(Date.parse('2026-11-02T08:00:00Z'));
  const moduleRef = await Test.createTestingModule({ imports: [DemoAppModule.register(DEMO, { ...CONFIG, databaseUrl: db.url })] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: ['error'] });
  configureApp(app, DEMO);
  await app.listen(0, '127.0.0.1');
  const client = new JsonClient((app.getHttpServer().address() as { port: number }).port, CONCURRENCY);
  const auth = app.get(DemoAuth);
  const outbox = app.get(MockSmsProvider);

  const legit = tally();
  const attack = tally();
  const pending: { due: number; token: string; phone: string; ip: string }[] = [];
  let users = 0;
  let ipCounter = 0;
  const attackIps = Array.from({ length: 5000 }, (_, i) => `100.${64 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`);
  const started = Date.now();

  const steps = (HOURS * 3600) / STEP_SECONDS;
  const perStep = (perHour: number) => (perHour * STEP_SECONDS) / 3600;
  /** Whole arrivals for a rate, with the fractional part drawn at random. */
  const arrivals = (rate: number) => Math.floor(rate) + (random() < rate % 1 ? 1 : 0);

  for (let step = 0; step < steps; step++) {
    const hour = (step * STEP_SECONDS) / 3600;
    const jobs: (() => Promise<void>)[] = [];
    for (const [country, c] of Object.entries(COUNTRIES)) {
      const surge = country === SURGE_COUNTRY && hour >= 2 && hour < 3 ? 5 : 1;
      for (let n = arrivals(perStep(LEGIT_PER_COUNTRY_PER_HOUR * surge)); n > 0; n--) {
        const token = auth.issueToken(`person-${++users}`);
        const phone = numberIn(c.code, pick(c.ranges), c.digits);
        const ip = `198.${18 + (ipCounter >> 16)}.${(ipCounter >> 8) & 255}.${ipCounter++ & 255}`;
        jobs.push(async () => {
          const reply = await client.post('/mfa/sms/enroll', token, { phoneNumber: phone }, ip);
          count(legit, reply, 202);
          if (reply.status === 202 && random() >= 0.05) pending.push({ due: step + 1 + Math.floor(random() * 6), token, phone, ip });
        });
      }
    }
    if (hour >= 1) {
      for (const r of ATTACK_RANGES) {
        for (let n = arrivals(perStep(ATTACK_PER_RANGE_PER_HOUR)); n > 0; n--) {
          const token = auth.issueToken(`bot-${++users}`);
          const phone = numberIn(r.code, r.range, r.digits);
          const ip = pick(attackIps);
          jobs.push(async () => count(attack, await client.post('/mfa/sms/enroll', token, { phoneNumber: phone }, ip), 202));
        }
      }
    }
    for (const p of pending.filter((x) => x.due === step)) {
      const code = outbox.lastMessageTo(p.phone)!.body.match(/\b(\d{6})\b/)![1];
      jobs.push(async () => count(legit, await client.post('/mfa/sms/enroll/verify', p.token, { code }, p.ip), 200));
    }
    for (let i = 0; i < jobs.length; i += CONCURRENCY) await Promise.all(jobs.slice(i, i + CONCURRENCY).map((j) => j()));
    clock.advance(STEP_SECONDS * 1000);
  }

  const pct = (t: Tally) => ((t.refused / Math.max(1, t.requests)) * 100).toFixed(2);
  console.log(`seed ${seed}: ${HOURS} simulated hours in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`attack: ${attack.requests} sends requested, ${attack.refused} refused = ${pct(attack)} % (goal ≥ 95 %)`, attack.byCode);
  console.log(`legitimate: ${legit.requests} requests, ${legit.refused} refused = ${pct(legit)} % (goal ≤ 1 %)`, legit.byCode);
  const events = await withClient(db.url, async (c) =>
    (await c.query(`SELECT rule, action, count(*)::int AS n FROM sms_fraud_events GROUP BY rule, action ORDER BY rule, action`)).rows,
  );
  console.log('fraud events:', events.map((e) => `${e.rule} ${e.action} ${e.n}`).join(', '));
  client.close();
  await app.close();
  await db.drop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

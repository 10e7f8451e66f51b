import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { MfaConfigOverrides } from '../src';
import { configureApp, httpAdapterFor } from '../apps/demo/configure-app';
import { DemoAppModule } from '../apps/demo/demo-app.module';
import { DemoAuth } from '../apps/demo/demo-auth';
import { loadDemoConfig, type DemoConfigOverrides, type HttpAdapterName } from '../apps/demo/demo.config';
import { digitRuns } from '../src/fraud/rules/digit-pattern.rule';
import { MockSmsProvider } from '../src/sms/providers/mock/mock-sms.provider';
import { createTestDatabase } from '../test/support/database';
import { ChildProcess, fork } from 'node:child_process';
import { JsonClient } from './http-client';
import type { PhaseRequest } from './load-worker';
import { PhaseResult, runPhase } from './stats';
import { CleanupService } from '../src/ops/cleanup.service';
import { goalRows, OurResults, printGoals, ScaleResults } from './goals';
import { PeerResults, runPeer } from './peer';
import { analyzeAndCheckpoint, preload } from './scale';
import { StatementTime, timeStatements } from './statement-timing';
import { MfaMetrics } from '../src/metrics/mfa-metrics';
import { pgbenchCeiling, type Ceiling } from './ceiling';

/**
 * npm run bench: the real HTTP app in this process on real Postgres
 * (DATABASE_URL, else embedded), driven over loopback HTTP by a load generator
 * in a child process: many distinct users, sends and verifies at concurrency
 * 1, 8 and 32; then the same at the scale of a large deployment (10 million
 * send-log rows, 1 million challenges, generated in SQL) and sends while the
 * cleanup removes a day's expired rows; then sends with the primary provider
 * down. Limits are raised through configuration only. Before all that, the
 * same sends and verifies under the other HTTP adapter, for the Express/Fastify
 * comparison.
 *
 * Options: `--peer <folder>` runs the peer benchmark afterwards on the same
 * Postgres and prints every goal as a ratio to it; `--scale-rows <n>` sizes the
 * scale phase (0 skips it); `--adapter express|fastify` the adapter measured
 * against the goals (default: the demo's, HTTP_ADAPTER).
 */
const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const PEER = option('--peer');
const SCALE_ROWS = Number(option('--scale-rows') ?? 10_000_000);
const ADAPTER: HttpAdapterName = (option('--adapter') as HttpAdapterName | undefined) ?? loadDemoConfig(process.env).httpAdapter;
const OTHER_ADAPTER: HttpAdapterName = ADAPTER === 'express' ? 'fastify' : 'express';
const LEVELS = [1, 8, 32] as const;
const OPS: Record<(typeof LEVELS)[number], number> = { 1: 400, 8: 2000, 32: 3000 };
const USERS = 3000;

/** The demo app's own settings in the bench. */
const BENCH_DEMO: DemoConfigOverrides = {
  // No line per request: the bench measures the module, not stdout (info-level request logs halve throughput here).
  logLevel: 'warn',
  authJwtSecret: 'bench-secret-bench-secret-bench-secret-0000',
};

const BENCH_CONFIG: MfaConfigOverrides = {
  // Users come from many addresses, through a proxy on loopback (X-Forwarded-For).
  trustProxy: 'loopback',
  // Thousands of enrolments to one number range in seconds is the bench, not pumping.
  fraudVelocityMinSends: 1_000_000,
  fraudConversionMinSends: 1_000_000,
  cooldownMinutes: 0,
  hourlyLimit: 1_000_000,
  dailyLimit: 1_000_000,
  ipHourlyLimit: 1_000_000,
  httpThrottlePerMinute: 10_000_000,
  databasePoolSize: 24,
  providers: { MOCK: { maxPerMinute: 10_000_000, maxPerHour: 10_000_000, maxPerDay: 10_000_000 } },
};

/** Twilio enabled in front of the mock, its API on a port where nothing listens. */
const TWILIO_DOWN: MfaConfigOverrides = {
  twilioEnabled: true,
  twilioAccountSid: 'AC' + '0'.repeat(32),
  twilioAuthToken: 'bench-token',
  twilioFromNumber: '+15005550006',
  twilioApiBaseUrl: 'http://127.0.0.1:9',
  // Named explicitly: by default the mock is never a failover target behind a real provider.
  mockSmsEnabled: true,
  providers: { ...BENCH_CONFIG.providers, TWILIO: { maxPerMinute: 10_000_000, maxPerHour: 10_000_000, maxPerDay: 10_000_000 } },
};

interface Bench {
  client: JsonClient;
  load: ChildProcess;
  tokens: string[];
  phones: string[];
  outbox: MockSmsProvider;
  /** The server's metrics: the batch sizes of its group-committed writes. */
  metrics: MfaMetrics;
}

/** Batches written so far, by write: their count and the items in them. */
async function batchTotals(m: MfaMetrics): Promise<Record<string, { count: number; sum: number }>> {
  const totals: Record<string, { count: number; sum: number }> = {};
  for (const v of (await m.batchSize.get()).values) {
    const write = String(v.labels.write);
    totals[write] ??= { count: 0, sum: 0 };
    if (v.metricName === 'mfa_db_batch_size_count') totals[write].count = v.value;
    if (v.metricName === 'mfa_db_batch_size_sum') totals[write].sum = v.value;
  }
  return totals;
}

/** The mean batch size of each write made during `work`. */
async function meanBatches(m: MfaMetrics, work: () => Promise<unknown>): Promise<Record<string, number>> {
  const before = await batchTotals(m);
  await work();
  const after = await batchTotals(m);
  return Object.fromEntries(
    Object.entries(after).flatMap(([write, a]) => {
      const count = a.count - (before[write]?.count ?? 0);
      return count ? [[write, Math.round(((a.sum - (before[write]?.sum ?? 0)) / count) * 100) / 100]] : [];
    }),
  );
}

/** Distinct, valid US numbers that no fraud pattern flags (no test ranges, no 6-digit runs). */
function benchPhones(count: number): string[] {
  const phones: string[] = [];
  for (let n = 2_010_000; phones.length < count; n++) {
    const e164 = `+1415${n}`;
    const { repeated, sequential } = digitRuns(e164.slice(2));
    if (repeated < 6 && sequential < 6) phones.push(e164);
  }
  return phones;
}

/** One client address per user, in a documentation range. */
const ipOf = (i: number) => `198.18.${Math.floor(i / 250)}.${(i % 250) + 1}`;

function phase(b: Bench, req: PhaseRequest): Promise<PhaseResult> {
  return new Promise((resolve, reject) => {
    b.load.once('error', reject);
    b.load.once('message', (result) => {
      b.load.off('error', reject);
      resolve(result as PhaseResult);
    });
    b.load.send(req);
  });
}

function codeFor(b: Bench, i: number): string {
  return b.outbox.lastMessageTo(b.phones[i])!.body.match(/\b(\d{4,10})\b/)![1];
}

async function setupUsers(b: Bench): Promise<void> {
  await runPhase(USERS, 16, async (i) => {
    const enrolled = await b.client.post('/mfa/sms/enroll', b.tokens[i], { phoneNumber: b.phones[i] }, ipOf(i));
    if (enrolled.status !== 202) throw new Error(`enroll failed: ${JSON.stringify(enrolled.body)}`);
    const verified = await b.client.post('/mfa/sms/enroll/verify', b.tokens[i], { code: codeFor(b, i) }, ipOf(i));
    if (verified.status !== 200) throw new Error(`enroll/verify failed: ${JSON.stringify(verified.body)}`);
    return true;
  });
}

/** The demo app under `adapter` on `port` (0: any), as main.ts builds it. */
async function startServer(adapter: HttpAdapterName, config: MfaConfigOverrides, port = 0): Promise<INestApplication> {
  const demo = loadDemoConfig({}, { ...BENCH_DEMO, httpAdapter: adapter, nodeEnv: config.nodeEnv });
  const app = await NestFactory.create(DemoAppModule.register(demo, config), httpAdapterFor(adapter, { trustProxy: config.trustProxy! }), {
    bodyParser: false,
    logger: ['error'],
  });
  configureApp(app, demo);
  await app.listen(port, '127.0.0.1');
  return app;
}

/**
 * 600 sends at c8, not measured: a new server's code is not yet optimised, and
 * after a bulk load the database's cache holds the loaded rows, not the pages
 * sends touch (the first few hundred sends there are about 20 % slower).
 */
async function warmUp(b: Bench): Promise<void> {
  const users = Array.from({ length: 600 }, (_, i) => i % USERS);
  await phase(b, {
    total: users.length,
    concurrency: 8,
    path: '/mfa/sms/challenge',
    tokens: users.map((u) => b.tokens[u]),
    bodies: users.map(() => ({})),
    ips: users.map(ipOf),
    expectStatus: 202,
  });
}

/** What each statement of a send and of a verify costs, one request at a time (200 of each). */
async function statementsOfOneRequest(b: Bench): Promise<Record<'send' | 'verify', StatementTime[]>> {
  const users = Array.from({ length: 200 }, (_, i) => i);
  const request = (path: string, bodies: object[], expectStatus: number) => () =>
    phase(b, {
      total: users.length,
      concurrency: 1,
      path,
      tokens: users.map((u) => b.tokens[u]),
      bodies,
      ips: users.map(ipOf),
      expectStatus,
    }).then(() => undefined);
  const send = await timeStatements(request('/mfa/sms/challenge', users.map(() => ({})), 202));
  const verify = await timeStatements(request('/mfa/sms/verify', users.map((u) => ({ code: codeFor(b, u) })), 200));
  return { send, verify };
}

/** Sends, then verifies of the codes just sent, at each concurrency level, after a warm-up of this server. */
async function measureLevels(b: Bench): Promise<OurResults> {
  await warmUp(b);
  const results: OurResults = { send: {}, verify: {}, batches: {} };
  for (const c of LEVELS) {
    const n = OPS[c];
    // Users are taken round-robin: at most one request per user in flight, so no request waits on another's lock.
    const users = Array.from({ length: n }, (_, i) => i % USERS);
    results.batches![`c${c}`] = await meanBatches(b.metrics, async () => (results.send[`c${c}`] = await phase(b, {
      total: n,
      concurrency: c,
      path: '/mfa/sms/challenge',
      tokens: users.map((u) => b.tokens[u]),
      bodies: users.map(() => ({})),
      ips: users.map(ipOf),
      expectStatus: 202,
    })));
    // Each user's newest code, read from the mock provider's outbox.
    const verifiers = Array.from({ length: Math.min(n, USERS) }, (_, i) => i);
    const verifyBatches = await meanBatches(b.metrics, async () => (results.verify[`c${c}`] = await phase(b, {
      total: verifiers.length,
      concurrency: c,
      path: '/mfa/sms/verify',
      tokens: verifiers.map((u) => b.tokens[u]),
      bodies: verifiers.map((u) => ({ code: codeFor(b, u) })),
      ips: verifiers.map(ipOf),
      expectStatus: 200,
    })));
    Object.assign(results.batches![`c${c}`], verifyBatches);
  }
  return results;
}

async function main(): Promise<void> {
  const db = await createTestDatabase();
  // Each server starts on an analysed, checkpointed database: earlier writes (the enrolments, the other server's) are not flushed during its run.
  const settle = () => (process.env.DATABASE_URL ? analyzeAndCheckpoint(db.url) : Promise.resolve());
  await settle();
  const config = { ...BENCH_CONFIG, databaseUrl: db.url };
  // The other adapter first, on the same database and port; then the one measured against the goals.
  const other = await startServer(OTHER_ADAPTER, config);
  const port = (other.getHttpServer().address() as { port: number }).port;
  const auth = other.get(DemoAuth);
  const b: Bench = {
    client: new JsonClient(port, 64),
    load: fork(join(__dirname, 'load-worker.js'), [String(port)]),
    tokens: Array.from({ length: USERS }, (_, i) => auth.issueToken(`bench-user-${i}`)),
    phones: benchPhones(USERS),
    outbox: other.get(MockSmsProvider),
    metrics: other.get(MfaMetrics),
  };

  let peakRss = 0;
  let peakHeap = 0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapTotal);
  }, 100);

  console.log(`database: ${process.env.DATABASE_URL ? 'DATABASE_URL server' : 'embedded PGlite'}; users: ${USERS}; adapter: ${ADAPTER} (${OTHER_ADAPTER} first, for comparison)`);
  await setupUsers(b);
  await settle();
  const otherResults = await measureLevels(b);
  await other.close();
  await settle();

  const app = await startServer(ADAPTER, config, port);
  b.outbox = app.get(MockSmsProvider);
  b.metrics = app.get(MfaMetrics);
  const results = await measureLevels(b);
  const statements = await statementsOfOneRequest(b);
  const scale = SCALE_ROWS > 0 ? await scalePhase(b, app, db.url) : undefined;
  await app.close();

  // Failover run: Twilio (priority 1) hard down — its base URL is a closed
  // port — so the first sends pay its failure until the circuit opens; then
  // sends go straight to the next provider.
  const down = await startServer(ADAPTER, { ...config, ...TWILIO_DOWN }, port);
  const users = Array.from({ length: OPS[32] }, (_, i) => i % USERS);
  const sendAll = (total: number) =>
    phase(b, {
      total,
      concurrency: 32,
      path: '/mfa/sms/challenge',
      tokens: users.slice(0, total).map((u) => b.tokens[u]),
      bodies: users.slice(0, total).map(() => ({})),
      ips: users.slice(0, total).map(ipOf),
      expectStatus: 202,
    });
  const warmup = await sendAll(32);
  const failover = await sendAll(OPS[32]);
  const failoverResults = {
    warmup,
    c32: failover,
    p99VsHealthy: Math.round((failover.p99 / results.send.c32.p99) * 100) / 100,
  };
  clearInterval(sampler);

  const env = {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    database: process.env.DATABASE_URL ? 'postgres' : 'embedded-pglite',
    peakRssMb: Math.round(peakRss / 2 ** 20),
    peakHeapTotalMb: Math.round(peakHeap / 2 ** 20),
    note: 'server in this process; load generator in a child process; RSS is the server process only',
    date: new Date().toISOString(),
  };
  b.client.close();
  b.load.send('close');
  await down.close();
  // The Postgres ceiling: the issue statement alone from pgbench, one send per statement and in batches the size seen at c32.
  const ceilings: Ceiling[] = [];
  if (process.env.DATABASE_URL) {
    for (const batch of new Set([1, Math.max(1, Math.round(results.batches?.c32?.issue ?? 1))])) {
      await settle();
      const ceiling = await pgbenchCeiling(db.url, batch, USERS);
      if (ceiling) ceilings.push(ceiling);
    }
  }
  await db.drop();

  // The peer, right after, on the same Postgres (our server is closed: it does not share the cores).
  const peer: PeerResults | undefined = PEER ? await runPeer(PEER) : undefined;
  print({ send: results.send, verify: results.verify, failover: { c32: failover } }, env);
  print({ [`send ${OTHER_ADAPTER}`]: otherResults.send, [`verify ${OTHER_ADAPTER}`]: otherResults.verify }, env);
  if (scale) {
    print({ [`at ${scale.rows / 1e6}M`]: { 'send c1': scale.send, 'verify c1': scale.verify, 'send c32': scale.sendC32, 'cleanup c32': scale.sendDuringCleanup } }, env);
    console.log(`preload: ${scale.preloadSeconds} s; cleanup removed ${scale.cleanedRows} send-log rows in ${scale.cleanupSeconds} s`);
  }
  if (peer) {
    console.log('\npeer (same sitting):');
    for (const op of ['send', 'verify'] as const) {
      for (const [level, r] of Object.entries(peer[op])) console.log(`${op.padEnd(10)} ${level.padEnd(5)} ${String(r.ops).padStart(9)} ${r.p50.toFixed(2).padStart(9)} ${r.p95.toFixed(2).padStart(9)} ${r.p99.toFixed(2).padStart(9)}`);
    }
  }
  console.log(`failover send p99 / healthy send p99 at c32: ${failoverResults.p99VsHealthy}`);
  console.log('\nmean batch size of the group-committed writes, during the sends (issue, accepted) and the verifies (attempt, consume) at each concurrency:');
  for (const [level, sizes] of Object.entries(results.batches ?? {})) console.log(`${level.padEnd(5)} ${Object.entries(sizes).map(([w, n]) => `${w} ${n}`).join(', ')}`);
  for (const c of ceilings) console.log(`Postgres ceiling (pgbench, ${c.clients} clients, ${c.batch} send(s) per statement): ${c.tps} statements/s = ${c.sendsPerSecond} sends/s`);
  console.log('\nstatements of one request at c1 (mean ms at the driver, commit included; the most costly first):');
  for (const op of ['send', 'verify'] as const) {
    for (const t of statements[op].filter((s) => s.count >= 100)) console.log(`${op.padEnd(7)} ${t.meanMs.toFixed(2).padStart(6)}  ×${t.count}  ${t.statement}`);
  }
  const goals = goalRows(results, peer, scale, env.peakRssMb, { [ADAPTER]: results, [OTHER_ADAPTER]: otherResults }, ceilings);
  printGoals(goals);
  const dir = join(__dirname, '..', '..', 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'latest.json'),
    JSON.stringify({ adapter: ADAPTER, ...results, [OTHER_ADAPTER]: otherResults, statements, failover: failoverResults, scale, peer, ceilings, goals, env }, null, 2) + '\n',
  );
}

/**
 * The same app on a database the size of a large deployment: c1 sends and
 * verifies (p50 against the empty run), c32 sends, then c32 sends while the
 * cleanup removes the rows past retention (about a day's worth).
 */
async function scalePhase(b: Bench, app: INestApplication, databaseUrl: string): Promise<ScaleResults> {
  const challenges = Math.round(SCALE_ROWS / 10);
  console.log(`scale phase: generating ${SCALE_ROWS} send-log rows and ${challenges} challenges in SQL…`);
  const preloadSeconds = await preload(databaseUrl, SCALE_ROWS, challenges);
  await analyzeAndCheckpoint(databaseUrl);
  await warmUp(b);
  const n = OPS[1];
  const users = Array.from({ length: n }, (_, i) => i);
  const send = (total: number, concurrency: number) => {
    const who = Array.from({ length: total }, (_, i) => i % USERS);
    return phase(b, {
      total,
      concurrency,
      path: '/mfa/sms/challenge',
      tokens: who.map((u) => b.tokens[u]),
      bodies: who.map(() => ({})),
      ips: who.map(ipOf),
      expectStatus: 202,
    });
  };
  const sendC1 = await send(n, 1);
  const verify = await phase(b, {
    total: n,
    concurrency: 1,
    path: '/mfa/sms/verify',
    tokens: users.map((u) => b.tokens[u]),
    bodies: users.map((u) => ({ code: codeFor(b, u) })),
    ips: users.map(ipOf),
    expectStatus: 200,
  });
  const sendC32 = await send(OPS[32], 32);
  const started = performance.now();
  const cleanup = app.get(CleanupService).run();
  const sendDuringCleanup = await send(OPS[32], 32);
  const report = await cleanup;
  return {
    rows: SCALE_ROWS,
    challenges,
    preloadSeconds,
    send: sendC1,
    verify,
    sendC32,
    sendDuringCleanup,
    cleanupSeconds: Math.round((performance.now() - started) / 100) / 10,
    cleanedRows: report?.sendLog ?? 0,
  };
}

function print(results: Record<string, Record<string, PhaseResult>>, env: Record<string, unknown>): void {
  console.log('\noperation  conc      ops/s    p50 ms    p95 ms    p99 ms   errors');
  for (const [op, levels] of Object.entries(results)) {
    for (const [level, r] of Object.entries(levels)) {
      console.log(
        `${op.padEnd(10)} ${level.padEnd(5)} ${String(r.ops).padStart(9)} ${r.p50.toFixed(2).padStart(9)} ${r.p95
          .toFixed(2)
          .padStart(9)} ${r.p99.toFixed(2).padStart(9)} ${String(r.errors).padStart(8)}`,
      );
    }
  }
  for (const [op, levels] of Object.entries(results)) {
    for (const [level, r] of Object.entries(levels)) if (r.firstError) console.log(`${op} ${level} first error: ${r.firstError}`);
  }
  console.log(`\npeak RSS of the server process: ${env.peakRssMb} MB (V8 heap ${env.peakHeapTotalMb} MB)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

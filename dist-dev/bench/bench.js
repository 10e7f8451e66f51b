"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const core_1 = require("@nestjs/core");
const mfa_config_1 = require("../src/config/mfa-config");
const configure_app_1 = require("../src/demo/configure-app");
const demo_app_module_1 = require("../src/demo/demo-app.module");
const demo_auth_1 = require("../src/demo/demo-auth");
const digit_pattern_rule_1 = require("../src/fraud/rules/digit-pattern.rule");
const mock_sms_provider_1 = require("../src/sms/providers/mock/mock-sms.provider");
const database_1 = require("../test/support/database");
const node_child_process_1 = require("node:child_process");
const http_client_1 = require("./http-client");
const stats_1 = require("./stats");
const cleanup_service_1 = require("../src/ops/cleanup.service");
const goals_1 = require("./goals");
const peer_1 = require("./peer");
const scale_1 = require("./scale");
const statement_timing_1 = require("./statement-timing");
const args = process.argv.slice(2);
const option = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
};
const PEER = option('--peer');
const SCALE_ROWS = Number(option('--scale-rows') ?? 10_000_000);
const ADAPTER = option('--adapter') ?? (0, mfa_config_1.loadMfaConfig)(process.env).httpAdapter;
const OTHER_ADAPTER = ADAPTER === 'express' ? 'fastify' : 'express';
const LEVELS = [1, 8, 32];
const OPS = { 1: 400, 8: 2000, 32: 3000 };
const USERS = 3000;
const BENCH_CONFIG = {
    logLevel: 'warn',
    trustProxy: 'loopback',
    fraudVelocityMinSends: 1_000_000,
    fraudConversionMinSends: 1_000_000,
    cooldownMinutes: 0,
    hourlyLimit: 1_000_000,
    dailyLimit: 1_000_000,
    ipHourlyLimit: 1_000_000,
    httpThrottlePerMinute: 10_000_000,
    databasePoolSize: 24,
    authJwtSecret: 'bench-secret-bench-secret-bench-secret-0000',
    providers: { MOCK: { maxPerMinute: 10_000_000, maxPerHour: 10_000_000, maxPerDay: 10_000_000 } },
};
const TWILIO_DOWN = {
    twilioEnabled: true,
    twilioAccountSid: 'AC' + '0'.repeat(32),
    twilioAuthToken: 'bench-token',
    twilioFromNumber: '+15005550006',
    twilioApiBaseUrl: 'http://127.0.0.1:9',
    mockSmsEnabled: true,
    providers: { ...BENCH_CONFIG.providers, TWILIO: { maxPerMinute: 10_000_000, maxPerHour: 10_000_000, maxPerDay: 10_000_000 } },
};
function benchPhones(count) {
    const phones = [];
    for (let n = 2_010_000; phones.length < count; n++) {
        const e164 = `+1415${n}`;
        const { repeated, sequential } = (0, digit_pattern_rule_1.digitRuns)(e164.slice(2));
        if (repeated < 6 && sequential < 6)
            phones.push(e164);
    }
    return phones;
}
const ipOf = (i) => `198.18.${Math.floor(i / 250)}.${(i % 250) + 1}`;
function phase(b, req) {
    return new Promise((resolve, reject) => {
        b.load.once('error', reject);
        b.load.once('message', (result) => {
            b.load.off('error', reject);
            resolve(result);
        });
        b.load.send(req);
    });
}
function codeFor(b, i) {
    return b.outbox.lastMessageTo(b.phones[i]).body.match(/\b(\d{4,10})\b/)[1];
}
async function setupUsers(b) {
    await (0, stats_1.runPhase)(USERS, 16, async (i) => {
        const enrolled = await b.client.post('/mfa/sms/enroll', b.tokens[i], { phoneNumber: b.phones[i] }, ipOf(i));
        if (enrolled.status !== 202)
            throw new Error(`enroll failed: ${JSON.stringify(enrolled.body)}`);
        const verified = await b.client.post('/mfa/sms/enroll/verify', b.tokens[i], { code: codeFor(b, i) }, ipOf(i));
        if (verified.status !== 200)
            throw new Error(`enroll/verify failed: ${JSON.stringify(verified.body)}`);
        return true;
    });
}
async function startServer(adapter, config, port = 0) {
    const app = await core_1.NestFactory.create(demo_app_module_1.DemoAppModule.register(config), (0, configure_app_1.httpAdapterFor)(adapter, { trustProxy: config.trustProxy }), {
        bodyParser: false,
        logger: ['error'],
    });
    (0, configure_app_1.configureApp)(app);
    await app.listen(port, '127.0.0.1');
    return app;
}
async function warmUp(b) {
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
async function statementsOfOneRequest(b) {
    const users = Array.from({ length: 200 }, (_, i) => i);
    const request = (path, bodies, expectStatus) => () => phase(b, {
        total: users.length,
        concurrency: 1,
        path,
        tokens: users.map((u) => b.tokens[u]),
        bodies,
        ips: users.map(ipOf),
        expectStatus,
    }).then(() => undefined);
    const send = await (0, statement_timing_1.timeStatements)(request('/mfa/sms/challenge', users.map(() => ({})), 202));
    const verify = await (0, statement_timing_1.timeStatements)(request('/mfa/sms/verify', users.map((u) => ({ code: codeFor(b, u) })), 200));
    return { send, verify };
}
async function measureLevels(b) {
    await warmUp(b);
    const results = { send: {}, verify: {} };
    for (const c of LEVELS) {
        const n = OPS[c];
        const users = Array.from({ length: n }, (_, i) => i % USERS);
        results.send[`c${c}`] = await phase(b, {
            total: n,
            concurrency: c,
            path: '/mfa/sms/challenge',
            tokens: users.map((u) => b.tokens[u]),
            bodies: users.map(() => ({})),
            ips: users.map(ipOf),
            expectStatus: 202,
        });
        const verifiers = Array.from({ length: Math.min(n, USERS) }, (_, i) => i);
        results.verify[`c${c}`] = await phase(b, {
            total: verifiers.length,
            concurrency: c,
            path: '/mfa/sms/verify',
            tokens: verifiers.map((u) => b.tokens[u]),
            bodies: verifiers.map((u) => ({ code: codeFor(b, u) })),
            ips: verifiers.map(ipOf),
            expectStatus: 200,
        });
    }
    return results;
}
async function main() {
    const db = await (0, database_1.createTestDatabase)();
    const settle = () => (process.env.DATABASE_URL ? (0, scale_1.checkpoint)(db.url) : Promise.resolve());
    await settle();
    const config = { ...BENCH_CONFIG, databaseUrl: db.url };
    const other = await startServer(OTHER_ADAPTER, config);
    const port = other.getHttpServer().address().port;
    const auth = other.get(demo_auth_1.DemoAuth);
    const b = {
        client: new http_client_1.JsonClient(port, 64),
        load: (0, node_child_process_1.fork)((0, node_path_1.join)(__dirname, 'load-worker.js'), [String(port)]),
        tokens: Array.from({ length: USERS }, (_, i) => auth.issueToken(`bench-user-${i}`)),
        phones: benchPhones(USERS),
        outbox: other.get(mock_sms_provider_1.MockSmsProvider),
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
    b.outbox = app.get(mock_sms_provider_1.MockSmsProvider);
    const results = await measureLevels(b);
    const statements = await statementsOfOneRequest(b);
    const scale = SCALE_ROWS > 0 ? await scalePhase(b, app, db.url) : undefined;
    await app.close();
    const down = await startServer(ADAPTER, { ...config, ...TWILIO_DOWN }, port);
    const users = Array.from({ length: OPS[32] }, (_, i) => i % USERS);
    const sendAll = (total) => phase(b, {
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
        cpus: (0, node_os_1.cpus)().length,
        cpuModel: (0, node_os_1.cpus)()[0]?.model,
        memoryGiB: Math.round((0, node_os_1.totalmem)() / 2 ** 30),
        database: process.env.DATABASE_URL ? 'postgres' : 'embedded-pglite',
        peakRssMb: Math.round(peakRss / 2 ** 20),
        peakHeapTotalMb: Math.round(peakHeap / 2 ** 20),
        note: 'server in this process; load generator in a child process; RSS is the server process only',
        date: new Date().toISOString(),
    };
    b.client.close();
    b.load.send('close');
    await down.close();
    await db.drop();
    const peer = PEER ? await (0, peer_1.runPeer)(PEER) : undefined;
    print({ ...results, failover: { c32: failover } }, env);
    print({ [`send ${OTHER_ADAPTER}`]: otherResults.send, [`verify ${OTHER_ADAPTER}`]: otherResults.verify }, env);
    if (scale) {
        print({ [`at ${scale.rows / 1e6}M`]: { 'send c1': scale.send, 'verify c1': scale.verify, 'send c32': scale.sendC32, 'cleanup c32': scale.sendDuringCleanup } }, env);
        console.log(`preload: ${scale.preloadSeconds} s; cleanup removed ${scale.cleanedRows} send-log rows in ${scale.cleanupSeconds} s`);
    }
    if (peer) {
        console.log('\npeer (same sitting):');
        for (const op of ['send', 'verify']) {
            for (const [level, r] of Object.entries(peer[op]))
                console.log(`${op.padEnd(10)} ${level.padEnd(5)} ${String(r.ops).padStart(9)} ${r.p50.toFixed(2).padStart(9)} ${r.p95.toFixed(2).padStart(9)} ${r.p99.toFixed(2).padStart(9)}`);
        }
    }
    console.log(`failover send p99 / healthy send p99 at c32: ${failoverResults.p99VsHealthy}`);
    console.log('\nstatements of one request at c1 (mean ms at the driver, commit included; the most costly first):');
    for (const op of ['send', 'verify']) {
        for (const t of statements[op].filter((s) => s.count >= 100))
            console.log(`${op.padEnd(7)} ${t.meanMs.toFixed(2).padStart(6)}  ×${t.count}  ${t.statement}`);
    }
    const goals = (0, goals_1.goalRows)(results, peer, scale, env.peakRssMb, { [ADAPTER]: results, [OTHER_ADAPTER]: otherResults });
    (0, goals_1.printGoals)(goals);
    const dir = (0, node_path_1.join)(__dirname, '..', '..', 'bench', 'results');
    (0, node_fs_1.mkdirSync)(dir, { recursive: true });
    (0, node_fs_1.writeFileSync)((0, node_path_1.join)(dir, 'latest.json'), JSON.stringify({ adapter: ADAPTER, ...results, [OTHER_ADAPTER]: otherResults, statements, failover: failoverResults, scale, peer, goals, env }, null, 2) + '\n');
}
async function scalePhase(b, app, databaseUrl) {
    const challenges = Math.round(SCALE_ROWS / 10);
    console.log(`scale phase: generating ${SCALE_ROWS} send-log rows and ${challenges} challenges in SQL…`);
    const preloadSeconds = await (0, scale_1.preload)(databaseUrl, SCALE_ROWS, challenges);
    await (0, scale_1.checkpoint)(databaseUrl);
    await warmUp(b);
    const n = OPS[1];
    const users = Array.from({ length: n }, (_, i) => i);
    const send = (total, concurrency) => {
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
    const cleanup = app.get(cleanup_service_1.CleanupService).run();
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
function print(results, env) {
    console.log('\noperation  conc      ops/s    p50 ms    p95 ms    p99 ms   errors');
    for (const [op, levels] of Object.entries(results)) {
        for (const [level, r] of Object.entries(levels)) {
            console.log(`${op.padEnd(10)} ${level.padEnd(5)} ${String(r.ops).padStart(9)} ${r.p50.toFixed(2).padStart(9)} ${r.p95
                .toFixed(2)
                .padStart(9)} ${r.p99.toFixed(2).padStart(9)} ${String(r.errors).padStart(8)}`);
        }
    }
    for (const [op, levels] of Object.entries(results)) {
        for (const [level, r] of Object.entries(levels))
            if (r.firstError)
                console.log(`${op} ${level} first error: ${r.firstError}`);
    }
    console.log(`\npeak RSS of the server process: ${env.peakRssMb} MB (V8 heap ${env.peakHeapTotalMb} MB)`);
}
main().catch((err) => {
    console.error(err);
    process.exit(1);
});
//# sourceMappingURL=bench.js.map
"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_http_1 = require("node:http");
const node_net_1 = require("node:net");
const node_test_1 = require("node:test");
const jwt = __importStar(require("jsonwebtoken"));
const twilio_1 = __importDefault(require("twilio"));
const mfa_db_1 = require("../src/database/mfa-db");
const embedded_postgres_1 = require("../src/database/embedded-postgres");
const alerts_service_1 = require("../src/ops/alerts.service");
const send_reaper_service_1 = require("../src/ops/send-reaper.service");
const shutdown_drain_service_1 = require("../src/ops/shutdown-drain.service");
const configure_app_1 = require("../src/demo/configure-app");
const app_1 = require("./support/app");
const database_1 = require("./support/database");
const providers_1 = require("./support/providers");
const tcp_proxy_1 = require("./support/tcp-proxy");
const phone = (i) => `+1415204${String(1000 + i)}`;
const bearer = (t, user) => ({ Authorization: `Bearer ${t.token(user)}` });
async function listen(t) {
    const server = t.app.getHttpServer();
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    return server.address().port;
}
function call(port, agent, method, path, token, body) {
    return new Promise((resolve, reject) => {
        const payload = body === undefined ? '' : JSON.stringify(body);
        const req = (0, node_http_1.request)({ host: '127.0.0.1', port, path, method, agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => {
                const text = Buffer.concat(chunks).toString('utf8');
                resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : undefined });
            });
        });
        req.on('error', reject);
        req.end(payload);
    });
}
(0, node_test_1.describe)('production hardening', () => {
    let db;
    let fakes;
    (0, node_test_1.before)(async () => {
        db = await (0, database_1.createTestDatabase)();
        fakes = await (0, providers_1.startProviderFakes)();
        await (await (0, app_1.startTestApp)(db.url)).close();
    });
    (0, node_test_1.after)(async () => {
        await fakes?.stop();
        await db?.drop();
    });
    (0, node_test_1.it)('database faults are 503 SERVICE_UNAVAILABLE with Retry-After, bounded in time, and /health keeps its details', async () => {
        const proxy = new tcp_proxy_1.TcpProxy(tcp_proxy_1.TcpProxy.targetOf(db.url));
        const url = await proxy.start(db.url);
        const t = await (0, app_1.startTestApp)(url, { databaseConnectTimeoutMs: 400, databaseStatementTimeoutMs: 1000, databasePoolSize: 4, cooldownMinutes: 0 });
        try {
            await (0, app_1.enrollVerified)(t, 'faulty', phone(1));
            proxy.cut();
            const refused = await t.http.post('/mfa/sms/challenge').set(bearer(t, 'faulty')).send({}).expect(503);
            strict_1.default.equal(refused.body.code, 'SERVICE_UNAVAILABLE');
            strict_1.default.equal(refused.headers['retry-after'], '5');
            const health = await t.http.get('/health').expect(503);
            strict_1.default.equal(health.body.details.database.status, 'down');
            proxy.hang();
            const started = Date.now();
            await t.http.post('/mfa/sms/challenge').set(bearer(t, 'faulty')).send({}).expect(503);
            strict_1.default.ok(Date.now() - started < 3000, `answered in ${Date.now() - started} ms`);
            proxy.restore();
            await t.http.post('/mfa/sms/challenge').set(bearer(t, 'faulty')).send({}).expect(202);
            strict_1.default.ok(!t.logs.lines.some((l) => /Unhandled/.test(l) && /ECONN|terminated|timeout/i.test(l)), 'no 500 for a fault');
        }
        finally {
            proxy.restore();
            await t.close();
            await proxy.stop();
        }
    });
    (0, node_test_1.it)('once a provider accepted, the send stands: the acceptance write is retried, else left to the reaper, which alerts', async () => {
        const t = await (0, app_1.startTestApp)(db.url);
        const pool = t.app.get(mfa_db_1.MfaDb).pool;
        const query = pool.query.bind(pool);
        let failures = 0;
        pool.query = (...args) => {
            const text = typeof args[0] === 'string' ? args[0] : args[0].text;
            if (failures > 0 && text.includes('UPDATE sms_send_log AS l')) {
                failures -= 1;
                return Promise.reject(new Error('injected: the log write failed'));
            }
            return query(...args);
        };
        try {
            failures = 1;
            const once = await t.http.post('/mfa/sms/enroll').set(bearer(t, 'acc-1')).send({ phoneNumber: phone(2) }).expect(202);
            failures = 10;
            const lost = await t.http.post('/mfa/sms/enroll').set(bearer(t, 'acc-2')).send({ phoneNumber: phone(3) }).expect(202);
            failures = 0;
            await t.http.post('/mfa/sms/enroll/verify').set(bearer(t, 'acc-2')).send({ code: (0, app_1.lastCode)(t, phone(3)) }).expect(200);
            const status = (id) => (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT status FROM sms_send_log WHERE challenge_id = $1`, [id])).rows[0].status);
            strict_1.default.equal(await status(once.body.challengeId), 'delivered');
            strict_1.default.equal(await status(lost.body.challengeId), 'sending');
            strict_1.default.ok(t.logs.lines.some((l) => l.includes("acceptance could not be recorded") && l.includes('injected')), 'the first cause is logged');
            await (0, database_1.withClient)(db.url, (c) => c.query(`UPDATE sms_send_log SET created_at = now() - interval '10 minutes' WHERE challenge_id = $1`, [lost.body.challengeId]));
            strict_1.default.equal(await t.app.get(send_reaper_service_1.SendReaper).run(), 1);
            strict_1.default.equal(await status(lost.body.challengeId), 'unknown');
            const alerts = (await t.app.get(alerts_service_1.AlertsService).evaluate()) ?? [];
            strict_1.default.ok(alerts.some((a) => a.key === 'stuck_sends' && a.status === 'firing'));
        }
        finally {
            pool.query = query;
            await t.close();
        }
    });
    (0, node_test_1.it)('shutdown drains in-flight requests, refuses new ones with Connection: close, and ends with idle keep-alive clients', async () => {
        const t = await (0, app_1.startTestApp)(db.url, { ...fakes.config, providerTimeoutMs: 800, shutdownDrainMs: 5000 });
        const port = await listen(t);
        const agent = new node_http_1.Agent({ keepAlive: true, maxSockets: 4 });
        const idle = new node_http_1.Agent({ keepAlive: true });
        try {
            await call(port, idle, 'GET', '/health/live', '');
            fakes.twilio.reset({ kind: 'hang' });
            fakes.sns.reset();
            const reachedTwilio = fakes.twilio.nextRequest();
            const inFlight = call(port, agent, 'POST', '/mfa/sms/enroll', t.token('drain-1'), { phoneNumber: phone(4) });
            await reachedTwilio;
            const closing = t.close();
            await t.app.get(shutdown_drain_service_1.ShutdownDrain).drainStarted;
            const refused = await call(port, agent, 'POST', '/mfa/sms/enroll', t.token('drain-2'), { phoneNumber: phone(5) });
            strict_1.default.equal(refused.status, 503);
            strict_1.default.equal(refused.body.code, 'SERVICE_UNAVAILABLE');
            strict_1.default.equal(refused.headers.connection, 'close');
            const ready = await call(port, new node_http_1.Agent(), 'GET', '/health/ready', '');
            strict_1.default.equal(ready.status, 503);
            strict_1.default.equal((await inFlight).status, 202, 'the in-flight send finished (failover after the deadline)');
            const started = Date.now();
            await closing;
            strict_1.default.ok(Date.now() - started < 2000, 'closing did not wait on the idle keep-alive connection');
        }
        finally {
            agent.destroy();
            idle.destroy();
        }
    });
    (0, node_test_1.it)('shutdown is bounded: what still runs after SHUTDOWN_DRAIN_MS is closed', async () => {
        const t = await (0, app_1.startTestApp)(db.url, { ...fakes.config, providerTimeoutMs: 5000, shutdownDrainMs: 300 });
        const port = await listen(t);
        fakes.twilio.reset({ kind: 'hang' });
        fakes.sns.reset({ kind: 'hang' });
        const reachedTwilio = fakes.twilio.nextRequest();
        const inFlight = call(port, new node_http_1.Agent(), 'POST', '/mfa/sms/enroll', t.token('slow'), { phoneNumber: phone(6) }).catch((e) => e);
        await reachedTwilio;
        const started = Date.now();
        await t.close();
        strict_1.default.ok(Date.now() - started < 2000, `closed in ${Date.now() - started} ms`);
        strict_1.default.ok((await inFlight) instanceof Error, 'the unfinished request was cut');
        fakes.twilio.reset();
        fakes.sns.reset();
    });
    (0, node_test_1.it)('Redis down: fast answers, in-memory throttling with a warning and a metric, readiness degraded not down', async () => {
        const t = await (0, app_1.startTestApp)(db.url, { redisUrl: 'redis://127.0.0.1:1', httpThrottlePerMinute: 3 });
        try {
            const started = Date.now();
            const codes = [];
            for (let i = 0; i < 4; i++)
                codes.push((await t.http.get('/mfa/factors').set(bearer(t, 'no-redis'))).status);
            strict_1.default.deepEqual(codes, [200, 200, 200, 429], 'throttled in memory');
            strict_1.default.ok(Date.now() - started < 1500, `four requests in ${Date.now() - started} ms`);
            await t.http.get('/health/ready').expect(200);
            const health = await t.http.get('/health').expect(200);
            strict_1.default.equal(health.body.details.redis.state, 'degraded');
            const metrics = await t.http.get('/metrics').expect(200);
            strict_1.default.match(metrics.text, /mfa_throttle_fallback_total 1/);
            strict_1.default.match(metrics.text, /mfa_redis_up 0/);
            strict_1.default.ok(t.logs.lines.some((l) => l.includes('throttling in memory')));
        }
        finally {
            await t.close();
        }
    });
    (0, node_test_1.it)('half-open: one caller probes, the others go straight to the next provider', async () => {
        const t = await (0, app_1.startTestApp)(db.url, { ...fakes.config, circuitFailureThreshold: 2, circuitHalfOpenMs: 200, providerTimeoutMs: 3000 });
        try {
            fakes.twilio.reset({ kind: 'server-error' });
            for (let i = 0; i < 2; i++)
                await t.http.post('/mfa/sms/enroll').set(bearer(t, `ho-${i}`)).send({ phoneNumber: phone(10 + i) }).expect(202);
            t.clock.advance(250);
            fakes.twilio.reset({ kind: 'hang' });
            fakes.sns.reset();
            const timed = async (i) => {
                const started = Date.now();
                await t.http.post('/mfa/sms/enroll').set(bearer(t, `ho-b-${i}`)).send({ phoneNumber: phone(20 + i) }).expect(202);
                return Date.now() - started;
            };
            const probeArrived = fakes.twilio.nextRequest();
            const probe = timed(0);
            await probeArrived;
            const others = await Promise.all(Array.from({ length: 8 }, (_, i) => timed(i + 1)));
            strict_1.default.equal(fakes.twilio.requests.length, 1, 'one probe');
            strict_1.default.ok(others.every((ms) => ms < 2000), `the others did not wait for the probe: ${others.join(', ')} ms`);
            strict_1.default.ok((await probe) >= 2900, 'the probe waited for its deadline');
        }
        finally {
            fakes.twilio.reset();
            await t.close();
        }
    });
    (0, node_test_1.it)('a Twilio signature is checked against PUBLIC_BASE_URL only: absolute-form targets and other-case paths are refused', async () => {
        const t = await (0, app_1.startTestApp)(db.url, fakes.config);
        const port = await listen(t);
        try {
            const params = { From: phone(30), Body: 'STOP', To: '+15005550006', MessageSid: 'SM' + '2'.repeat(32) };
            const form = new URLSearchParams(params).toString();
            const raw = (target, signedUrl) => new Promise((resolve, reject) => {
                const socket = (0, node_net_1.connect)(port, '127.0.0.1', () => {
                    socket.write(`POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
                        `X-Twilio-Signature: ${twilio_1.default.getExpectedTwilioSignature(providers_1.TWILIO_TOKEN, signedUrl, params)}\r\n` +
                        `Content-Length: ${Buffer.byteLength(form)}\r\nConnection: close\r\n\r\n${form}`);
                });
                let out = '';
                socket.on('data', (d) => (out += d.toString()));
                socket.on('end', () => resolve(out.split('\r\n')[0]));
                socket.on('error', reject);
            });
            const staging = 'https://staging.example.org/mfa/webhooks/twilio/inbound';
            strict_1.default.match(await raw(staging, staging), / 403 /, 'a STOP signed for staging does not replay here');
            strict_1.default.match(await raw('/MFA/webhooks/twilio/inbound', `${providers_1.PUBLIC_BASE_URL}/MFA/webhooks/twilio/inbound`), / 403 /);
            strict_1.default.match(await raw('/mfa/webhooks/twilio/inbound', `${providers_1.PUBLIC_BASE_URL}/mfa/webhooks/twilio/inbound`), / 200 /);
        }
        finally {
            await t.close();
        }
    });
    (0, node_test_1.it)('the embedded database listens on a Unix socket only its user can reach', async () => {
        const embedded = await (0, embedded_postgres_1.startEmbeddedPostgres)(undefined, 4);
        try {
            const dir = new URL(embedded.url).searchParams.get('host');
            strict_1.default.ok(dir.startsWith('/'), 'a socket directory, not a TCP port');
            strict_1.default.equal((0, node_fs_1.statSync)(dir).mode & 0o777, 0o700);
        }
        finally {
            await embedded.stop();
        }
    });
    (0, node_test_1.it)('demo tokens must expire, within the cap, and carry the configured issuer and audience', async () => {
        const t = await (0, app_1.startTestApp)(db.url, { authJwtIssuer: 'https://id.example.org', authJwtAudience: 'mfa', authJwtMaxLifetimeMinutes: 60 });
        try {
            const sign = (claims, options = {}) => jwt.sign({ sub: 'tok', sid: 's', ...claims }, app_1.TEST_JWT_SECRET, { algorithm: 'HS256', ...options });
            const get = (token) => t.http.get('/mfa/factors').set({ Authorization: `Bearer ${token}` });
            const good = { issuer: 'https://id.example.org', audience: 'mfa' };
            await get(sign({}, { ...good, expiresIn: 600 })).expect(200);
            await get(sign({}, good)).expect(401);
            await get(sign({}, { ...good, expiresIn: 2 * 3600 })).expect(401);
            await get(sign({}, { issuer: 'https://evil.example.org', audience: 'mfa', expiresIn: 600 })).expect(401);
            await get(sign({}, { issuer: 'https://id.example.org', audience: 'other', expiresIn: 600 })).expect(401);
            await get(t.token('tok')).expect(200);
        }
        finally {
            await t.close();
        }
    });
    (0, node_test_1.it)('in production: no /docs, no public /metrics or detailed /health, except on OPS_PORT or with OPS_TOKEN', async () => {
        const opsToken = 'ops-token-ops-token-ops-token-0123456';
        const production = {
            nodeEnv: 'production',
            mockSmsEnabled: false,
            codeSecret: 'c'.repeat(32),
            encryptionKey: 'e'.repeat(64),
            opsToken,
        };
        const t = await (0, app_1.startTestApp)(db.url, production);
        try {
            await t.http.get('/docs-json').expect(404);
            strict_1.default.equal((await t.http.get('/metrics').expect(404)).body.code, 'NOT_FOUND');
            await t.http.get('/health').expect(404);
            await t.http.get('/health/ready').expect(200, { status: 'ok' });
            await t.http.get('/metrics').set({ Authorization: `Bearer ${opsToken}` }).expect(200);
            await t.http.get('/health').set({ Authorization: `Bearer ${opsToken}` }).expect(200);
            await t.http.get('/metrics').set({ Authorization: `Bearer ${opsToken}x` }).expect(404);
        }
        finally {
            await t.close();
        }
        const port = 19_000 + Math.floor(Math.random() * 1000);
        const ops = await (0, app_1.startTestApp)(db.url, { ...production, opsToken: undefined, opsPort: port });
        try {
            const opsListener = (0, node_http_1.createServer)((0, configure_app_1.opsRequestListener)(ops.app));
            await new Promise((resolve) => opsListener.listen(port, '127.0.0.1', resolve));
            ops.app.get(shutdown_drain_service_1.ShutdownDrain).attach(opsListener);
            const metrics = await fetch(`http://127.0.0.1:${port}/metrics`);
            strict_1.default.equal(metrics.status, 200, 'served on the ops listener');
            await ops.http.get('/metrics').expect(404);
        }
        finally {
            await ops.close();
        }
        strict_1.default.ok((0, providers_1.codeIn)('code 123456'));
    });
});
//# sourceMappingURL=hardening.e2e-spec.js.map
"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const promises_1 = require("node:timers/promises");
const common_1 = require("@nestjs/common");
const event_emitter_1 = require("@nestjs/event-emitter");
const schedule_1 = require("@nestjs/schedule");
const supertest_1 = __importDefault(require("supertest"));
const typeorm_1 = require("typeorm");
const src_1 = require("../src");
const node_child_process_1 = require("node:child_process");
const node_path_1 = require("node:path");
const node_util_1 = require("node:util");
const database_1 = require("./support/database");
const module_host_1 = require("./support/module-host");
let MfaOptionsFactory = class MfaOptionsFactory {
    create() {
        return { config: { databaseUrl: process.env.MODULE_SHAPE_DB, nodeEnv: 'test', mockSmsEnabled: true, cooldownMinutes: 0 } };
    }
};
MfaOptionsFactory = __decorate([
    (0, common_1.Injectable)()
], MfaOptionsFactory);
let MfaOptionsModule = class MfaOptionsModule {
};
MfaOptionsModule = __decorate([
    (0, common_1.Module)({ providers: [MfaOptionsFactory], exports: [MfaOptionsFactory] })
], MfaOptionsModule);
(0, node_test_1.describe)('the module shape, in a minimal host (not the demo)', () => {
    let db;
    let host;
    (0, node_test_1.before)(async () => {
        db = await (0, database_1.createTestDatabase)();
        process.env.MODULE_SHAPE_DB = db.url;
        host = await (0, module_host_1.startModuleHost)({ imports: [MfaOptionsModule], useExisting: MfaOptionsFactory, jobs: false, eventEmitter: false }, [event_emitter_1.EventEmitterModule.forRoot()]);
    });
    (0, node_test_1.after)(async () => {
        await host?.app.close();
        delete process.env.MODULE_SHAPE_DB;
        await db?.drop();
    });
    (0, node_test_1.it)('takes its options from a host class and publishes on the host emitter', async () => {
        const events = [];
        host.app.get(event_emitter_1.EventEmitter2).on(src_1.MfaEvent.SmsSent, () => events.push('sent'));
        await host.app.get(src_1.MfaService).enrollSms({ id: 'shape' }, '+14152071001');
        strict_1.default.ok(host.app.get(src_1.MockSmsProvider).lastMessageTo('+14152071001'));
        strict_1.default.deepEqual(events, ['sent']);
    });
    (0, node_test_1.it)('mounts each feature’s routes (the identity from the host’s resolver)', async () => {
        const server = host.app.getHttpServer();
        await (0, supertest_1.default)(server).get('/mfa/factors').expect(401);
        const factors = await (0, supertest_1.default)(server).get('/mfa/factors').set({ 'x-user': 'shape', 'x-session': 's' }).expect(200);
        strict_1.default.equal(factors.body[0].type, 'sms');
        await (0, supertest_1.default)(server).get('/mfa/assurance').set({ 'x-user': 'shape', 'x-session': 's' }).expect(200);
    });
    (0, node_test_1.it)('schedules nothing with jobs: false (the host runs CleanupService.run() itself)', async () => {
        strict_1.default.throws(() => host.app.get(schedule_1.SchedulerRegistry, { strict: false }), /could not find SchedulerRegistry/, 'ScheduleModule not imported');
        strict_1.default.ok(await host.app.get(src_1.CleanupService).run());
    });
});
(0, node_test_1.describe)('MFA_MIGRATIONS_RUN=false: the host migrates with its own pipeline', () => {
    const db = (0, database_1.suiteDatabase)();
    const tableExists = () => (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT to_regclass('mfa_sms_factors') IS NOT NULL AS present`)).rows[0].present);
    const start = () => (0, module_host_1.startModuleHost)({ useFactory: () => ({ config: { databaseUrl: db.url, nodeEnv: 'test', mockSmsEnabled: true, migrationsRun: false } }), jobs: false });
    (0, node_test_1.it)('leaves an empty database untouched at start-up, then runs on the schema `npm run migration:run` applies', async () => {
        const first = await start();
        await first.app.close();
        strict_1.default.equal(await tableExists(), false, 'no migration ran at boot');
        const script = (0, node_path_1.join)(__dirname, '..', 'scripts', 'migrate.js');
        const { stdout } = await (0, node_util_1.promisify)(node_child_process_1.execFile)(process.execPath, [script], { env: { ...process.env, DATABASE_URL: db.url } });
        strict_1.default.match(stdout, /Applied: /);
        strict_1.default.equal(await tableExists(), true);
        const second = await start();
        try {
            await second.app.get(src_1.MfaService).enrollSms({ id: 'own-pipeline' }, '+14152071002');
            strict_1.default.ok(second.app.get(src_1.MockSmsProvider).lastMessageTo('+14152071002'));
        }
        finally {
            await second.app.close();
        }
    });
});
(0, node_test_1.describe)('the module keeps its own record of migrations (mfa_migrations)', () => {
    const db = (0, database_1.suiteDatabase)();
    const rows = (table) => (0, database_1.withClient)(db.url, async (c) => (await c.query(`SELECT name FROM ${table} ORDER BY id`)).rows.map((r) => r.name));
    (0, node_test_1.it)('adopts a 0.1 database, whose rows are in the shared `migrations` table, applying nothing twice', { skip: database_1.EMBEDDED && database_1.ONE_SESSION_REASON }, async () => {
        const legacy = await new typeorm_1.DataSource({ ...(0, src_1.mfaDataSourceOptions)(db.url, 2), migrationsTableName: 'migrations' }).initialize();
        try {
            await legacy.runMigrations();
        }
        finally {
            await legacy.destroy();
        }
        await (0, database_1.withClient)(db.url, (c) => c.query(`INSERT INTO migrations ("timestamp", name) VALUES (1800000000000, 'HostOwn1800000000000')`));
        const cli = (0, node_path_1.join)(__dirname, '..', 'src', 'cli.js');
        const migrate = () => (0, node_util_1.promisify)(node_child_process_1.execFile)(process.execPath, [cli, 'migrate', '--database-url', db.url]);
        const outputs = await Promise.all([migrate(), migrate()]);
        strict_1.default.deepEqual(outputs.map((o) => o.stdout.trim()), ['Schema is up to date.', 'Schema is up to date.']);
        strict_1.default.deepEqual(await rows('mfa_migrations'), src_1.MFA_MIGRATIONS.map((m) => m.name));
        strict_1.default.deepEqual((await rows('migrations')).at(-1), 'HostOwn1800000000000', "the host's rows are left alone");
    });
    (0, node_test_1.it)('the migrate command refuses a missing or non-Postgres URL with its usage, and exits 2', async () => {
        const cli = (0, node_path_1.join)(__dirname, '..', 'src', 'cli.js');
        const failed = await (0, node_util_1.promisify)(node_child_process_1.execFile)(process.execPath, [cli, 'migrate', '--database-url', 'mysql://x'], { env: {} }).catch((err) => err);
        strict_1.default.equal(failed.code, 2);
        strict_1.default.match(failed.stderr, /Usage: nest-sms-mfa migrate/);
    });
});
let GatewayProvider = class GatewayProvider {
    name = 'GATEWAY';
    enabled = true;
    sent = [];
    async send(message) {
        this.sent.push(message.to);
        return { providerMessageId: `gw-${this.sent.length}`, status: 'queued' };
    }
};
GatewayProvider = __decorate([
    (0, common_1.Injectable)()
], GatewayProvider);
let NamedTestProvider = class NamedTestProvider extends GatewayProvider {
    name = 'TEST';
};
NamedTestProvider = __decorate([
    (0, common_1.Injectable)()
], NamedTestProvider);
(0, node_test_1.describe)('host SMS adapters', () => {
    const db = (0, database_1.suiteDatabase)();
    const config = () => ({ config: { databaseUrl: db.url, nodeEnv: 'development' } });
    (0, node_test_1.it)('count as a real provider: in development the mock is then off unless named (never a silent failover target)', async () => {
        const host = await (0, module_host_1.startModuleHost)({ useFactory: config, jobs: false, providers: [GatewayProvider] });
        try {
            strict_1.default.equal(host.app.get(src_1.MockSmsProvider).enabled, false);
            await host.app.get(src_1.MfaService).enrollSms({ id: 'gw' }, '+14152071003');
            strict_1.default.deepEqual(host.app.get(GatewayProvider).sent, ['+14152071003']);
        }
        finally {
            await host.app.close();
        }
    });
    (0, node_test_1.it)('may not take the name TEST, which marks test-number sends in the send log', async () => {
        await strict_1.default.rejects((0, module_host_1.startModuleHost)({ useFactory: config, jobs: false, providers: [NamedTestProvider] }), /SMS provider name TEST is reserved/);
        await (0, promises_1.setTimeout)(500);
    });
});
//# sourceMappingURL=module-shape.e2e-spec.js.map
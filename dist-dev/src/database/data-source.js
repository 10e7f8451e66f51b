"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MFA_MIGRATIONS_TABLE = exports.MFA_DATA_SOURCE = void 0;
exports.mfaDataSourceOptions = mfaDataSourceOptions;
exports.poolOptions = poolOptions;
exports.runMigrations = runMigrations;
const migrations_1 = require("../../migrations");
exports.MFA_DATA_SOURCE = 'sms-mfa';
exports.MFA_MIGRATIONS_TABLE = 'mfa_migrations';
function mfaDataSourceOptions(url, poolSize, timeouts) {
    return {
        type: 'postgres',
        url,
        entities: [],
        migrations: migrations_1.MIGRATIONS,
        migrationsTableName: exports.MFA_MIGRATIONS_TABLE,
        migrationsRun: false,
        synchronize: false,
        logging: false,
        extra: poolOptions(poolSize, timeouts),
    };
}
function poolOptions(poolSize, timeouts) {
    return {
        max: poolSize,
        idleTimeoutMillis: 30_000,
        ...(timeouts && {
            connectionTimeoutMillis: timeouts.connectMs,
            statement_timeout: timeouts.statementMs,
            query_timeout: timeouts.statementMs + 1000,
        }),
    };
}
const MIGRATION_LOCK = 734_114_001;
async function runMigrations(dataSource) {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
        await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
        await adoptSharedRecord(runner);
        const done = await dataSource.runMigrations({ transaction: 'each' });
        return done.map((m) => m.name);
    }
    finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
        await runner.release();
    }
}
async function adoptSharedRecord(runner) {
    const [{ shared, own }] = (await runner.query(`SELECT to_regclass('migrations') IS NOT NULL AS shared, to_regclass($1) IS NOT NULL AS own`, [exports.MFA_MIGRATIONS_TABLE]));
    if (!shared || own)
        return;
    await runner.query(`CREATE TABLE ${exports.MFA_MIGRATIONS_TABLE} (id SERIAL PRIMARY KEY, "timestamp" bigint NOT NULL, name varchar NOT NULL)`);
    await runner.query(`INSERT INTO ${exports.MFA_MIGRATIONS_TABLE} ("timestamp", name)
     SELECT "timestamp", name FROM migrations WHERE name = ANY($1) ORDER BY "timestamp"`, [migrations_1.MIGRATIONS.map((m) => m.name)]);
}
//# sourceMappingURL=data-source.js.map
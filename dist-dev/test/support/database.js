"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ONE_SESSION_REASON = exports.EMBEDDED = void 0;
exports.createTestDatabase = createTestDatabase;
exports.withClient = withClient;
exports.suiteDatabase = suiteDatabase;
const node_crypto_1 = require("node:crypto");
const node_test_1 = require("node:test");
const pg_1 = require("pg");
const embedded_postgres_1 = require("../../src/database/embedded-postgres");
exports.EMBEDDED = !process.env.DATABASE_URL;
exports.ONE_SESSION_REASON = 'PGlite serves all connections from one session: advisory locks cannot exclude';
async function createTestDatabase() {
    const base = process.env.DATABASE_URL;
    if (!base) {
        const embedded = await (0, embedded_postgres_1.startEmbeddedPostgres)(undefined, 40);
        return { url: embedded.url, drop: () => embedded.stop() };
    }
    const name = `mfa_test_${process.pid}_${(0, node_crypto_1.randomBytes)(4).toString('hex')}`;
    await withClient(base, (c) => c.query(`CREATE DATABASE ${name}`));
    const url = new URL(base);
    url.pathname = `/${name}`;
    return {
        url: url.toString(),
        drop: async () => {
            await withClient(base, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
        },
    };
}
async function withClient(url, fn) {
    const client = new pg_1.Client({ connectionString: url });
    await client.connect();
    try {
        return await fn(client);
    }
    finally {
        await client.end();
    }
}
function suiteDatabase() {
    let db;
    (0, node_test_1.before)(async () => {
        db = await createTestDatabase();
    });
    (0, node_test_1.after)(async () => {
        await db?.drop();
    });
    return {
        get url() {
            if (!db)
                throw new Error('the suite database is created in before()');
            return db.url;
        },
    };
}
//# sourceMappingURL=database.js.map
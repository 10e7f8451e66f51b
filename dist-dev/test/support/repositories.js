"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.useRepositoryDb = useRepositoryDb;
const node_test_1 = require("node:test");
const pg_1 = require("pg");
const typeorm_1 = require("typeorm");
const data_source_1 = require("../../src/database/data-source");
const mfa_db_1 = require("../../src/database/mfa-db");
const database_1 = require("./database");
function useRepositoryDb() {
    const fixture = {};
    (0, node_test_1.before)(async () => {
        fixture.database = await (0, database_1.createTestDatabase)();
        const dataSource = await new typeorm_1.DataSource((0, data_source_1.mfaDataSourceOptions)(fixture.database.url, 2)).initialize();
        await (0, data_source_1.runMigrations)(dataSource);
        await dataSource.destroy();
        fixture.pool = new pg_1.Pool({ connectionString: fixture.database.url, max: 20 });
        fixture.pool.on('error', () => undefined);
        fixture.db = new mfa_db_1.MfaDb(fixture.pool);
        await fixture.db.onModuleInit();
    });
    (0, node_test_1.after)(async () => {
        await fixture.pool?.end();
        await fixture.database?.drop();
    });
    return fixture;
}
//# sourceMappingURL=repositories.js.map
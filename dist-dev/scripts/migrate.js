"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const typeorm_1 = require("typeorm");
const mfa_config_1 = require("../src/config/mfa-config");
const data_source_1 = require("../src/database/data-source");
const embedded_postgres_1 = require("../src/database/embedded-postgres");
async function main() {
    const config = (0, mfa_config_1.loadMfaConfig)(process.env);
    const embedded = config.databaseUrl ? undefined : await (0, embedded_postgres_1.startEmbeddedPostgres)(config.dataDir, 2);
    const dataSource = await new typeorm_1.DataSource((0, data_source_1.mfaDataSourceOptions)(config.databaseUrl ?? embedded.url, 2)).initialize();
    try {
        const applied = await (0, data_source_1.runMigrations)(dataSource);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Schema is up to date.');
    }
    finally {
        await dataSource.destroy();
        await embedded?.stop();
    }
}
main().catch((err) => {
    console.error(err instanceof mfa_config_1.ConfigError ? err.message : err);
    process.exit(1);
});
//# sourceMappingURL=migrate.js.map
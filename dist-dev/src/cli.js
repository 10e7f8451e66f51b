#!/usr/bin/env node
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runCli = runCli;
require("reflect-metadata");
const typeorm_1 = require("typeorm");
const data_source_1 = require("./database/data-source");
const USAGE = `Usage: nest-sms-mfa migrate --database-url postgres://user@host:5432/db

Applies the module's pending migrations (idempotent; under an advisory lock, so
two instances may run it at once). The URL may also come from MFA_DATABASE_URL.`;
async function runCli(argv, env) {
    const [command, ...rest] = argv;
    const flag = rest.indexOf('--database-url');
    const url = (flag >= 0 ? rest[flag + 1] : undefined) ?? env.MFA_DATABASE_URL;
    if (command !== 'migrate' || !url || !/^postgres(ql)?:\/\//.test(url)) {
        console.error(USAGE);
        return 2;
    }
    const dataSource = await new typeorm_1.DataSource((0, data_source_1.mfaDataSourceOptions)(url, 2)).initialize();
    try {
        const applied = await (0, data_source_1.runMigrations)(dataSource);
        process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Schema is up to date.\n');
        return 0;
    }
    finally {
        await dataSource.destroy();
    }
}
if (require.main === module) {
    runCli(process.argv.slice(2), process.env).then((code) => process.exit(code), (err) => {
        console.error(`migration failed: ${err.name}${err.code ? ` (${err.code})` : ''}`);
        process.exit(1);
    });
}
//# sourceMappingURL=cli.js.map
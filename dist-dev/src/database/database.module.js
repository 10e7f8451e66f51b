"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.DatabaseModule = exports.PgPoolModule = exports.DatabaseConnectionsModule = exports.DatabaseConnections = exports.MFA_PG_POOL = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const pg_1 = require("pg");
const typeorm_2 = require("typeorm");
const mfa_config_1 = require("../config/mfa-config");
const embedded_postgres_1 = require("./embedded-postgres");
const data_source_1 = require("./data-source");
exports.MFA_PG_POOL = Symbol('MFA_PG_POOL');
let DatabaseConnections = class DatabaseConnections {
    config;
    logger = new common_1.Logger('Database');
    embedded;
    pool;
    constructor(config) {
        this.config = config;
    }
    async url() {
        if (this.config.databaseUrl)
            return this.config.databaseUrl;
        this.embedded ??= (0, embedded_postgres_1.startEmbeddedPostgres)(this.config.dataDir, this.config.databasePoolSize + 4).then((db) => {
            this.logger.log(`DATABASE_URL not set: embedded Postgres (PGlite) in ${this.config.dataDir}`);
            return db;
        });
        return (await this.embedded).url;
    }
    connect() {
        this.pool ??= this.url().then((url) => {
            const pool = new pg_1.Pool({
                connectionString: url,
                ...(0, data_source_1.poolOptions)(this.config.databasePoolSize, {
                    connectMs: this.config.databaseConnectTimeoutMs,
                    statementMs: this.config.databaseStatementTimeoutMs,
                }),
            });
            pool.on('error', (err) => this.logger.warn(`idle database connection lost: ${err.message}`));
            return pool;
        });
        return this.pool;
    }
    async onApplicationShutdown() {
        await (await this.pool)?.end().catch(() => undefined);
        await (await this.embedded)?.stop();
        this.pool = undefined;
        this.embedded = undefined;
    }
};
exports.DatabaseConnections = DatabaseConnections;
exports.DatabaseConnections = DatabaseConnections = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(mfa_config_1.MFA_CONFIG)),
    __metadata("design:paramtypes", [Object])
], DatabaseConnections);
let DatabaseConnectionsModule = class DatabaseConnectionsModule {
};
exports.DatabaseConnectionsModule = DatabaseConnectionsModule;
exports.DatabaseConnectionsModule = DatabaseConnectionsModule = __decorate([
    (0, common_1.Module)({ providers: [DatabaseConnections], exports: [DatabaseConnections] })
], DatabaseConnectionsModule);
let PgPoolModule = class PgPoolModule {
};
exports.PgPoolModule = PgPoolModule;
exports.PgPoolModule = PgPoolModule = __decorate([
    (0, common_1.Module)({
        imports: [DatabaseConnectionsModule],
        providers: [{ provide: exports.MFA_PG_POOL, inject: [DatabaseConnections], useFactory: (c) => c.connect() }],
        exports: [exports.MFA_PG_POOL],
    })
], PgPoolModule);
let DatabaseModule = class DatabaseModule {
    static register() {
        return typeorm_1.TypeOrmModule.forRootAsync({
            name: data_source_1.MFA_DATA_SOURCE,
            imports: [DatabaseConnectionsModule],
            inject: [DatabaseConnections, mfa_config_1.MFA_CONFIG],
            useFactory: async (connections, config) => ({
                ...(0, data_source_1.mfaDataSourceOptions)(await connections.url(), 2),
                migrationsRun: config.migrationsRun,
            }),
            dataSourceFactory: async (options) => {
                const dataSource = await new typeorm_2.DataSource({ ...options, migrationsRun: false }).initialize();
                if (options.migrationsRun) {
                    const applied = await (0, data_source_1.runMigrations)(dataSource);
                    if (applied.length)
                        new common_1.Logger('Database').log(`Applied migrations: ${applied.join(', ')}`);
                }
                return dataSource;
            },
        });
    }
};
exports.DatabaseModule = DatabaseModule;
exports.DatabaseModule = DatabaseModule = __decorate([
    (0, common_1.Module)({})
], DatabaseModule);
//# sourceMappingURL=database.module.js.map
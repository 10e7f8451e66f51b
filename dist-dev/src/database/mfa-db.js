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
exports.MfaDb = void 0;
const common_1 = require("@nestjs/common");
const database_module_1 = require("./database.module");
let MfaDb = class MfaDb {
    pool;
    namedStatements = true;
    constructor(pool) {
        this.pool = pool;
    }
    names = new Map();
    async onModuleInit() {
        const [{ version }] = (await this.pool.query('SELECT version()')).rows;
        this.namedStatements = !String(version).includes('PGlite');
    }
    async query(text, params = []) {
        if (!this.namedStatements)
            return (await this.pool.query(text, params)).rows;
        let name = this.names.get(text);
        if (!name) {
            name = `mfa_${this.names.size + 1}`;
            this.names.set(text, name);
        }
        return (await this.pool.query({ name, text, values: params })).rows;
    }
    async session(work) {
        const client = await this.pool.connect();
        try {
            return await work(async (text, params = []) => (await client.query(text, params)).rows);
        }
        finally {
            client.release();
        }
    }
    async transaction(work) {
        const client = await this.pool.connect();
        try {
            await client.query('BEGIN');
            const result = await work(async (text, params = []) => (await client.query(text, params)).rows);
            await client.query('COMMIT');
            return result;
        }
        catch (err) {
            await client.query('ROLLBACK').catch(() => undefined);
            throw err;
        }
        finally {
            client.release();
        }
    }
};
exports.MfaDb = MfaDb;
exports.MfaDb = MfaDb = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(database_module_1.MFA_PG_POOL)),
    __metadata("design:paramtypes", [Function])
], MfaDb);
//# sourceMappingURL=mfa-db.js.map
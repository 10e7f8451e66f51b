"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FactorsTable = void 0;
exports.toFactor = toFactor;
function toFactor(r) {
    return {
        id: r.id,
        userId: r.user_id,
        verifiedAt: r.verified_at ? new Date(r.verified_at) : undefined,
        createdAt: new Date(r.created_at),
        lastUsedAt: r.last_used_at ? new Date(r.last_used_at) : undefined,
    };
}
class FactorsTable {
    db;
    read;
    sql;
    constructor(db, table, read) {
        this.db = db;
        this.read = read;
        this.sql = {
            list: `SELECT * FROM ${table} WHERE user_id = $1 ORDER BY created_at`,
            erase: `DELETE FROM ${table} WHERE user_id = $1 RETURNING 1`,
        };
    }
    async list(userId) {
        return (await this.db.query(this.sql.list, [userId])).map(this.read);
    }
    async eraseFor(userId, query) {
        return (await query(this.sql.erase, [userId])).length;
    }
}
exports.FactorsTable = FactorsTable;
//# sourceMappingURL=factors-table.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.purgeBatch = purgeBatch;
async function purgeBatch(query, table, where, limit, params) {
    const rows = await query(`WITH doomed AS (SELECT ctid FROM ${table} WHERE ${where} LIMIT $1)
     DELETE FROM ${table} WHERE ctid IN (SELECT ctid FROM doomed) RETURNING 1`, [limit, ...params]);
    return rows.length;
}
//# sourceMappingURL=purge.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runExclusive = runExclusive;
async function runExclusive(db, lockKey, work) {
    return db.session(async (query) => {
        const [{ locked }] = await query('SELECT pg_try_advisory_lock($1) AS locked', [lockKey]);
        if (!locked)
            return undefined;
        try {
            return await work(query);
        }
        finally {
            await query('SELECT pg_advisory_unlock($1)', [lockKey]);
        }
    });
}
//# sourceMappingURL=exclusive-job.js.map
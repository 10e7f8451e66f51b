"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.userFactorsLock = void 0;
exports.lockForTransaction = lockForTransaction;
exports.inUserFactorsLock = inUserFactorsLock;
async function lockForTransaction(query, key) {
    await query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [key]);
}
const userFactorsLock = (userId) => `mfa-factors:${userId}`;
exports.userFactorsLock = userFactorsLock;
function inUserFactorsLock(db, userId, work) {
    return db.transaction(async (query) => {
        await lockForTransaction(query, (0, exports.userFactorsLock)(userId));
        return work(query);
    });
}
//# sourceMappingURL=advisory-lock.js.map
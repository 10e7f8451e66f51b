"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isDatabaseUnavailable = isDatabaseUnavailable;
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '57014']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Query read timeout|connection error|Connection ended|not queryable/i;
function isDatabaseUnavailable(err) {
    const e = err;
    if (!e || typeof e !== 'object')
        return false;
    if (e.driverError)
        return isDatabaseUnavailable(e.driverError);
    const code = typeof e.code === 'string' ? e.code : '';
    if (SQLSTATES.has(code) || code.startsWith('08') || SOCKET_CODES.has(code))
        return true;
    return typeof e.message === 'string' && MESSAGES.test(e.message);
}
//# sourceMappingURL=db-errors.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sessionKey = sessionKey;
const node_crypto_1 = require("node:crypto");
function sessionKey(sessionId) {
    return sessionId ? (0, node_crypto_1.createHash)('sha256').update(sessionId).digest() : null;
}
//# sourceMappingURL=session-key.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.eumEventReport = eumEventReport;
const EUM_STATUS = {
    TEXT_PENDING: 'queued',
    TEXT_QUEUED: 'queued',
    TEXT_SUCCESSFUL: 'sent',
    TEXT_DELIVERED: 'delivered',
    TEXT_INVALID: 'undelivered',
    TEXT_INVALID_MESSAGE: 'undelivered',
    TEXT_UNREACHABLE: 'undelivered',
    TEXT_CARRIER_UNREACHABLE: 'undelivered',
    TEXT_BLOCKED: 'undelivered',
    TEXT_CARRIER_BLOCKED: 'undelivered',
    TEXT_SPAM: 'undelivered',
    TEXT_TTL_EXPIRED: 'undelivered',
    TEXT_PROTECT_BLOCKED: 'undelivered',
    TEXT_UNKNOWN: 'undelivered',
    VOICE_INITIATED: 'queued',
    VOICE_RINGING: 'sent',
    VOICE_ANSWERED: 'delivered',
    VOICE_COMPLETED: 'delivered',
    VOICE_BUSY: 'undelivered',
    VOICE_NO_ANSWER: 'undelivered',
    VOICE_TTL_EXPIRED: 'undelivered',
    VOICE_FAILED: 'failed',
};
const UNREACHED = new Set(['TEXT_UNREACHABLE', 'TEXT_CARRIER_UNREACHABLE', 'TEXT_TTL_EXPIRED', 'TEXT_UNKNOWN']);
function eumEventReport(message) {
    let event;
    try {
        event = JSON.parse(message);
    }
    catch {
        return undefined;
    }
    if (typeof event !== 'object' || event === null)
        return undefined;
    const { eventType, messageId, totalMessagePrice } = event;
    if (typeof eventType !== 'string' || typeof messageId !== 'string' || !messageId || messageId.length > 128) {
        return undefined;
    }
    const status = Object.hasOwn(EUM_STATUS, eventType) ? EUM_STATUS[eventType] : undefined;
    const price = typeof totalMessagePrice === 'number' && totalMessagePrice >= 0 && totalMessagePrice < 100 ? totalMessagePrice : undefined;
    return {
        provider: 'AWS_EUM',
        messageId,
        status,
        errorCode: status === 'undelivered' || status === 'failed' ? eventType : undefined,
        priceUsd: price,
        unreached: UNREACHED.has(eventType),
    };
}
//# sourceMappingURL=eum-events.js.map
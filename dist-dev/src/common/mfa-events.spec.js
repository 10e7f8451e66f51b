"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const event_emitter_1 = require("@nestjs/event-emitter");
const mfa_error_1 = require("./mfa-error");
const mfa_events_1 = require("./mfa-events");
(0, node_test_1.describe)('MfaEvents.refused', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const publishedBy = (err) => {
        const emitter = new event_emitter_1.EventEmitter2();
        const seen = [];
        emitter.on(mfa_events_1.MfaEvent.TotpFailed, (p) => seen.push(p));
        new mfa_events_1.MfaEvents(emitter).refused(mfa_events_1.MfaEvent.TotpFailed, err, { userId: 'u1', ip: '198.51.100.7', at });
        return seen;
    };
    (0, node_test_1.it)('publishes a refusal with its code as the reason', () => {
        strict_1.default.deepEqual(publishedBy(new mfa_error_1.MfaError('CODE_INVALID', 'This code is not valid.')), [
            { userId: 'u1', ip: '198.51.100.7', at, reason: 'CODE_INVALID' },
        ]);
    });
    (0, node_test_1.it)('publishes nothing for a fault or an unavailable service: it was not a failed attempt', () => {
        strict_1.default.deepEqual(publishedBy(new Error('connection terminated')), []);
        strict_1.default.deepEqual(publishedBy(undefined), []);
        strict_1.default.deepEqual(publishedBy(new mfa_error_1.MfaError('SERVICE_UNAVAILABLE')), []);
    });
});
//# sourceMappingURL=mfa-events.spec.js.map
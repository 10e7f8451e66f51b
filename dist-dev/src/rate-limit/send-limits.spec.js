"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const mfa_config_1 = require("../config/mfa-config");
const send_limits_1 = require("./send-limits");
(0, node_test_1.describe)('send limit policy', () => {
    (0, node_test_1.it)('counts a send against its user, its number and its client IP with the configured limits', () => {
        const config = (0, mfa_config_1.loadMfaConfig)({ SMS_COOLDOWN_MINUTES: '2', SMS_HOURLY_LIMIT: '4', SMS_DAILY_LIMIT: '8', SMS_IP_HOURLY_LIMIT: '30' });
        const r = (0, send_limits_1.sendSlotRequest)(config, { userId: 'u1', phoneE164: '+14152017001', clientIp: '203.0.113.9', purpose: 'login' });
        strict_1.default.deepEqual(r.subjects, ['user:u1', 'phone:+14152017001', 'ip:203.0.113.9']);
        strict_1.default.deepEqual(r.hourly, [4, 4, 30]);
        strict_1.default.deepEqual(r.daily.slice(0, 2), [8, 8]);
        strict_1.default.deepEqual(r.cooldownSeconds, [120, 120, 0]);
        strict_1.default.deepEqual(r.progressive, [true, false, false]);
        strict_1.default.equal(r.cooldownCapSeconds, 3600);
    });
    (0, node_test_1.it)('has no IP subject without a client IP, and no cooldown when it is 0', () => {
        const r = (0, send_limits_1.sendSlotRequest)((0, mfa_config_1.loadMfaConfig)({ SMS_COOLDOWN_MINUTES: '0' }), { userId: 'u', phoneE164: '+1', purpose: 'login' });
        strict_1.default.equal(r.subjects.length, 2);
        strict_1.default.deepEqual(r.cooldownSeconds, [0, 0]);
    });
    (0, node_test_1.it)("counts an enrolment send on the requester's share of the number's enrolment bucket and on its ceiling, not on its owners' bucket", () => {
        const config = (0, mfa_config_1.loadMfaConfig)({ SMS_ENROLL_NUMBER_HOURLY_LIMIT: '2', SMS_ENROLL_NUMBER_DAILY_LIMIT: '4' });
        const r = (0, send_limits_1.sendSlotRequest)(config, { userId: 'u1', phoneE164: '+14152017001', purpose: 'enroll' });
        strict_1.default.deepEqual(r.subjects, ['user:u1', 'enroll:+14152017001:user:u1', 'enroll:+14152017001']);
        strict_1.default.deepEqual(r.names, ['user', 'enroll_phone', 'enroll_phone_total']);
        strict_1.default.deepEqual([r.hourly[1], r.daily[1]], [2, 4]);
        strict_1.default.deepEqual([r.hourly[2], r.daily[2]], [10, 20], 'the ceiling across requesters');
        const fromAddress = (0, send_limits_1.sendSlotRequest)(config, { userId: 'u1', phoneE164: '+14152017001', clientIp: '203.0.113.9', purpose: 'enroll' });
        strict_1.default.deepEqual(fromAddress.subjects, ['user:u1', 'enroll:+14152017001:ip:203.0.113.9', 'enroll:+14152017001', 'ip:203.0.113.9']);
    });
    (0, node_test_1.it)('tells a cooldown from a rate limit', () => {
        strict_1.default.equal((0, send_limits_1.isCooldown)({ limit: 'user_cooldown', retryAfterSeconds: 1 }), true);
        strict_1.default.equal((0, send_limits_1.isCooldown)({ limit: 'phone_daily', retryAfterSeconds: 1 }), false);
    });
});
//# sourceMappingURL=send-limits.spec.js.map
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadMfaConfig } from '../sms-mfa.settings';
import { isCooldown, sendSlotRequest } from './send-limits';

describe('send limit policy', () => {
  it('counts a send against its user, its number and its client IP with the configured limits', () => {
    const config = loadMfaConfig({ SMS_COOLDOWN_MINUTES: '2', SMS_HOURLY_LIMIT: '4', SMS_DAILY_LIMIT: '8', SMS_IP_HOURLY_LIMIT: '30' });
    const r = sendSlotRequest(config, { userId: 'u1', phoneE164: '+14152017001', clientIp: '203.0.113.9', purpose: 'login' });
    assert.deepEqual(r.subjects, ['user:u1', 'phone:+14152017001', 'ip:203.0.113.9']);
    assert.deepEqual(r.hourly, [4, 4, 30]);
    assert.deepEqual(r.daily.slice(0, 2), [8, 8]);
    assert.deepEqual(r.cooldownSeconds, [120, 120, 0]);
    assert.deepEqual(r.progressive, [true, false, false]);
    assert.equal(r.cooldownCapSeconds, 3600);
  });

  it('has no IP subject without a client IP, and no cooldown when it is 0', () => {
    const r = sendSlotRequest(loadMfaConfig({ SMS_COOLDOWN_MINUTES: '0' }), { userId: 'u', phoneE164: '+1', purpose: 'login' });
    assert.equal(r.subjects.length, 2);
    assert.deepEqual(r.cooldownSeconds, [0, 0]);
  });

  it("counts an enrolment send on the requester's share of the number's enrolment bucket and on its ceiling, not on its owners' bucket", () => {
    const config = loadMfaConfig({ SMS_ENROLL_NUMBER_HOURLY_LIMIT: '2', SMS_ENROLL_NUMBER_DAILY_LIMIT: '4' });
    const r = sendSlotRequest(config, { userId: 'u1', phoneE164: '+14152017001', purpose: 'enroll' });
    assert.deepEqual(r.subjects, ['user:u1', 'enroll:+14152017001:user:u1', 'enroll:+14152017001']);
    assert.deepEqual(r.names, ['user', 'enroll_phone', 'enroll_phone_total']);
    assert.deepEqual([r.hourly[1], r.daily[1]], [2, 4]);
    assert.deepEqual([r.hourly[2], r.daily[2]], [10, 20], 'the ceiling across requesters');
    const fromAddress = sendSlotRequest(config, { userId: 'u1', phoneE164: '+14152017001', clientIp: '203.0.113.9', purpose: 'enroll' });
    assert.deepEqual(fromAddress.subjects, ['user:u1', 'enroll:+14152017001:ip:203.0.113.9', 'enroll:+14152017001', 'ip:203.0.113.9']);
  });

  it('tells a cooldown from a rate limit', () => {
    assert.equal(isCooldown({ limit: 'user_cooldown', retryAfterSeconds: 1 }), true);
    assert.equal(isCooldown({ limit: 'phone_daily', retryAfterSeconds: 1 }), false);
  });
});

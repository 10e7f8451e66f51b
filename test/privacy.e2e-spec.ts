import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { enrollVerified, lastCode, useTestApp } from './support/app';

describe('logs carry no code and no full phone number', () => {
  const fixture = useTestApp({ cooldownMinutes: 0 });

  it('keeps codes and numbers out of every log line but the mock outbox line', async () => {
    const { t } = fixture;
    const auth = { Authorization: `Bearer ${t.token('privacy-user')}` };
    const mobile = '+447911204538';
    const invalid = '+447700900461'; // Ofcom's drama range: refused, and must not be logged either
    await enrollVerified(t, 'privacy-user', mobile);
    const codes = [lastCode(t, mobile)];
    await t.http.post('/mfa/sms/challenge').set(auth).send({}).expect(202);
    codes.push(lastCode(t, mobile));
    await t.http.post('/mfa/sms/verify').set(auth).send({ code: codes[1] === '123456' ? '654321' : '123456' });
    await t.http.post('/mfa/sms/verify').set(auth).send({ code: codes[1] }).expect(200);
    await t.http.post('/mfa/sms/enroll').set(auth).send({ phoneNumber: invalid });
    await t.http.post('/mfa/sms/challenge').set(auth).send({ phoneNumber: '+447911204539' }).expect(403);

    const outbox = t.logs.lines.filter((l) => l.includes('MockSmsOutbox'));
    const others = t.logs.lines.filter((l) => !l.includes('MockSmsOutbox'));
    assert.ok(outbox.length >= 2, 'the dev outbox prints each message');
    assert.ok(outbox.every((l) => l.includes('+44 ••• ••• 4538') && !l.includes('7911204538')));
    for (const line of others) {
      for (const secret of ['7911204538', '7700900461', '7911204539', ...codes]) {
        assert.ok(!line.includes(secret), `log line leaks ${secret.length} digits: ${line.slice(0, 80)}`);
      }
    }
  });
});

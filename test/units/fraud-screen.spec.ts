import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MfaError } from '../../src/common/mfa-error';
import { FraudScreen, type FraudCheck } from '../../src/fraud/fraud-screen.service';
import { numberPrefix, parsePhone } from '../../src/phone/phone-number';
import type { MfaConfigOverrides } from '../../src/sms-mfa.settings';
import { createTestDatabase, TestDatabase, withClient } from '../support/database';
import { startModuleHost } from '../support/module-host';

const REPEATED_DIGITS = '+14157777777'; // seven 7s in a row: digit_pattern
const FICTIONAL = '+14155550123'; // NANP 555-01XX: test_range
const ORDINARY = '+14152070101';

/** The fraud check of a send to `e164` as the dispatcher builds it (no traffic statistics). */
function checkOf(e164: string, userId: string): FraudCheck {
  const phone = parsePhone(e164);
  return {
    e164: phone.e164,
    callingCode: phone.callingCode,
    nationalNumber: phone.nationalNumber,
    prefix: numberPrefix(phone),
    country: phone.country,
    userId,
    clientIp: '192.0.2.44',
    withStatistics: false,
  };
}

function useFraudHost(config: MfaConfigOverrides) {
  const fixture = {} as { db: TestDatabase; host: Awaited<ReturnType<typeof startModuleHost>> };
  before(async () => {
    fixture.db = await createTestDatabase();
    fixture.host = await startModuleHost({
      useFactory: () => ({ config: { databaseUrl: fixture.db.url, nodeEnv: 'test', mockSmsEnabled: true, ...config } }),
      jobs: false,
    });
  });
  after(async () => {
    await fixture.host?.app.close();
    await fixture.db?.drop();
  });
  return {
    screen: () => fixture.host.app.get(FraudScreen),
    now: () => fixture.host.clock.now(),
    events: (userId: string) =>
      withClient(
        fixture.db.url,
        async (c) =>
          (
            await c.query(
              `SELECT rule, action, masked_phone, prefix, country, user_id, client_ip, detail, created_at
               FROM sms_fraud_events WHERE user_id = $1 ORDER BY id`,
              [userId],
            )
          ).rows,
      ),
  };
}

describe('FraudScreen in block mode (test_range disabled)', () => {
  const f = useFraudHost({ fraudMode: 'block', fraudDisabledRules: ['test_range'] });

  it('refuses a triggered send with SUSPICIOUS_NUMBER and records a blocked event, with the number masked', async () => {
    await assert.rejects(
      f.screen().check(checkOf(REPEATED_DIGITS, 'pattern-user')),
      (err: unknown) => err instanceof MfaError && err.code === 'SUSPICIOUS_NUMBER',
    );
    const events = await f.events('pattern-user');
    assert.equal(events.length, 1);
    const [event] = events;
    assert.deepEqual(
      { ...event, created_at: new Date(event.created_at).toISOString() },
      {
        rule: 'digit_pattern',
        action: 'blocked',
        masked_phone: '+1 ••• ••• 7777',
        prefix: '+14157',
        country: 'US',
        user_id: 'pattern-user',
        client_ip: '192.0.2.44',
        detail: '7 identical digits in a row',
        created_at: f.now().toISOString(),
      },
    );
    assert.ok(!JSON.stringify(event).includes('4157777777'), 'never the full number');
  });

  it('a disabled rule does not trigger: the fictional range passes, and nothing is recorded', async () => {
    await f.screen().check(checkOf(FICTIONAL, 'fiction-user'));
    assert.deepEqual(await f.events('fiction-user'), []);
  });

  it('an ordinary number passes without an event', async () => {
    await f.screen().check(checkOf(ORDINARY, 'ordinary-user'));
    assert.deepEqual(await f.events('ordinary-user'), []);
  });
});

describe('FraudScreen in monitor mode (every rule on)', () => {
  const f = useFraudHost({ fraudMode: 'monitor' });

  it('records a triggered send as monitored, and does not refuse it', async () => {
    await f.screen().check(checkOf(REPEATED_DIGITS, 'watched-user'));
    const events = await f.events('watched-user');
    assert.deepEqual(
      events.map((e) => [e.rule, e.action, e.masked_phone]),
      [['digit_pattern', 'monitored', '+1 ••• ••• 7777']],
    );
  });

  it('the rule disabled in the other host triggers here (so that host’s silence was the setting)', async () => {
    await f.screen().check(checkOf(FICTIONAL, 'fiction-user'));
    const events = await f.events('fiction-user');
    assert.deepEqual(
      events.map((e) => [e.rule, e.action, e.detail]),
      [['test_range', 'monitored', 'NANP 555-01XX fictional range']],
    );
  });
});

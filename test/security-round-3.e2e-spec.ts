import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import { lastCode, startTestApp, TestApp } from './support/app';
import { createTestDatabase, EMBEDDED, ONE_SESSION_REASON, TestDatabase, withClient } from './support/database';

const phone = (i: number) => `+1415202${String(1000 + i)}`;

describe('a password-only session cannot add a factor by racing the owner’s first enrolment', () => {
  let db: TestDatabase;
  let apps: TestApp[];

  before(async () => {
    db = await createTestDatabase();
    apps = await Promise.all([startTestApp(db.url, { cooldownMinutes: 0 }), startTestApp(db.url, { cooldownMinutes: 0 })]);
  });
  after(async () => {
    await Promise.all((apps ?? []).map((a) => a.close()));
    await db?.drop();
  });

  it(
    '50 races over two instances: SMS enrolment on one session, TOTP activation on another, never both win',
    { skip: EMBEDDED && ONE_SESSION_REASON },
    async () => {
      const [a, b] = apps;
      const outcomes: Record<string, number> = {};
      for (let i = 0; i < 50; i++) {
        const user = `racer-${i}`;
        const attacker = { Authorization: `Bearer ${a.token(user, [], 'password-only')}` };
        const owner = { Authorization: `Bearer ${b.token(user, [], 'owner')}` };
        await a.http.post('/mfa/sms/enroll').set(attacker).send({ phoneNumber: phone(i) }).expect(202);
        const enrolled = await b.http.post('/mfa/totp/enroll').set(owner).expect(201);
        const totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(enrolled.body.secret) });
        const [sms, activated] = await Promise.all([
          a.http.post('/mfa/sms/enroll/verify').set(attacker).send({ code: lastCode(a, phone(i)) }),
          b.http.post('/mfa/totp/activate').set(owner).send({ code: totp.generate({ timestamp: b.clock.now().getTime() }) }),
        ]);
        const key = `${sms.status}/${activated.status}`;
        outcomes[key] = (outcomes[key] ?? 0) + 1;
        assert.notEqual(key, '200/200', `race ${i}: both sessions added a factor`);
        // The loser is told to step up: the winner's factor now exists.
        const loser = sms.status === 200 ? activated : sms;
        assert.equal(loser.body.code, 'STEP_UP_REQUIRED');
        const factors = await withClient(db.url, async (c) =>
          (
            await c.query(
              `SELECT (SELECT count(*) FROM mfa_sms_factors WHERE user_id = $1 AND verified_at IS NOT NULL)
                    + (SELECT count(*) FROM mfa_totp_factors WHERE user_id = $1 AND verified_at IS NOT NULL) AS n`,
              [user],
            )
          ).rows[0].n,
        );
        assert.equal(Number(factors), 1, `race ${i}: exactly one verified factor`);
      }
      assert.equal((outcomes['200/403'] ?? 0) + (outcomes['403/200'] ?? 0), 50, JSON.stringify(outcomes));
    },
  );
});

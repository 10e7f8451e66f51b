import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ChallengeVerifier } from '../../src/challenges/challenge-verifier.service';
import { MfaError } from '../../src/common/mfa-error';
import { CodeIssuer } from '../../src/sms/code-issuer.service';
import { withClient } from '../support/database';
import { useModuleHost } from '../support/module-host';

/** Rejects with an MfaError of this code (and these details, when given). */
function refusedWith(code: string, details?: Record<string, unknown>) {
  return (err: unknown) => {
    assert.ok(err instanceof MfaError, `expected an MfaError, got ${String(err)}`);
    assert.equal(err.code, code);
    if (details) assert.deepEqual({ ...err.details }, details);
    return true;
  };
}

const wrong = (code: string) => (code === '000000' ? '111111' : '000000');

describe('ChallengeVerifier.verify', () => {
  const fixture = useModuleHost({ cooldownMinutes: 0, maxAttempts: 3 });
  const host = fixture.host;
  const db = fixture.db;
  const verifier = () => host().app.get(ChallengeVerifier);


  /** Two wrong codes: CODE_INVALID with 2, then 1 attempt remaining (SMS_MAX_ATTEMPTS=3). */
  async function guessWrongTwice(userId: string, code: string) {
    for (const attemptsRemaining of [2, 1]) {
      await assert.rejects(verifier().verify(userId, 'enroll', wrong(code)), refusedWith('CODE_INVALID', { attemptsRemaining }));
    }
  }

  let seq = 0;
  /** A live enrolment code for a fresh user (each user has its own run of wrong codes). */
  async function issue() {
    seq += 1;
    const userId = `verifier-${seq}`;
    const phone = `+1415206${String(1000 + seq)}`;
    const issued = await host().app.get(CodeIssuer).issue({
      userId,
      phoneE164: phone,
      prefix: phone.slice(0, 6),
      purpose: 'enroll',
      country: 'US',
      firstProvider: 'MOCK',
      channel: 'sms',
    });
    return { userId, issued };
  }
  const row = (id: string) =>
    withClient(
      db().url,
      async (c) => (await c.query(`SELECT attempts, consumed_at FROM mfa_challenges WHERE id = $1`, [id])).rows[0],
    );

  it('verifies the right code once: a second verify gets NO_ACTIVE_CHALLENGE', async () => {
    const { userId, issued } = await issue();
    const verified = await verifier().verify(userId, 'enroll', issued.code);
    assert.equal(verified.challenge.id, issued.id);
    assert.equal(verified.challenge.factorId, issued.factorId);
    assert.notEqual((await row(issued.id)).consumed_at, null, 'consumed');

    await assert.rejects(verifier().verify(userId, 'enroll', issued.code), refusedWith('NO_ACTIVE_CHALLENGE'));
  });

  it('a code of the other purpose does not verify (NO_ACTIVE_CHALLENGE)', async () => {
    const { userId, issued } = await issue();
    await assert.rejects(verifier().verify(userId, 'login', issued.code), refusedWith('NO_ACTIVE_CHALLENGE'));
    assert.equal((await row(issued.id)).consumed_at, null);
  });

  it('answers a wrong code with CODE_INVALID and the attempts remaining; the right one still verifies within them', async () => {
    const { userId, issued } = await issue();
    await guessWrongTwice(userId, issued.code);
    assert.equal((await row(issued.id)).attempts, 2);
    const verified = await verifier().verify(userId, 'enroll', issued.code);
    assert.equal(verified.challenge.id, issued.id, 'the last attempt may be the right one');
  });

  it('the max-th wrong code gives TOO_MANY_ATTEMPTS, and then even the right code is refused', async () => {
    const { userId, issued } = await issue();
    await guessWrongTwice(userId, issued.code);
    await assert.rejects(
      verifier().verify(userId, 'enroll', wrong(issued.code)),
      refusedWith('TOO_MANY_ATTEMPTS', { attemptsRemaining: 0 }),
    );
    await assert.rejects(
      verifier().verify(userId, 'enroll', issued.code),
      refusedWith('TOO_MANY_ATTEMPTS', { attemptsRemaining: 0 }),
    );
    const final = await row(issued.id);
    assert.equal(final.attempts, 3, 'no attempt taken past the maximum');
    assert.equal(final.consumed_at, null);
  });

  it('refuses a malformed code with VALIDATION_FAILED without spending an attempt', async () => {
    const { userId, issued } = await issue();
    for (const code of ['12345', '1234567', '12345a', '', ` ${issued.code.slice(1)}`, '１２３４５６']) {
      await assert.rejects(
        verifier().verify(userId, 'enroll', code),
        refusedWith('VALIDATION_FAILED'),
        JSON.stringify(code),
      );
    }
    assert.equal((await row(issued.id)).attempts, 0);
    assert.equal((await verifier().verify(userId, 'enroll', issued.code)).challenge.id, issued.id);
  });

  it('refuses a code past its lifetime with CODE_EXPIRED (the fake clock advanced)', async () => {
    const { userId, issued } = await issue();
    assert.equal(issued.expiresAt.getTime() - host().clock.now().getTime(), 10 * 60_000);
    host().clock.advance(10 * 60_000 - 1000);
    await assert.rejects(
      verifier().verify(userId, 'enroll', wrong(issued.code)),
      refusedWith('CODE_INVALID', { attemptsRemaining: 2 }),
      'still alive',
    );
    host().clock.advance(1000);
    await assert.rejects(verifier().verify(userId, 'enroll', issued.code), refusedWith('CODE_EXPIRED'));
    const final = await row(issued.id);
    assert.equal(final.attempts, 1, 'the expired guess took no attempt');
    assert.equal(final.consumed_at, null);
  });
});

import { randomUUID } from 'node:crypto';
import { CodeHasher } from '../../src/codes/one-time-code';
import { sendSlotRequest, type SendLimitSettings } from '../../src/rate-limit/send-limits';
import type { NewChallenge } from '../../src/sms/code-issue.unit';

const hasher = new CodeHasher('s'.repeat(32));

/** An enrolment's challenge for CodeIssueUnit.issue (code 123456, to the mock), under `config`'s send limits. */
export function enrolmentChallenge(config: SendLimitSettings, userId: string, phone: string, now: Date, country = 'US'): NewChallenge {
  const id = randomUUID();
  return {
    id,
    userId,
    newFactorId: randomUUID(),
    phoneE164: phone,
    purpose: 'enroll',
    channel: 'sms',
    fixedLine: false,
    codeHash: hasher.hash(id, '123456'),
    expiresAt: new Date(now.getTime() + 600_000),
    maxAttempts: 3,
    createdAt: now,
    firstProvider: 'MOCK',
    country,
    prefix: '+14152',
    slot: sendSlotRequest(config, { userId, phoneE164: phone, purpose: 'enroll' }),
  };
}

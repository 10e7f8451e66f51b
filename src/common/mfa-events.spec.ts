import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { MfaError } from './mfa-error';
import { MfaEvent, MfaEventPayload, MfaEvents } from './mfa-events';

describe('MfaEvents.refused', () => {
  const at = new Date('2026-01-01T00:00:00Z');
  const publishedBy = (err: unknown) => {
    const emitter = new EventEmitter2();
    const seen: MfaEventPayload[] = [];
    emitter.on(MfaEvent.TotpFailed, (p: MfaEventPayload) => seen.push(p));
    new MfaEvents(emitter).refused(MfaEvent.TotpFailed, err, { userId: 'u1', ip: '198.51.100.7', at });
    return seen;
  };

  it('publishes a refusal with its code as the reason', () => {
    assert.deepEqual(publishedBy(new MfaError('CODE_INVALID', 'This code is not valid.')), [
      { userId: 'u1', ip: '198.51.100.7', at, reason: 'CODE_INVALID' },
    ]);
  });

  it('publishes nothing for a fault or an unavailable service: it was not a failed attempt', () => {
    assert.deepEqual(publishedBy(new Error('connection terminated')), []);
    assert.deepEqual(publishedBy(undefined), []);
    assert.deepEqual(publishedBy(new MfaError('SERVICE_UNAVAILABLE')), []);
  });
});

import { Injectable, Module } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { MfaError } from './mfa-error';

/** Event names, for `@OnEvent(MfaEvent.SmsVerified)` in the host. */
export const MfaEvent = {
  SmsSent: 'mfa.sms.sent',
  SmsVerified: 'mfa.sms.verified',
  SmsFailed: 'mfa.sms.failed',
  /** A fresh code went by voice after a report said the SMS (or WhatsApp) message was not delivered. */
  SmsFallback: 'mfa.sms.fallback',
  TotpVerified: 'mfa.totp.verified',
  TotpFailed: 'mfa.totp.failed',
  RecoveryCodeVerified: 'mfa.recovery_code.verified',
  RecoveryCodeFailed: 'mfa.recovery_code.failed',
  /** A session reached aal2 (payload also carries `sessionId` and `method`). */
  AssuranceRaised: 'mfa.assurance.raised',
} as const;

type MfaEventName = (typeof MfaEvent)[keyof typeof MfaEvent];

/** Payloads carry ids and masked numbers only: never a code or a full number. */
export interface MfaEventPayload {
  userId: string;
  factorId?: string;
  challengeId?: string;
  maskedPhone?: string;
  provider?: string;
  /** sms, voice or whatsapp: how the code went. */
  channel?: string;
  /** A fallback: the challenge it replaced. */
  previousChallengeId?: string;
  /** The error code of a failure (CODE_INVALID, CODE_EXPIRED, …). */
  reason?: string;
  purpose?: 'enroll' | 'login';
  ip?: string;
  /** mfa.assurance.raised: the host's session id, and the method that raised it. */
  sessionId?: string;
  method?: string;
  at: Date;
}

/** Publishes what happened so the host can upgrade a session or write its audit trail. */
@Injectable()
export class MfaEvents {
  constructor(private readonly emitter: EventEmitter2) {}

  emit(name: MfaEventName, payload: MfaEventPayload): void {
    this.emitter.emit(name, payload);
  }

  /**
   * A verification's failure event, when `err` is a refusal (a 4xx MfaError:
   * its code is the reason). A fault, or the service being unavailable (5xx),
   * is not a failed attempt: it publishes nothing.
   */
  refused(name: MfaEventName, err: unknown, payload: Omit<MfaEventPayload, 'reason'>): void {
    if (err instanceof MfaError && err.getStatus() < 500) this.emit(name, { ...payload, reason: err.code });
  }
}

@Module({ providers: [MfaEvents], exports: [MfaEvents] })
export class MfaEventsModule {}

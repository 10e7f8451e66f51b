import { Inject, Injectable, Module } from '@nestjs/common';
import { ProviderError } from '@haven-health/nest-sms-mfa';
import type { SendResult, SmsMessage, SmsProvider } from '@haven-health/nest-sms-mfa';

/** Where the host's own SMS gateway is, and its key: the host's configuration, not the module's. */
export const ACME_OPTIONS = Symbol('ACME_OPTIONS');
export interface AcmeOptions {
  baseUrl: string;
  apiKey: string;
}

/**
 * A vendor the module does not ship: "ACME", a local aggregator with a JSON
 * API (POST /v1/messages { to, text, ttl, reference } → 201 { id }, or an
 * error { error: { code } }). One class, one method, every failure classified
 * once, here: the module's sender does priorities, budgets, circuits,
 * failover and the send log for it as for the built-in providers.
 */
@Injectable()
export class AcmeSmsProvider implements SmsProvider {
  readonly name = 'ACME';
  readonly enabled = true;

  constructor(@Inject(ACME_OPTIONS) private readonly options: AcmeOptions) {}

  async send(message: SmsMessage, signal: AbortSignal): Promise<SendResult> {
    let res: Response;
    try {
      res = await fetch(new URL('/v1/messages', this.options.baseUrl), {
        method: 'POST',
        signal,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.apiKey}` },
        body: JSON.stringify({ to: message.to, text: message.body, ttl: Math.floor(message.validitySeconds), reference: message.reference }),
      });
    } catch {
      throw new ProviderError(signal.aborted ? 'timeout' : 'network');
    }
    const body = (await res.json().catch(() => ({}))) as { id?: string; error?: { code?: string } };
    if (res.status === 201) return { providerMessageId: body.id, status: 'queued' };
    throw classifyAcme(res.status, body.error?.code);
  }
}

/** ACME's errors, by what they say about whom (the module's docs/channels.md: your own SMS provider). */
export function classifyAcme(status: number, code = String(status)): ProviderError {
  if (code === 'invalid_number') return new ProviderError('invalid_number', code);
  if (code === 'opted_out') return new ProviderError('opted_out', code);
  if (code === 'destination_blocked') return new ProviderError('region', code);
  if (status === 401 || status === 403) return new ProviderError('account', code);
  if (status === 429) return new ProviderError('throttled', code);
  if (status >= 500) return new ProviderError('server', code);
  return new ProviderError('request', code);
}

@Module({
  providers: [
    {
      provide: ACME_OPTIONS,
      useFactory: (): AcmeOptions => ({ baseUrl: process.env.ACME_BASE_URL ?? '', apiKey: process.env.ACME_API_KEY ?? '' }),
    },
  ],
  exports: [ACME_OPTIONS],
})
export class AcmeModule {}

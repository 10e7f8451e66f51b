import { Injectable, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { OnEvent } from '@nestjs/event-emitter';
import type { Request } from 'express';
import { MfaEvent, MfaService, MfaUserResolver, SmsMfaModule } from '../src';
import type { AuthenticatedUser, MfaEventPayload, SmsChallengeResult } from '../src';

/** Who is calling: here, the host's own session. */
@Injectable()
export class SessionUserResolver implements MfaUserResolver {
  resolve(request: Request): AuthenticatedUser | null {
    const session = (request as Request & { session?: { userId?: string } }).session;
    return session?.userId ? { id: session.userId } : null;
  }
}

/** The host's login flow, calling the module directly (no REST controllers). */
@Injectable()
export class BackupCodeLogin {
  constructor(private readonly mfa: MfaService) {}

  sendBackupCode(userId: string, ip?: string): Promise<SmsChallengeResult> {
    return this.mfa.initiateSmsVerification({ id: userId }, undefined, { ip });
  }

  checkBackupCode(userId: string, code: string): Promise<boolean> {
    return this.mfa.verifySmsCode({ id: userId }, code);
  }
}

/** Upgrades the session, writes the audit trail… */
@Injectable()
export class MfaAuditTrail {
  readonly entries: MfaEventPayload[] = [];

  @OnEvent(MfaEvent.SmsVerified)
  onSmsVerified(event: MfaEventPayload): void {
    this.entries.push(event);
  }
}

@Module({
  imports: [
    ConfigModule.forRoot(),
    SmsMfaModule.forRootAsync({
      factoryImports: [ConfigModule],
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        databaseUrl: config.get<string>('MFA_DATABASE_URL'),
        appName: config.get<string>('APP_NAME') ?? 'Haven Health',
      }),
      userResolver: SessionUserResolver,
      controllers: false,
    }),
  ],
  providers: [BackupCodeLogin, MfaAuditTrail],
})
export class HostAppModule {}

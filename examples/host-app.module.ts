import { Controller, Get, Injectable, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { OnEvent } from '@nestjs/event-emitter';
import { CurrentUser, MfaEvent, MfaService, MfaUserResolver, RequireMfa, SmsMfaModule } from '../src';
import type { AuthenticatedUser, MfaEventPayload, MfaHttpRequest, SmsChallengeResult } from '../src';

/** Who is calling, and in which login session: here, the host's own session. */
@Injectable()
export class SessionUserResolver implements MfaUserResolver {
  resolve(request: MfaHttpRequest): AuthenticatedUser | null {
    const session = (request as MfaHttpRequest & { session?: { id?: string; userId?: string } }).session;
    return session?.userId ? { id: session.userId, sessionId: session.id } : null;
  }
}

/** The host's login flow, calling the module directly (no REST controllers). */
@Injectable()
export class BackupCodeLogin {
  constructor(private readonly mfa: MfaService) {}

  sendBackupCode(userId: string, ip?: string): Promise<SmsChallengeResult> {
    return this.mfa.initiateSmsVerification({ id: userId }, undefined, { ip });
  }

  /** A right code puts this login session at aal2: @RequireMfa routes open to it. */
  checkBackupCode(userId: string, sessionId: string, code: string): Promise<boolean> {
    return this.mfa.verifySmsCode({ id: userId, sessionId }, code);
  }
}

/** A route of the host's own, open only to sessions that have shown a second factor. */
@Controller('records')
export class RecordsController {
  @Get()
  @RequireMfa({ maxAgeMinutes: 30 })
  list(@CurrentUser() user: AuthenticatedUser) {
    return { owner: user.id, records: [] };
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
      imports: [ConfigModule],
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        config: {
          databaseUrl: config.get<string>('MFA_DATABASE_URL'),
          appName: config.get<string>('APP_NAME') ?? 'Haven Health',
        },
      }),
      userResolver: SessionUserResolver,
      controllers: false,
    }),
  ],
  controllers: [RecordsController],
  providers: [BackupCodeLogin, MfaAuditTrail],
})
export class HostAppModule {}

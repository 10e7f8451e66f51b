import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { SmsMfaModule } from '@haven-health/nest-sms-mfa';
import { AcmeModule, AcmeSmsProvider } from './acme-sms.provider';
import { HOST_SESSION_SECRET, HostAuthGuard, LoginController, SessionTokens } from './host-auth';
import { RecordsController, SignedInGuard } from './records.controller';

/** The host's own settings, under its own names; the module's go to it as options. */
export interface HostSettings {
  databaseUrl: string;
  sessionSecret: string;
  mfaCodeSecret: string;
  mfaEncryptionKey: string;
}

export function hostSettings(env: NodeJS.ProcessEnv): HostSettings {
  const read = (name: string): string => {
    const value = env[name];
    if (!value) throw new Error(`${name} must be set`);
    return value;
  };
  return {
    databaseUrl: read('HOST_DATABASE_URL'),
    sessionSecret: read('HOST_SESSION_SECRET'),
    mfaCodeSecret: read('HOST_MFA_CODE_SECRET'),
    mfaEncryptionKey: read('HOST_MFA_ENCRYPTION_KEY'),
  };
}

@Module({})
export class AppModule {
  static register(settings: HostSettings) {
    return {
      module: AppModule,
      imports: [
        SmsMfaModule.forRootAsync({
          // The host's own gateway: the module adds budgets, a circuit, the send log and failover to it.
          providers: [AcmeSmsProvider],
          imports: [AcmeModule],
          useFactory: () => ({
            // Every setting from here: the host's DATABASE_URL, PORT or TRUST_PROXY are its own business.
            readEnv: false,
            config: {
              databaseUrl: settings.databaseUrl,
              // The host migrates before it starts (the migrate command, or MFA_MIGRATIONS in its own DataSource).
              migrationsRun: false,
              codeSecret: settings.mfaCodeSecret,
              encryptionKey: settings.mfaEncryptionKey,
              appName: 'Nest Host',
              providers: { ACME: { priority: 1, maxPerMinute: 120 } },
            },
          }),
        }),
      ],
      controllers: [LoginController, RecordsController],
      providers: [
        { provide: HOST_SESSION_SECRET, useValue: settings.sessionSecret },
        SessionTokens,
        SignedInGuard,
        { provide: APP_GUARD, useClass: HostAuthGuard },
      ],
    };
  }
}

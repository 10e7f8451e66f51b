import { DynamicModule, Logger, Module, ModuleMetadata, Provider, Type } from '@nestjs/common';
import type { MfaUserResolver } from './auth/user-resolver';
import { MfaUserResolver as MfaUserResolverToken } from './auth/user-resolver';
import { Clock, SystemClock } from './common/clock';
import type { SmsMfaModuleOptions } from './sms-mfa.module-definition';
import { SMS_MFA_MODULE_OPTIONS } from './sms-mfa.module-definition';
import { MFA_FRICTION, type MfaFrictionVerifier } from './fraud/friction';
import { HOST_SMS_PROVIDERS, type SmsProvider } from './sms/providers/sms-provider';
import { MFA_CONFIG, type ConfigWarning } from './config/settings';
import { loadMfaConfig } from './sms-mfa.settings';


export interface HostConfiguration {
  /** The options providers that ConfigurableModuleBuilder generated (value, factory or class). */
  options: Provider[];
  imports: ModuleMetadata['imports'];
  userResolver: Type<MfaUserResolver>;
  providers: Type<SmsProvider>[];
  friction?: Type<MfaFrictionVerifier>;
}

/**
 * The one global module: what the host configures — the module options and,
 * validated from them and the environment once, the typed MFA_CONFIG; the
 * clock; the identity seam; the host's SMS adapters. Every feature module
 * reads these; everything else is imported explicitly.
 */
@Module({})
export class MfaConfigModule {
  static register(host: HostConfiguration): DynamicModule {
    return {
      module: MfaConfigModule,
      global: true,
      imports: host.imports ?? [],
      providers: [
        ...host.options,
        {
          provide: MFA_CONFIG,
          inject: [SMS_MFA_MODULE_OPTIONS],
          useFactory: (options: SmsMfaModuleOptions) => {
            const warnings: ConfigWarning[] = [];
            const overrides = { ...options?.config };
            // readEnv: false: only the options, and the host's NODE_ENV for the mode (never refused).
            const env = options?.readEnv === false ? { NODE_ENV: process.env.NODE_ENV } : process.env;
            // Like Twilio or SNS, a host adapter is a real provider: the mock is then never on by default.
            if (host.providers.length && env.MOCK_SMS_ENABLED === undefined) overrides.mockSmsEnabled ??= false;
            const config = loadMfaConfig(env, overrides, warnings);
            const logger = new Logger('MfaConfig');
            for (const w of warnings) logger.warn(`${w.variable} ${w.message}`);
            return config;
          },
        },
        { provide: Clock, useClass: SystemClock },
        { provide: MfaUserResolverToken, useClass: host.userResolver },
        ...host.providers,
        { provide: HOST_SMS_PROVIDERS, inject: host.providers, useFactory: (...adapters: SmsProvider[]) => adapters },
        host.friction ? { provide: MFA_FRICTION, useClass: host.friction } : { provide: MFA_FRICTION, useValue: null },
      ],
      exports: [SMS_MFA_MODULE_OPTIONS, MFA_CONFIG, Clock, MfaUserResolverToken, HOST_SMS_PROVIDERS, MFA_FRICTION],
    };
  }
}

import { DynamicModule, Logger, Module, ModuleMetadata, Provider } from '@nestjs/common';
import { Clock, SystemClock } from '../common/clock';
import { ConfigWarning, loadMfaConfig, MFA_CONFIG, MfaConfigOverrides } from './mfa-config';

export const MFA_CONFIG_OVERRIDES = Symbol('MFA_CONFIG_OVERRIDES');

/**
 * Validates the environment once (plus the host's overrides) and serves the
 * typed config and the clock to every feature module of SmsMfaModule.
 */
@Module({})
export class MfaConfigModule {
  static register(overrides: Provider, imports: ModuleMetadata['imports'] = []): DynamicModule {
    return {
      module: MfaConfigModule,
      global: true,
      imports,
      providers: [
        overrides,
        {
          provide: MFA_CONFIG,
          inject: [MFA_CONFIG_OVERRIDES],
          useFactory: (given: MfaConfigOverrides) => {
            const warnings: ConfigWarning[] = [];
            const config = loadMfaConfig(process.env, given, warnings);
            const logger = new Logger('MfaConfig');
            for (const w of warnings) logger.warn(`${w.variable} ${w.message}`);
            return config;
          },
        },
        { provide: Clock, useClass: SystemClock },
      ],
      exports: [MFA_CONFIG, Clock],
    };
  }
}

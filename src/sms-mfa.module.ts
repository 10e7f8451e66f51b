import { DynamicModule, Module, ModuleMetadata, Provider, Type } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { TerminusModule } from '@nestjs/terminus';
import { AdminSmsController } from './admin/admin-sms.controller';
import { AssuranceController } from './assurance/assurance.controller';
import { RecoveryCodesController } from './mfa/recovery/recovery-codes.controller';
import { AdminUsersController } from './admin/admin-users.controller';
import { OpsModule } from './ops/ops.module';
import { AdminGuard } from './auth/admin.guard';
import { MfaAuthGuard } from './auth/mfa-auth.guard';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { RequestUserResolver } from './auth/request-user.resolver';
import { MfaUserResolver } from './auth/user-resolver';
import { MfaConfigOverrides } from './config/mfa-config';
import { MFA_CONFIG_OVERRIDES, MfaConfigModule } from './config/mfa-config.module';
import { DatabaseModule } from './database/database.module';
import { MfaDbModule } from './database/mfa-db.module';
import { MetricsModule } from './metrics/metrics.module';
import { MfaFactorsController } from './mfa/mfa-factors.controller';
import { MfaSmsController } from './mfa/mfa-sms.controller';
import { MfaTotpController } from './mfa/mfa-totp.controller';
import { MfaModule } from './mfa/mfa.module';
import { HealthController } from './ops/health.controller';
import { MetricsController } from './ops/metrics.controller';
import { TwilioWebhooksController } from './webhooks/twilio-webhooks.controller';
import { WebhooksModule } from './webhooks/webhooks.module';

/** Options that shape the module's wiring, so they are known before any factory runs. */
export interface SmsMfaModuleWiring {
  /** Who is calling: defaults to `request.user` ({ id | sub, roles }) as set by the host's auth. */
  userResolver?: Type<MfaUserResolver>;
  /** Mount the REST controllers (default true); false for hosts that build their own routes. */
  controllers?: boolean;
  /** Modules the user resolver needs. */
  imports?: ModuleMetadata['imports'];
  /**
   * Register @nestjs/event-emitter (default true). Set false when the host
   * already calls EventEmitterModule.forRoot(): events then go to its emitter.
   */
  eventEmitter?: boolean;
}

export interface SmsMfaModuleOptions extends SmsMfaModuleWiring {
  /** Override any environment setting (same validation). */
  config?: MfaConfigOverrides;
}

export interface SmsMfaModuleAsyncOptions extends SmsMfaModuleWiring {
  inject?: any[];
  useFactory: (...args: any[]) => Promise<MfaConfigOverrides> | MfaConfigOverrides;
  /** Modules the factory needs. */
  factoryImports?: ModuleMetadata['imports'];
}

@Module({})
export class SmsMfaModule {
  static forRoot(options: SmsMfaModuleOptions = {}): DynamicModule {
    return SmsMfaModule.compose(options, { provide: MFA_CONFIG_OVERRIDES, useValue: options.config ?? {} }, []);
  }

  static forRootAsync(options: SmsMfaModuleAsyncOptions): DynamicModule {
    return SmsMfaModule.compose(
      options,
      { provide: MFA_CONFIG_OVERRIDES, inject: options.inject ?? [], useFactory: options.useFactory },
      options.factoryImports ?? [],
    );
  }

  private static compose(wiring: SmsMfaModuleWiring, overrides: Provider, factoryImports: ModuleMetadata['imports']): DynamicModule {
    const controllers =
      wiring.controllers === false
        ? []
        : [
            MfaSmsController,
            MfaTotpController,
            MfaFactorsController,
            RecoveryCodesController,
            AssuranceController,
            AdminSmsController,
            AdminUsersController,
            TwilioWebhooksController,
            HealthController,
            MetricsController,
          ];
    return {
      module: SmsMfaModule,
      imports: [
        MfaConfigModule.register(overrides, factoryImports ?? []),
        DatabaseModule.register(),
        MfaDbModule,
        MetricsModule,
        MfaModule,
        RateLimitModule,
        OpsModule,
        WebhooksModule,
        TerminusModule,
        ...(wiring.eventEmitter === false ? [] : [EventEmitterModule.forRoot()]),
        ...(wiring.imports ?? []),
      ],
      controllers,
      providers: [{ provide: MfaUserResolver, useClass: wiring.userResolver ?? RequestUserResolver }, MfaAuthGuard, AdminGuard],
      exports: [MfaModule, MfaUserResolver, MfaAuthGuard],
    };
  }
}

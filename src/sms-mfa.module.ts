import { DynamicModule, Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { AdminModule } from './admin/admin.module';
import { AssuranceModule, AssuranceRoutesModule } from './assurance/assurance.module';
import { AuthModule } from './auth/auth.module';
import { RequestUserResolver } from './auth/request-user.resolver';
import { MfaConfigModule } from './mfa-config.module';
import { DatabaseModule } from './database/database.module';
import { MfaModule, MfaRoutesModule } from './mfa/mfa.module';
import { OpsModule, OpsRoutesModule } from './ops/ops.module';
import { PrivacyRoutesModule } from './privacy/privacy.module';
import {
  SmsMfaConfigurableModule,
  SmsMfaModuleForRoot,
  SmsMfaModuleForRootAsync,
  SmsMfaModuleWiring,
} from './sms-mfa.module-definition';
import { WebhooksModule } from './webhooks/webhooks.module';

/**
 * SMS one-time codes as a backup second factor, with sessions, step-up and
 * recovery codes. `forRoot({ config, ...wiring })` or `forRootAsync({
 * useFactory | useClass | useExisting, inject, imports, ...wiring })` (built
 * with ConfigurableModuleBuilder). Exports MfaService, the @RequireMfa guard
 * and the identity guards; the REST routes come from each feature's routes
 * module, unless `controllers: false`.
 */
@Module({})
export class SmsMfaModule extends SmsMfaConfigurableModule {
  static forRoot(options: SmsMfaModuleForRoot = {}): DynamicModule {
    return compose(super.forRoot(options), options);
  }

  static forRootAsync(options: SmsMfaModuleForRootAsync): DynamicModule {
    return compose(super.forRootAsync(options), options);
  }
}

/** Moves the options providers into the global configuration module and lays out the features. */
function compose(definition: DynamicModule, wiring: SmsMfaModuleWiring): DynamicModule {
  const routes = wiring.controllers !== false;
  return {
    module: definition.module,
    imports: [
      MfaConfigModule.register({
        options: definition.providers ?? [],
        imports: [...(definition.imports ?? []), ...(wiring.imports ?? [])],
        userResolver: wiring.userResolver ?? RequestUserResolver,
        providers: wiring.providers ?? [],
        friction: wiring.friction,
      }),
      DatabaseModule.register(),
      MfaModule,
      AssuranceModule,
      AuthModule,
      OpsModule.register(wiring.jobs !== false),
      ...(routes ? [MfaRoutesModule, AssuranceRoutesModule, PrivacyRoutesModule, AdminModule, WebhooksModule, OpsRoutesModule] : []),
      ...(wiring.eventEmitter === false ? [] : [EventEmitterModule.forRoot()]),
    ],
    exports: [MfaModule, AssuranceModule, AuthModule, OpsModule],
  };
}

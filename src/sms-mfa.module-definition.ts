import { ConfigurableModuleBuilder, ModuleMetadata, Type } from '@nestjs/common';
import type { MfaUserResolver } from './auth/user-resolver';
import type { MfaConfigOverrides } from './sms-mfa.settings';
import type { MfaFrictionVerifier } from './fraud/friction';
import type { SmsProvider } from './sms/providers/sms-provider';

/** What `forRoot` takes, or what the `forRootAsync` factory (or options class) returns. */
export interface SmsMfaModuleOptions {
  /** Overrides of any environment setting, checked by the same rules (see the README's configuration table). */
  config?: MfaConfigOverrides;
  /**
   * Read settings from the environment too (default true). False: every
   * setting comes from `config`, and the module reads no variable of the
   * host's (`DATABASE_URL`, `PORT`, `TRUST_PROXY`…) but `NODE_ENV`, for its
   * mode when `config.nodeEnv` is not given.
   */
  readEnv?: boolean;
}

/** The module's wiring: known before any factory runs, given beside the options. */
export interface SmsMfaModuleWiring {
  /** Mount the REST controllers (default true); false for hosts that build their own routes on MfaService. */
  controllers?: boolean;
  /** Run the periodic jobs — cleanup, alerts, send reaper — on @nestjs/schedule (default true); false when the host schedules them. */
  jobs?: boolean;
  /** Register @nestjs/event-emitter (default true); false when the host already calls EventEmitterModule.forRoot(). */
  eventEmitter?: boolean;
  /** Who is calling: defaults to `request.user` (`{ id | sub, roles, sessionId | sid }`) as the host's auth leaves it. */
  userResolver?: Type<MfaUserResolver>;
  /** Modules the user resolver or the host's SMS providers need. */
  imports?: ModuleMetadata['imports'];
  /** The host's own SMS adapters (Vonage, a local aggregator…), tried with the built-in ones by priority, with budgets and circuits. */
  providers?: Type<SmsProvider>[];
  /**
   * The host's friction step (a CAPTCHA, a proof of work), asked of unproven
   * requesters before a send to a destination not trusted yet (403
   * FRICTION_REQUIRED until the body's frictionProof passes). Without one,
   * such sends meet the hourly money caps for unproven requesters only.
   */
  friction?: Type<MfaFrictionVerifier>;
}

export const {
  ConfigurableModuleClass: SmsMfaConfigurableModule,
  MODULE_OPTIONS_TOKEN: SMS_MFA_MODULE_OPTIONS,
  OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<SmsMfaModuleOptions>({ moduleName: 'SmsMfa' })
  .setClassMethodName('forRoot')
  .setExtras<SmsMfaModuleWiring>({ controllers: true, jobs: true, eventEmitter: true }, (definition) => definition)
  .build();

/** `forRoot` options: the module options and the wiring. */
export type SmsMfaModuleForRoot = typeof OPTIONS_TYPE;
/** `forRootAsync` options: `useFactory` (with `inject`, `imports`), `useClass` or `useExisting`, and the wiring. */
export type SmsMfaModuleForRootAsync = typeof ASYNC_OPTIONS_TYPE;

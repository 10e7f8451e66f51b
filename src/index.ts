/** Public surface of the library. */
export { SmsMfaModule } from './sms-mfa.module';
export type { SmsMfaModuleOptions, SmsMfaModuleAsyncOptions, SmsMfaModuleWiring } from './sms-mfa.module';
export { MfaService } from './mfa/mfa.service';
export type { MfaUser, RequestContext, SmsChallengeResult, SmsEnrollmentResult, FactorView } from './mfa/mfa.types';
export { MfaUserResolver } from './auth/user-resolver';
export type { AuthenticatedUser } from './auth/user-resolver';
export { MfaAuthGuard, CurrentUser, ClientContext } from './auth/mfa-auth.guard';
export { MfaError, MFA_ERROR_STATUS } from './common/mfa-error';
export type { MfaErrorCode, MfaErrorDetails } from './common/mfa-error';
export { MfaExceptionFilter } from './common/mfa-exception.filter';
export { Clock, SystemClock } from './common/clock';
export { MFA_CONFIG, loadMfaConfig, ConfigError } from './config/mfa-config';
export type { MfaConfig, MfaConfigOverrides, ProviderName } from './config/mfa-config';
export { SMS_PROVIDERS, ProviderError } from './sms/providers/sms-provider';
export type { SmsProvider, SmsMessage, SendResult } from './sms/providers/sms-provider';
export { MockSmsProvider } from './sms/providers/mock/mock-sms.provider';
export { maskPhone } from './phone/mask';
export { configureApp } from './demo/configure-app';

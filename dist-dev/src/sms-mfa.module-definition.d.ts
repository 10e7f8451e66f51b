import { ModuleMetadata, Type } from '@nestjs/common';
import type { MfaUserResolver } from './auth/user-resolver';
import type { MfaConfigOverrides } from './config/mfa-config';
import type { SmsProvider } from './sms/providers/sms-provider';
export interface SmsMfaModuleOptions {
    config?: MfaConfigOverrides;
    readEnv?: boolean;
}
export interface SmsMfaModuleWiring {
    controllers?: boolean;
    jobs?: boolean;
    eventEmitter?: boolean;
    userResolver?: Type<MfaUserResolver>;
    imports?: ModuleMetadata['imports'];
    providers?: Type<SmsProvider>[];
}
export declare const SmsMfaConfigurableModule: import("@nestjs/common", { with: { "resolution-mode": "import" } }).ConfigurableModuleCls<SmsMfaModuleOptions, "forRoot", "create", SmsMfaModuleWiring>, SMS_MFA_MODULE_OPTIONS: string | symbol, OPTIONS_TYPE: SmsMfaModuleOptions & Partial<SmsMfaModuleWiring>, ASYNC_OPTIONS_TYPE: import("@nestjs/common", { with: { "resolution-mode": "import" } }).ConfigurableModuleAsyncOptions<SmsMfaModuleOptions, "create"> & Partial<SmsMfaModuleWiring>;
export type SmsMfaModuleForRoot = typeof OPTIONS_TYPE;
export type SmsMfaModuleForRootAsync = typeof ASYNC_OPTIONS_TYPE;

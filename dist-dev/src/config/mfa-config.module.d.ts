import { DynamicModule, ModuleMetadata, Provider, Type } from '@nestjs/common';
import type { MfaUserResolver } from '../auth/user-resolver';
import type { SmsProvider } from '../sms/providers/sms-provider';
export declare const HOST_SMS_PROVIDERS: unique symbol;
export interface HostConfiguration {
    options: Provider[];
    imports: ModuleMetadata['imports'];
    userResolver: Type<MfaUserResolver>;
    providers: Type<SmsProvider>[];
}
export declare class MfaConfigModule {
    static register(host: HostConfiguration): DynamicModule;
}

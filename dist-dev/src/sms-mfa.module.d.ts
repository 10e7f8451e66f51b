import { DynamicModule } from '@nestjs/common';
import { SmsMfaConfigurableModule, SmsMfaModuleForRoot, SmsMfaModuleForRootAsync } from './sms-mfa.module-definition';
export declare class SmsMfaModule extends SmsMfaConfigurableModule {
    static forRoot(options?: SmsMfaModuleForRoot): DynamicModule;
    static forRootAsync(options: SmsMfaModuleForRootAsync): DynamicModule;
}

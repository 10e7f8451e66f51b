import { DynamicModule } from '@nestjs/common';
import { MfaConfigOverrides } from '../config/mfa-config';
export declare class DemoAppModule {
    static register(config?: MfaConfigOverrides, logDestination?: NodeJS.WritableStream): DynamicModule;
}

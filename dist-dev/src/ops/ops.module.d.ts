import { DynamicModule } from '@nestjs/common';
export declare class OpsModule {
    static register(jobs: boolean): DynamicModule;
}
export declare class OpsRoutesModule {
}

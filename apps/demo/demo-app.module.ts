import { DynamicModule, Module } from '@nestjs/common';
import { SmsMfaModule, type MfaConfigOverrides } from '../../src';
import { DemoAuthModule, JwtUserResolver } from './demo-auth';
import type { DemoConfig } from './demo.config';
import { DemoRecordsController } from './demo-records.controller';
import { demoLoggerModule } from './logging';

/** The demo host: SmsMfaModule with bearer-JWT identity, pino logs and one route of its own behind @RequireMfa. */
@Module({})
export class DemoAppModule {
  /** `demo`: the app's own settings; `config`: the module's options; `logDestination`: where log lines go instead of stdout. */
  static register(demo: DemoConfig, config: MfaConfigOverrides = {}, logDestination?: NodeJS.WritableStream): DynamicModule {
    return {
      module: DemoAppModule,
      imports: [
        SmsMfaModule.forRoot({ config, userResolver: JwtUserResolver, imports: [DemoAuthModule.register(demo)] }),
        demoLoggerModule(demo, logDestination),
      ],
      controllers: [DemoRecordsController],
    };
  }
}

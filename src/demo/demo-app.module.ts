import { DynamicModule, Module } from '@nestjs/common';
import { MfaConfigOverrides } from '../config/mfa-config';
import { SmsMfaModule } from '../sms-mfa.module';
import { DemoAuthModule, JwtUserResolver } from './demo-auth';
import { DemoRecordsController } from './demo-records.controller';
import { demoLoggerModule } from './logging';

/** The demo host: SmsMfaModule with bearer-JWT identity, pino logs and one route of its own behind @RequireMfa. */
@Module({})
export class DemoAppModule {
  /** `logDestination`: where log lines go instead of stdout. */
  static register(config: MfaConfigOverrides = {}, logDestination?: NodeJS.WritableStream): DynamicModule {
    return {
      module: DemoAppModule,
      imports: [
        SmsMfaModule.forRoot({ config, userResolver: JwtUserResolver, imports: [DemoAuthModule] }),
        demoLoggerModule(logDestination),
      ],
      controllers: [DemoRecordsController],
    };
  }
}

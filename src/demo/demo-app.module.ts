import { DynamicModule, Module } from '@nestjs/common';
import { MfaConfigOverrides } from '../config/mfa-config';
import { SmsMfaModule } from '../sms-mfa.module';
import { DemoAuthModule, JwtUserResolver } from './demo-auth';

/** The demo host: SmsMfaModule with bearer-JWT identity. */
@Module({})
export class DemoAppModule {
  static register(config: MfaConfigOverrides = {}): DynamicModule {
    return {
      module: DemoAppModule,
      imports: [SmsMfaModule.forRoot({ config, userResolver: JwtUserResolver, imports: [DemoAuthModule] })],
    };
  }
}

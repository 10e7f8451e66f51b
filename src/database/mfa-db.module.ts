import { Module } from '@nestjs/common';
import { PgPoolModule } from './database.module';
import { MfaDb } from './mfa-db';

/** Serves MfaDb to the feature modules of SmsMfaModule. */
@Module({ imports: [PgPoolModule], providers: [MfaDb], exports: [MfaDb] })
export class MfaDbModule {}

import { Module } from '@nestjs/common';
import { configSlice } from '../config/settings';
import { DB_BATCH_CONFIG, DB_BATCH_CONFIG_KEYS } from './database.config';
import { PgPoolModule } from './database.module';
import { MfaDb } from './mfa-db';

/** Serves MfaDb (and how its batching writers batch) to the feature modules of SmsMfaModule. */
@Module({
  imports: [PgPoolModule],
  providers: [MfaDb, configSlice(DB_BATCH_CONFIG, DB_BATCH_CONFIG_KEYS)],
  exports: [MfaDb, DB_BATCH_CONFIG],
})
export class MfaDbModule {}

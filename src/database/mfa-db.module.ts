import { Module } from '@nestjs/common';
import { MfaDb } from './mfa-db';

/** Serves MfaDb to the feature modules of SmsMfaModule. */
@Module({ providers: [MfaDb], exports: [MfaDb] })
export class MfaDbModule {}

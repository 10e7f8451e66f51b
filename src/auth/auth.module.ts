import { Module } from '@nestjs/common';
import { AdminGuard } from './admin.guard';
import { MfaAuthGuard } from './mfa-auth.guard';

/** The guards of the identity seam (the resolver itself comes with the host's configuration). */
@Module({ providers: [MfaAuthGuard, AdminGuard], exports: [MfaAuthGuard, AdminGuard] })
export class AuthModule {}

import type { AuthenticatedUser } from '../../auth/user-resolver';
import { RecoveryCodeDto } from '../dto';
import { MfaService } from '../mfa.service';
import type { RequestContext } from '../mfa.types';
export declare class RecoveryCodesController {
    private readonly mfa;
    constructor(mfa: MfaService);
    generate(user: AuthenticatedUser): Promise<{
        codes: string[];
    }>;
    verify(user: AuthenticatedUser, body: RecoveryCodeDto, ctx: RequestContext): Promise<{
        remaining: number;
        aal: import("../..").AssuranceLevel;
        methods: string[];
        verifiedAt: Date | null;
        expiresAt: Date | null;
        verified: boolean;
    }>;
}

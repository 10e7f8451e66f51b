import type { AuthenticatedUser } from '../auth/user-resolver';
import { CodeDto } from './dto';
import { MfaService } from './mfa.service';
import type { RequestContext } from './mfa.types';
export declare class MfaTotpController {
    private readonly mfa;
    constructor(mfa: MfaService);
    enroll(user: AuthenticatedUser): Promise<import("..").TotpEnrollment>;
    activate(user: AuthenticatedUser, body: CodeDto): Promise<{
        factorId: string;
        verified: true;
    } & import("..").AssuranceView>;
    verify(user: AuthenticatedUser, body: CodeDto, ctx: RequestContext): Promise<{
        aal: import("..").AssuranceLevel;
        methods: string[];
        verifiedAt: Date | null;
        expiresAt: Date | null;
        verified: boolean;
    }>;
}

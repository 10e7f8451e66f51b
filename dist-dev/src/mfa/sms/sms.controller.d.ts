import type { AuthenticatedUser } from '../../auth/user-resolver';
import { CodeDto, EnrollSmsDto, SmsChallengeDto } from '../dto';
import { MfaService } from '../mfa.service';
import type { RequestContext } from '../mfa.types';
export declare class MfaSmsController {
    private readonly mfa;
    constructor(mfa: MfaService);
    enroll(user: AuthenticatedUser, body: EnrollSmsDto, ctx: RequestContext): Promise<import("../mfa.types").SmsEnrollmentResult>;
    verifyEnrollment(user: AuthenticatedUser, body: CodeDto, ctx: RequestContext): Promise<{
        factorId: string;
        verified: true;
    } & import("../..").AssuranceView>;
    challenge(user: AuthenticatedUser, body: SmsChallengeDto, ctx: RequestContext): Promise<import("../mfa.types").SmsChallengeResult>;
    verify(user: AuthenticatedUser, body: CodeDto, ctx: RequestContext): Promise<{
        aal: import("../..").AssuranceLevel;
        methods: string[];
        verifiedAt: Date | null;
        expiresAt: Date | null;
        verified: boolean;
    }>;
}

import { MfaService, MfaUserResolver } from '../src';
import type { AuthenticatedUser, MfaEventPayload, MfaHttpRequest, SmsChallengeResult } from '../src';
export declare class SessionUserResolver implements MfaUserResolver {
    resolve(request: MfaHttpRequest): AuthenticatedUser | null;
}
export declare class BackupCodeLogin {
    private readonly mfa;
    constructor(mfa: MfaService);
    sendBackupCode(userId: string, ip?: string): Promise<SmsChallengeResult>;
    checkBackupCode(userId: string, sessionId: string, code: string): Promise<boolean>;
}
export declare class RecordsController {
    list(user: AuthenticatedUser): {
        owner: string;
        records: never[];
    };
}
export declare class MfaAuditTrail {
    readonly entries: MfaEventPayload[];
    onSmsVerified(event: MfaEventPayload): void;
}
export declare class HostAppModule {
}

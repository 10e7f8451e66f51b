export declare class EnrollSmsDto {
    phoneNumber: string;
    channel?: string;
}
export declare class SmsChallengeDto {
    phoneNumber?: string;
    channel?: string;
}
export declare class CodeDto {
    code: string;
}
export declare class RecoveryCodeDto {
    code: string;
}
export declare class SmsChallengeResponse {
    challengeId: string;
    channel: string;
    maskedPhone: string;
    expiresAt: Date;
    resendAvailableAt: Date;
}
export declare class SmsEnrollResponse extends SmsChallengeResponse {
    factorId: string;
}
export declare class ErrorResponse {
    statusCode: number;
    code: string;
    message: string;
    attemptsRemaining?: number;
    retryAfterSeconds?: number;
    limit?: string;
    methods?: string[];
}

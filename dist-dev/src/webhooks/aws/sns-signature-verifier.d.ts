import { type SnsMessage } from './sns-message';
type InvalidSnsSignatureReason = 'version' | 'certificate_url' | 'certificate' | 'signature' | 'expired_certificate';
export declare class InvalidSnsSignature extends Error {
    readonly reason: InvalidSnsSignatureReason;
    constructor(reason: InvalidSnsSignatureReason);
}
export interface SnsSignatureVerifierOptions {
    certUrlPattern: RegExp;
    fetchCertificate?: (url: string) => Promise<string>;
    now?: () => Date;
    maxCertificates?: number;
    certificateTimeoutMs?: number;
}
export declare class SnsSignatureVerifier {
    private readonly certUrlPattern;
    private readonly fetchCertificate;
    private readonly now;
    private readonly maxCertificates;
    private readonly certificates;
    constructor(options: SnsSignatureVerifierOptions);
    verify(m: SnsMessage): Promise<void>;
    private trustedCertUrl;
    private certificate;
    private load;
}
export declare function sameOrigin(a: string, b: string): boolean;
export {};

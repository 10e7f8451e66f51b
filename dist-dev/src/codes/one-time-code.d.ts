export declare function generateCode(length: number): string;
export declare class CodeHasher {
    private readonly key;
    constructor(secret: string);
    hash(challengeId: string, code: string): Buffer;
    matches(challengeId: string, code: string, stored: Buffer): boolean;
}

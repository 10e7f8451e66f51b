export interface Sealed {
    ciphertext: Buffer;
    keyId: string;
}
export declare function keyIdOf(hexKey: string): string;
export declare class SecretBox {
    private readonly current;
    private readonly keys;
    constructor(currentHexKey: string, previousHexKeys?: string[]);
    seal(plaintext: Buffer, additionalData: string): Sealed;
    open(sealed: Sealed, additionalData: string): Buffer;
    hasKey(keyId: string): boolean;
    isStale(keyId: string): boolean;
}

export declare function splitE164(e164: string): {
    callingCode: string;
    nationalNumber: string;
};
export declare function maskPhone(e164: string): string;
export declare function maskSplit({ callingCode, nationalNumber }: {
    callingCode: string;
    nationalNumber: string;
}): string;

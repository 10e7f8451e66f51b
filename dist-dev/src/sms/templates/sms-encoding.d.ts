export type SmsEncoding = 'GSM-7' | 'UCS-2';
export interface SmsSize {
    encoding: SmsEncoding;
    units: number;
    segments: number;
}
export declare function smsSize(text: string): SmsSize;

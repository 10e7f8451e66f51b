import { type NumberType } from 'libphonenumber-js/max';
export interface PhoneNumber {
    e164: string;
    country?: string;
    callingCode: string;
    nationalNumber: string;
    type?: NumberType;
}
export declare const SMS_CAPABLE_TYPES: ReadonlySet<NumberType>;
export declare const PUMPING_TYPES: ReadonlySet<NumberType>;
export declare function parsePhone(input: unknown): PhoneNumber;
export declare function parseMobilePhone(input: unknown): PhoneNumber;
export declare function parsePhoneFor(input: unknown, channel: 'sms' | 'voice' | 'whatsapp', fixedLineCountries?: readonly string[]): PhoneNumber;
export declare function storedPhone(e164: string, country: string | undefined): PhoneNumber;
export declare function numberPrefix(phone: Pick<PhoneNumber, 'callingCode' | 'nationalNumber'>): string;

import { FailureReason, ProviderError } from '../sms-provider';
export declare const TWILIO_ERRORS: Record<number, FailureReason>;
export declare function classifyTwilioError(err: unknown): ProviderError;

import { FailureReason, ProviderError } from '../sms-provider';
export declare const SNS_ERRORS: Record<string, FailureReason>;
export declare function classifySnsError(err: unknown): ProviderError;

import { FailureReason, ProviderError } from '../sms-provider';
export declare const EUM_ERRORS: Record<string, FailureReason>;
export declare function classifyEumError(err: unknown): ProviderError;

import { ProviderError } from './sms-provider';
export declare function classifyAwsTransport(name: string, status: number | undefined, code: string | undefined): ProviderError;

import { type MfaConfig } from '../config/mfa-config';
export declare function keepDevKeysWithData(env: NodeJS.ProcessEnv, config: Pick<MfaConfig, 'production' | 'databaseUrl' | 'dataDir'>): string | undefined;

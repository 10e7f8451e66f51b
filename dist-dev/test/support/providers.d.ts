import type { MfaConfigOverrides } from '../../src/config/mfa-config';
import { TestApp } from './app';
import { TestDatabase } from './database';
import { EumFake } from '../fakes/eum-fake';
import { SnsFake } from '../fakes/sns-fake';
import { TwilioFake } from '../fakes/twilio-fake';
export declare const TWILIO_SID: string;
export declare const TWILIO_TOKEN = "twilio-auth-token-for-tests";
export declare const PUBLIC_BASE_URL = "https://mfa.example.org";
export interface ProviderFakes {
    twilio: TwilioFake;
    sns: SnsFake;
    eum: EumFake;
    config: MfaConfigOverrides;
    eumConfig: MfaConfigOverrides;
    stop(): Promise<void>;
}
export declare function startProviderFakes(): Promise<ProviderFakes>;
export declare function codeIn(body: string | undefined): string;
export interface AppWithFakes {
    db: TestDatabase;
    fakes: ProviderFakes;
    t: TestApp;
}
export declare function useAppWithFakes(config: (fakes: ProviderFakes) => MfaConfigOverrides, ready: (env: AppWithFakes) => void): void;

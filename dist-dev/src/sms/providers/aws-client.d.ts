import { NodeHttpHandler } from '@smithy/node-http-handler';
import { SettingField } from '../../config/env-rules';
export declare function awsRegionSetting(env: string): SettingField<string>;
export declare function awsClientOptions(region: string, endpoint: string | undefined, timeoutMs: number): {
    region: string;
    endpoint: string | undefined;
    maxAttempts: number;
    requestHandler: NodeHttpHandler;
};

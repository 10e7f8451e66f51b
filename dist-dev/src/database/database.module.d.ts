import { OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { type MfaConfig } from '../config/mfa-config';
export declare const MFA_PG_POOL: unique symbol;
export declare class DatabaseConnections implements OnApplicationShutdown {
    private readonly config;
    private readonly logger;
    private embedded?;
    private pool?;
    constructor(config: MfaConfig);
    url(): Promise<string>;
    connect(): Promise<Pool>;
    onApplicationShutdown(): Promise<void>;
}
export declare class DatabaseConnectionsModule {
}
export declare class PgPoolModule {
}
export declare class DatabaseModule {
    static register(): import("@nestjs/common", { with: { "resolution-mode": "import" } }).DynamicModule;
}

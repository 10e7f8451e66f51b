import { HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { SmsSender } from '../sms/sms-sender.service';
import { ShutdownDrain } from './shutdown-drain.service';
import { ThrottlerRedis } from '../rate-limit/rate-limit.module';
import { type OpsConfig } from './ops.config';
export declare class HealthController {
    private readonly drain;
    private readonly throttlerRedis;
    private readonly health;
    private readonly typeorm;
    private readonly indicators;
    private readonly sender;
    private readonly dataSource;
    private readonly config;
    constructor(drain: ShutdownDrain, throttlerRedis: ThrottlerRedis, health: HealthCheckService, typeorm: TypeOrmHealthIndicator, indicators: HealthIndicatorService, sender: SmsSender, dataSource: DataSource, config: OpsConfig);
    live(): {
        status: string;
    };
    ready(): Promise<{
        status: string;
    }>;
    check(): Promise<import("@nestjs/terminus", { with: { "resolution-mode": "import" } }).HealthCheckResult<import("@nestjs/terminus", { with: { "resolution-mode": "import" } }).HealthIndicatorResult<string, import("@nestjs/terminus", { with: { "resolution-mode": "import" } }).HealthIndicatorStatus, Record<string, any>> & import("@nestjs/terminus", { with: { "resolution-mode": "import" } }).HealthIndicatorResult<"redis", "up", {
        state: "unused" | "up" | "degraded";
    }> & import("@nestjs/terminus", { with: { "resolution-mode": "import" } }).HealthIndicatorResult<"sms", "up", {
        smsEnabled: boolean;
        usable: boolean;
        providers: import("../sms/sms-sender.service").ProviderState[];
    }> & import("@nestjs/terminus", { with: { "resolution-mode": "import" } }).HealthIndicatorResult<"database">, Partial<import("@nestjs/terminus", { with: { "resolution-mode": "import" } }).HealthIndicatorResult<string, import("@nestjs/terminus", { with: { "resolution-mode": "import" } }).HealthIndicatorStatus, Record<string, any>> & import("@nestjs/terminus", { with: { "resolution-mode": "import" } }).HealthIndicatorResult<"redis", "up", {
        state: "unused" | "up" | "degraded";
    }> & import("@nestjs/terminus", { with: { "resolution-mode": "import" } }).HealthIndicatorResult<"sms", "up", {
        smsEnabled: boolean;
        usable: boolean;
        providers: import("../sms/sms-sender.service").ProviderState[];
    }> & import("@nestjs/terminus", { with: { "resolution-mode": "import" } }).HealthIndicatorResult<"database">> | undefined, Partial<import("@nestjs/terminus", { with: { "resolution-mode": "import" } }).HealthIndicatorResult<string, import("@nestjs/terminus", { with: { "resolution-mode": "import" } }).HealthIndicatorStatus, Record<string, any>> & import("@nestjs/terminus", { with: { "resolution-mode": "import" } }).HealthIndicatorResult<"redis", "up", {
        state: "unused" | "up" | "degraded";
    }> & import("@nestjs/terminus", { with: { "resolution-mode": "import" } }).HealthIndicatorResult<"sms", "up", {
        smsEnabled: boolean;
        usable: boolean;
        providers: import("../sms/sms-sender.service").ProviderState[];
    }> & import("@nestjs/terminus", { with: { "resolution-mode": "import" } }).HealthIndicatorResult<"database">> | undefined>>;
    private redis;
    private providers;
}

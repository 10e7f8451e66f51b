import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { type MfaConfigOverrides } from '../../src/config/mfa-config';
import { MockSmsProvider } from '../../src/sms/providers/mock/mock-sms.provider';
import { CapturingLogger } from './capturing-logger';
import { FakeClock } from './clock';
import { TestDatabase } from './database';
export declare const TEST_JWT_SECRET = "test-secret-test-secret-test-secret-0123";
export interface TestApp {
    app: INestApplication;
    http: ReturnType<typeof request>;
    clock: FakeClock;
    outbox: MockSmsProvider;
    logs: CapturingLogger;
    token(userId: string, roles?: string[], sessionId?: string): string;
    close(): Promise<void>;
}
export declare function startTestApp(databaseUrl: string, config?: MfaConfigOverrides): Promise<TestApp>;
export declare function lastCode(t: TestApp, e164: string): string;
export declare function enrollVerified(t: TestApp, userId: string, phone: string): Promise<string>;
export declare function useTestApp(config?: MfaConfigOverrides, setUp?: (t: TestApp) => Promise<void>): {
    t: TestApp;
    db: TestDatabase;
};
export declare function initApp(app: INestApplication): Promise<void>;

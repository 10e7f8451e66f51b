import type { INestApplication } from '@nestjs/common';
export declare function setUpExpress(app: INestApplication, options: {
    trustProxy: string | number | boolean;
}): void;

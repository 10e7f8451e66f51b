import { MigrationInterface, QueryRunner } from 'typeorm';
export declare class CreateSpendCaps1733241600000 implements MigrationInterface {
    name: string;
    up(q: QueryRunner): Promise<void>;
    down(q: QueryRunner): Promise<void>;
}

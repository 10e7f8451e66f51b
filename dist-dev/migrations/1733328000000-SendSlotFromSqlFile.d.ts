import { MigrationInterface, QueryRunner } from 'typeorm';
export declare class SendSlotFromSqlFile1733328000000 implements MigrationInterface {
    name: string;
    up(q: QueryRunner): Promise<void>;
    down(): Promise<void>;
}

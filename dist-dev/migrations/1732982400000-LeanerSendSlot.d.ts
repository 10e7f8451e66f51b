import { MigrationInterface, QueryRunner } from 'typeorm';
export declare class LeanerSendSlot1732982400000 implements MigrationInterface {
    name: string;
    up(q: QueryRunner): Promise<void>;
    down(): Promise<void>;
}

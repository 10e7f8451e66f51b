import { MigrationInterface, QueryRunner } from 'typeorm';
export declare class CreateAbuseDefence1732723200000 implements MigrationInterface {
    name: string;
    up(q: QueryRunner): Promise<void>;
    down(q: QueryRunner): Promise<void>;
}

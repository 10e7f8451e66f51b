import { MigrationInterface, QueryRunner } from 'typeorm';
export declare class CreateAssuranceAndRecoveryCodes1733068800000 implements MigrationInterface {
    name: string;
    up(q: QueryRunner): Promise<void>;
    down(q: QueryRunner): Promise<void>;
}

import { MigrationInterface, QueryRunner } from 'typeorm';
export declare class FraudEvidenceOutlivesFactors1733155200000 implements MigrationInterface {
    name: string;
    up(q: QueryRunner): Promise<void>;
    down(q: QueryRunner): Promise<void>;
}

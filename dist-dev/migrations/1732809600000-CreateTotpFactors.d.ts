import { MigrationInterface, QueryRunner } from 'typeorm';
export declare class CreateTotpFactors1732809600000 implements MigrationInterface {
    name: string;
    up(q: QueryRunner): Promise<void>;
    down(q: QueryRunner): Promise<void>;
}

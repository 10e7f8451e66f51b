import { MigrationInterface, QueryRunner } from 'typeorm';
export declare class CreateAlertStates1732896000000 implements MigrationInterface {
    name: string;
    up(q: QueryRunner): Promise<void>;
    down(q: QueryRunner): Promise<void>;
}

import { MigrationInterface, QueryRunner } from 'typeorm';
export declare class CreateSmsCore1732550400000 implements MigrationInterface {
    name: string;
    up(q: QueryRunner): Promise<void>;
    down(q: QueryRunner): Promise<void>;
}

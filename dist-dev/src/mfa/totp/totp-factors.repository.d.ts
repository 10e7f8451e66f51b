import { AssuranceRow } from '../../assurance/assurance.repository';
import type { AssuranceRaise, StepUpCheck } from '../../assurance/assurance.service';
import { MfaDb } from '../../database/mfa-db';
import { Factor, FactorExportRow, FactorRow, FactorsTable } from '../factors-table';
export interface TotpFactor extends Factor {
    secretEnc: Buffer;
    keyId: string;
    lastStep?: number;
}
export declare class TotpFactorsRepository extends FactorsTable<TotpFactorRow, TotpFactor> {
    constructor(db: MfaDb);
    createPending(id: string, userId: string, secretEnc: Buffer, keyId: string, now: Date, stepUp: StepUpCheck): Promise<boolean>;
    find(userId: string, verified: boolean): Promise<TotpFactor | undefined>;
    useStep(id: string, userId: string, step: number, raise: AssuranceRaise, activation?: StepUpCheck): Promise<{
        allowed: boolean;
        used: boolean;
        assurance?: AssuranceRow;
    }>;
    reseal(id: string, secretEnc: Buffer, keyId: string): Promise<void>;
    exportFor(userId: string): Promise<FactorExportRow[]>;
}
interface TotpFactorRow extends FactorRow {
    secret_enc: Buffer;
    key_id: string;
    last_step: string | null;
}
export type TotpFactorExportRow = FactorExportRow;
export {};

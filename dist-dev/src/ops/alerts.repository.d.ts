import { MfaDb } from '../database/mfa-db';
export interface AlertState {
    firing: boolean;
    since: Date;
}
export declare class AlertsRepository {
    private readonly db;
    constructor(db: MfaDb);
    states(): Promise<Map<string, AlertState>>;
    save(key: string, firing: boolean, value: number, now: Date): Promise<void>;
}

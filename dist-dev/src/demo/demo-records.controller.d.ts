import type { AuthenticatedUser } from '../auth/user-resolver';
export declare class DemoRecordsController {
    records(user: AuthenticatedUser): {
        patient: string;
        records: ({
            kind: string;
            name: string;
            date: string;
            by: string;
            severity?: undefined;
            recorded?: undefined;
            dosage?: undefined;
            since?: undefined;
        } | {
            kind: string;
            name: string;
            severity: string;
            recorded: string;
            date?: undefined;
            by?: undefined;
            dosage?: undefined;
            since?: undefined;
        } | {
            kind: string;
            name: string;
            dosage: string;
            since: string;
            date?: undefined;
            by?: undefined;
            severity?: undefined;
            recorded?: undefined;
        } | {
            kind: string;
            name: string;
            since: string;
            date?: undefined;
            by?: undefined;
            severity?: undefined;
            recorded?: undefined;
            dosage?: undefined;
        })[];
    };
}

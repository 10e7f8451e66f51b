import { DataRightsService } from './data-rights.service';
export declare class DataRightsController {
    private readonly dataRights;
    constructor(dataRights: DataRightsService);
    export(userId: string): Promise<import("./data-rights.service").UserDataExport>;
    erase(userId: string): Promise<import("./data-rights.service").ErasureReport>;
}

import type { DeliveryReport } from '../delivery.service';
export declare function eumEventReport(message: string): DeliveryReport | undefined;

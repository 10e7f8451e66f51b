export interface Clock {
    now(): Date;
}
export declare const Clock: unique symbol;
export declare class SystemClock implements Clock {
    now(): Date;
}

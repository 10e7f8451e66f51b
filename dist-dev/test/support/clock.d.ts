import type { Clock } from '../../src/common/clock';
export declare class FakeClock implements Clock {
    private time;
    constructor(time?: number);
    now(): Date;
    advance(ms: number): void;
    advanceMinutes(minutes: number): void;
}

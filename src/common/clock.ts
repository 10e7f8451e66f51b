/** Time is injected so that tests move it instead of sleeping. */
export interface Clock {
  now(): Date;
}
export const Clock = Symbol('Clock');

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

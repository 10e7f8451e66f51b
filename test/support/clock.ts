import type { Clock } from '../../src/common/clock';

/** A clock that moves only when told. */
export class FakeClock implements Clock {
  constructor(private time = Date.parse('2026-01-15T10:00:00Z')) {}

  now(): Date {
    return new Date(this.time);
  }

  advance(ms: number): void {
    this.time += ms;
  }

  advanceMinutes(minutes: number): void {
    this.advance(minutes * 60_000);
  }
}

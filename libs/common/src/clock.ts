/** The time, in ms since the epoch: injected where code keeps time, so tests move it instead of sleeping. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told to (tests). */
export class ManualClock implements Clock {
  constructor(private current = Date.now()) {}

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}

/** The system clock, which tests can move forward (`advance`) instead of waiting: a service's own time. */
export class AdjustableClock implements Clock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Tests only: pretend that `ms` more have passed. */
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

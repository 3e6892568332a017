import { Injectable } from '@nestjs/common';
import { systemClock, type Clock } from '@tiergate/common';

/**
 * The time the circuit breakers keep (windows, cool-downs, probe timeouts): the system clock, which
 * tests move forward (`app.get(BreakerClock).advance(ms)`) instead of waiting for a cool-down.
 */
@Injectable()
export class BreakerClock implements Clock {
  private offsetMs = 0;

  now(): number {
    return systemClock.now() + this.offsetMs;
  }

  /** Tests only: pretend that `ms` more have passed. */
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

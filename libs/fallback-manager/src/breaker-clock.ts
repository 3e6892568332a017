import { Injectable } from '@nestjs/common';
import { AdjustableClock } from '@tiergate/common';

/**
 * The time the circuit breakers keep (windows, cool-downs, probe timeouts): the system clock, which
 * tests move forward (`app.get(BreakerClock).advance(ms)`) instead of waiting for a cool-down.
 */
@Injectable()
export class BreakerClock extends AdjustableClock {}

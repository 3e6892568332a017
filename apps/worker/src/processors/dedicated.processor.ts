import { Inject, Injectable } from '@nestjs/common';
import { DEDICATED_QUEUE, DEDICATED_SWEEP_SCHEDULER, DedicatedFollower } from '@tiergate/dedicated';
import { RepeatableSweep, type SweepOptions } from './repeatable-sweep';

export type DedicatedProcessorOptions = SweepOptions;
export const DEDICATED_PROCESSOR_OPTIONS = Symbol('DEDICATED_PROCESSOR_OPTIONS');

/** The endpoint and upload follower's driver (see RepeatableSweep). */
@Injectable()
export class DedicatedProcessor extends RepeatableSweep {
  constructor(
    private readonly follower: DedicatedFollower,
    @Inject(DEDICATED_PROCESSOR_OPTIONS) options: DedicatedProcessorOptions,
  ) {
    super('dedicated', DEDICATED_QUEUE, DEDICATED_SWEEP_SCHEDULER, options);
  }

  protected follow(): Promise<number> {
    return this.follower.sweep();
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { BATCH_QUEUE, BATCH_SWEEP_SCHEDULER, BatchFollower } from '@tiergate/batch';
import { RepeatableSweep, type SweepOptions } from './repeatable-sweep';

export type BatchProcessorOptions = SweepOptions;
export const BATCH_PROCESSOR_OPTIONS = Symbol('BATCH_PROCESSOR_OPTIONS');

/** The batch follower's driver (see RepeatableSweep). */
@Injectable()
export class BatchProcessor extends RepeatableSweep {
  constructor(
    private readonly follower: BatchFollower,
    @Inject(BATCH_PROCESSOR_OPTIONS) options: BatchProcessorOptions,
  ) {
    super('batch', BATCH_QUEUE, BATCH_SWEEP_SCHEDULER, options);
  }

  protected follow(): Promise<number> {
    return this.follower.sweep();
  }
}

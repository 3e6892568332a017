import { Inject, Injectable } from '@nestjs/common';
import {
  RESPONSE_RETENTION_QUEUE,
  RESPONSE_RETENTION_SCHEDULER,
  ResponseStore,
} from '@tiergate/response-store';
import { RepeatableSweep, type SweepOptions } from './repeatable-sweep';

export type ResponseRetentionOptions = SweepOptions;
export const RESPONSE_RETENTION_OPTIONS = Symbol('RESPONSE_RETENTION_OPTIONS');

/** Deletes stored Responses API answers past their retention (see RepeatableSweep). */
@Injectable()
export class ResponseRetentionProcessor extends RepeatableSweep {
  constructor(
    private readonly store: ResponseStore,
    @Inject(RESPONSE_RETENTION_OPTIONS) options: ResponseRetentionOptions,
  ) {
    super('response-retention', RESPONSE_RETENTION_QUEUE, RESPONSE_RETENTION_SCHEDULER, options);
  }

  protected follow(): Promise<number> {
    return this.store.deleteExpired();
  }
}

import { DomainError, ErrorCode, type Tier } from '@tiergate/common';

/** A line of a batch input file that cannot be submitted: names the line and the field. */
export class BatchLineError extends DomainError {
  constructor(
    readonly line: number,
    field: string,
    problem: string,
  ) {
    super(ErrorCode.ValidationFailed, `Line ${line}: ${field} ${problem}`, {
      param: `line ${line}: ${field}`,
    });
  }
}

export class BatchesNotAllowedError extends DomainError {
  constructor(tier: Tier) {
    super(
      ErrorCode.BatchesNotAllowed,
      `Batch jobs are not available on the ${tier} tier; upgrade to premium or enterprise to use them`,
    );
  }
}

export class BatchNotCancellableError extends DomainError {
  constructor(id: string, status: string) {
    super(ErrorCode.Conflict, `Batch ${id} is ${status} and can no longer be cancelled`);
  }
}

/** A file a running batch still needs (its input, or its results before they are counted). */
export class FileInUseError extends DomainError {
  constructor(fileId: string, batchId: string) {
    super(ErrorCode.Conflict, `File ${fileId} is used by batch ${batchId}, which is still running`, {
      param: 'file_id',
    });
  }
}

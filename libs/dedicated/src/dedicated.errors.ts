import { DomainError, ErrorCode } from '@tiergate/common';

export class HardwareUnavailableError extends DomainError {
  constructor(hardware: string) {
    super(ErrorCode.Conflict, `Hardware ${hardware} has no capacity right now; pick another configuration`, {
      param: 'hardware',
    });
  }
}

/** A field that does not fit the rest of the request (or the endpoint as it is). */
export class InvalidFieldError extends DomainError {
  constructor(param: string, message: string) {
    super(ErrorCode.ValidationFailed, message, { param });
  }
}

import { DomainError, ErrorCode } from '@tiergate/common';

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Authentication required: send "Authorization: Bearer <access token or API key>"') {
    super(ErrorCode.Unauthenticated, message);
  }
}

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super(ErrorCode.InvalidCredentials, 'Invalid email or password');
  }
}

export class EmailTakenError extends DomainError {
  constructor() {
    super(ErrorCode.EmailTaken, 'An account with this email already exists', { param: 'email' });
  }
}

export class RegistrationClosedError extends DomainError {
  constructor() {
    super(ErrorCode.RegistrationClosed, 'Self-registration is disabled on this server; ask an administrator');
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You do not have permission to do this') {
    super(ErrorCode.Forbidden, message);
  }
}

export class CsrfFailedError extends DomainError {
  constructor() {
    super(
      ErrorCode.CsrfFailed,
      'Missing or wrong CSRF token: a signed-in browser must send the x-csrf-token header with the value of the tiergate_csrf cookie',
    );
  }
}

export class TooManySignInAttemptsError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super(
      ErrorCode.TooManyAttempts,
      `Too many failed sign-ins for this account or from this address: try again in ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} minute(s)`,
      { retryAfterSeconds: Math.max(1, retryAfterSeconds) },
    );
  }
}

export class WrongPasswordError extends DomainError {
  constructor() {
    super(ErrorCode.ValidationFailed, 'The current password is not correct', { param: 'current_password' });
  }
}

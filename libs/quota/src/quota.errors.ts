import { DomainError, ErrorCode } from '@tiergate/common';

/** A quota or rate limit is reached: 429 with when it resets and the X-RateLimit-* headers. */
export class QuotaExceededError extends DomainError {
  constructor(
    message: string,
    readonly feature: string,
    readonly limitName: string,
    readonly limit: number,
    readonly resetsAt: Date,
    retryAfterSeconds: number,
  ) {
    super(ErrorCode.QuotaExceeded, message, { param: null, retryAfterSeconds });
    this.headers = {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Math.ceil(resetsAt.getTime() / 1000)),
    };
  }
}

export class RequestTooLargeError extends DomainError {
  constructor(feature: string, tokens: number, limit: number) {
    super(
      ErrorCode.ValidationFailed,
      `This request needs about ${tokens} tokens (prompt plus max_tokens), more than the ${limit} tokens per request your tier allows for ${feature}; shorten it or lower max_tokens`,
      { param: 'max_tokens' },
    );
  }
}

export class QuotaUnavailableError extends DomainError {
  constructor() {
    super(
      ErrorCode.QuotaUnavailable,
      'Usage limits cannot be checked right now, so the request was refused; try again shortly',
      {
        retryAfterSeconds: 5,
      },
    );
  }
}

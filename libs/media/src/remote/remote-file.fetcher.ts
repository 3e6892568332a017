import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { Agent, errors as undiciErrors } from 'undici';
import { DomainError, ErrorCode } from '@tiergate/common';
import { AddressPolicy } from './address-policy';

export interface RemoteFetchSettings {
  timeoutMs: number;
  maxBytes: number;
  /** Hosts or IPs/CIDRs exempt from the private-address block (empty in production). */
  allow: readonly string[];
}

export interface FetchedFile {
  body: Buffer;
  contentType: string | undefined;
  /** The last path segment of the final URL, for naming the upload. */
  filename: string;
}

const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

class BlockedAddressError extends Error {
  constructor(readonly hostname: string) {
    super(`${hostname} resolves to an address Tiergate does not fetch from`);
  }
}

/**
 * Fetches a file from a URL a user supplied, guarding against server-side request forgery: http(s)
 * only; every address is checked after DNS resolution, at connect time (so DNS rebinding cannot
 * slip past a check made earlier), and again on every redirect; a size cap and a total timeout.
 */
export class RemoteFileFetcher {
  private readonly policy: AddressPolicy;
  private readonly agent: Agent;

  constructor(private readonly settings: RemoteFetchSettings) {
    this.policy = new AddressPolicy(settings.allow);
    this.agent = new Agent({
      connect: { timeout: settings.timeoutMs, lookup: this.guardedLookup },
      headersTimeout: settings.timeoutMs,
      bodyTimeout: settings.timeoutMs,
      connections: 32,
    });
  }

  async fetch(url: string, field: string, signal?: AbortSignal): Promise<FetchedFile> {
    const deadline = AbortSignal.timeout(this.settings.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
    let target = this.parse(url, field);
    for (let redirects = 0; ; redirects++) {
      this.checkLiteralAddress(target, field);
      let response;
      try {
        response = await this.agent.request({
          origin: target.origin,
          path: target.pathname + target.search,
          method: 'GET',
          headers: { accept: 'audio/*, image/*, application/octet-stream;q=0.9, */*;q=0.5' },
          signal: combined,
        });
      } catch (error) {
        throw this.failure(error, field, deadline);
      }
      if (REDIRECT_STATUSES.has(response.statusCode)) {
        await response.body.dump();
        const location = response.headers.location;
        if (typeof location !== 'string' || redirects >= MAX_REDIRECTS)
          throw invalid(field, `${field} redirected too many times or without a location`);
        target = this.parse(new URL(location, target).toString(), field);
        continue;
      }
      if (response.statusCode < 200 || response.statusCode >= 300) {
        await response.body.dump();
        throw invalid(
          field,
          `${field} could not be fetched: the server answered HTTP ${response.statusCode}`,
        );
      }
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > this.settings.maxBytes) {
        response.body.destroy();
        throw tooLarge(field, this.settings.maxBytes);
      }
      const parts: Buffer[] = [];
      let size = 0;
      try {
        for await (const chunk of response.body as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > this.settings.maxBytes) {
            response.body.destroy();
            throw tooLarge(field, this.settings.maxBytes);
          }
          parts.push(chunk);
        }
      } catch (error) {
        if (error instanceof DomainError) throw error;
        throw this.failure(error, field, deadline);
      }
      const type = response.headers['content-type'];
      return {
        body: Buffer.concat(parts),
        contentType: typeof type === 'string' ? type.split(';')[0].trim() : undefined,
        filename: decodeURIComponent(target.pathname.split('/').pop() || 'download'),
      };
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  private parse(url: string, field: string): URL {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw invalid(field, `${field} must be an absolute http(s) URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw invalid(field, `${field} must use http or https`);
    return parsed;
  }

  /**
   * IP literals never go through DNS lookup, so they are checked here. The WHATWG URL parser has
   * already normalised the tricks (127.1, 2130706433, 0x7f000001, [::ffff:7f00:1]).
   */
  private checkLiteralAddress(url: URL, field: string): void {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (this.policy.isHostAllowListed(host)) return;
    if (/^[\d.]+$/.test(host) || host.includes(':')) {
      if (!this.policy.permits(host)) throw blocked(field);
    }
  }

  /** The DNS lookup the agent connects with: every resolved address must be permitted. */
  private readonly guardedLookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const allowListed = this.policy.isHostAllowListed(hostname);
      if (!allowListed && addresses.some((a) => !this.policy.permits(a.address)))
        return callback(new BlockedAddressError(hostname), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };

  private failure(error: unknown, field: string, deadline: AbortSignal): DomainError {
    if (error instanceof DomainError) return error;
    const cause = (error as { cause?: unknown })?.cause;
    if (error instanceof BlockedAddressError || cause instanceof BlockedAddressError) return blocked(field);
    if (
      deadline.aborted ||
      error instanceof undiciErrors.HeadersTimeoutError ||
      error instanceof undiciErrors.BodyTimeoutError
    )
      return invalid(field, `${field} did not answer within ${this.settings.timeoutMs} ms`);
    if (error instanceof undiciErrors.RequestAbortedError)
      return new DomainError(ErrorCode.ClientClosedRequest, 'The client closed the request');
    return invalid(
      field,
      `${field} could not be fetched: ${(error as Error).message ?? 'connection failed'}`,
    );
  }
}

function invalid(field: string, message: string): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, message, { param: field });
}

function blocked(field: string): DomainError {
  return invalid(
    field,
    `${field} points to a private, loopback or link-local address, which Tiergate does not fetch`,
  );
}

function tooLarge(field: string, maxBytes: number): DomainError {
  return new DomainError(
    ErrorCode.PayloadTooLarge,
    `${field} is larger than the limit of ${maxBytes} bytes`,
    {
      param: field,
    },
  );
}

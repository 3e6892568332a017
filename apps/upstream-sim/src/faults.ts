/**
 * Fault injection. A fault is armed either for one direct call (the `x-sim-fault` header) or for
 * the next `count` calls, optionally for one model only (the control endpoint, for calls that come
 * through the gateway, which never forwards client headers upstream).
 *
 * Header grammar: `kind[:arg][;key=value]...`, for example `error:503`, `error:429;retry_after=2`,
 * `hang`, `reset`, `latency:250`, `cut:3`, `stall:3`, `malformed:2`, `no_done`, `context_length`
 * (400 context_length_exceeded), `content_policy` (400 content_policy_violation).
 * `error:504;latency_ms=15000` is a silent model behind an edge: the gateway timeout comes only
 * after the edge's own wait (an `error` waits `latency_ms` before answering).
 */
export const FAULT_KINDS = [
  'error',
  'hang',
  'reset',
  'latency',
  'cut',
  'stall',
  'malformed',
  'no_done',
  'context_length',
  'content_policy',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  kind: FaultKind;
  /** `error`: the HTTP status to answer with (default 500). */
  status?: number;
  /** `latency`: milliseconds before the first byte; `error`: before the error answer. */
  latencyMs?: number;
  /** `cut`, `stall`, `malformed`: how many content chunks go out first. */
  afterChunks?: number;
  /** `error` 429/503: seconds sent as `retry-after` (and `x-ratelimit-reset`). */
  retryAfter?: number;
  /** Only calls for this model are affected. */
  model?: string;
}

interface ArmedFault extends Fault {
  id: number;
  remaining: number;
  path?: string;
}

export class FaultParseError extends Error {}

function int(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new FaultParseError(`${name} must be a non-negative integer`);
  return n;
}

export function parseFaultHeader(header: string): Fault {
  const [head, ...options] = header.split(';').map((s) => s.trim());
  const [kindText, arg]: (string | undefined)[] = head.split(':');
  const kind = (kindText ?? '') as FaultKind;
  if (!FAULT_KINDS.includes(kind))
    throw new FaultParseError(`unknown fault kind "${kindText}" (${FAULT_KINDS.join(', ')})`);
  const opts: Record<string, string | undefined> = {};
  for (const option of options.filter(Boolean)) {
    const [key, value] = option.split('=').map((s) => s.trim());
    opts[key] = value;
  }
  return normalise({
    kind,
    status: kind === 'error' ? int(arg, 'status') : int(opts.status, 'status'),
    latencyMs: kind === 'latency' ? int(arg, 'latency') : int(opts.latency_ms, 'latency_ms'),
    afterChunks: ['cut', 'stall', 'malformed'].includes(kind)
      ? int(arg, 'after_chunks')
      : int(opts.after_chunks, 'after_chunks'),
    retryAfter: int(opts.retry_after, 'retry_after'),
    model: opts.model,
  });
}

export function normalise(fault: Fault): Fault {
  if (!FAULT_KINDS.includes(fault.kind))
    throw new FaultParseError(`unknown fault kind "${String(fault.kind)}"`);
  const status = fault.kind === 'error' ? (fault.status ?? 500) : fault.status;
  if (status !== undefined && (status < 400 || status > 599))
    throw new FaultParseError('status must be 400-599');
  return { ...fault, status };
}

export class FaultRegistry {
  private armed: ArmedFault[] = [];
  private nextId = 1;

  arm(fault: Fault, count = 1, path?: string): number {
    const id = this.nextId++;
    this.armed.push({ ...normalise(fault), id, remaining: count, path });
    return id;
  }

  /** Takes the first armed fault that applies to this call, consuming one of its uses. */
  take(model: string | undefined, path: string): Fault | undefined {
    const index = this.armed.findIndex(
      (f) => (!f.model || f.model === model) && (!f.path || f.path === path),
    );
    if (index < 0) return undefined;
    const fault = this.armed[index];
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.armed.splice(index, 1);
    return fault;
  }

  list(): ArmedFault[] {
    return [...this.armed];
  }

  clear(): void {
    this.armed = [];
  }
}

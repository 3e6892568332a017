import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findModel, type SimModel } from '../catalog';
import { customModel, invalidParams, sendError, type SimContext } from './sim-context';

/**
 * Together's dedicated endpoints (`/v1/hardware`, `/v1/endpoints`): list hardware (compatible
 * with a model, with availability), create, read, list, update (start / stop, autoscaling, display
 * name) and delete. An endpoint's state follows the clock: PENDING → STARTING → STARTED after
 * creation or a start, STOPPING → STOPPED after a stop, with delays set through
 * `/_sim/endpoints/config`. While STARTED its `name` is a model for /v1/chat/completions; otherwise
 * chat answers 400 `dedicated_endpoint_not_running`. Endpoints belong to the organisation, which
 * every key given to the simulator is taken to be part of.
 */

export type EndpointState = 'PENDING' | 'STARTING' | 'STARTED' | 'STOPPING' | 'STOPPED' | 'ERROR';

interface SimHardware {
  id: string;
  gpuType: string;
  gpuCount: number;
  gpuMemory: number;
  centsPerMinute: number;
  availability: 'available' | 'insufficient' | 'unavailable';
}

const HARDWARE: SimHardware[] = [
  hardware(1, 'h100-80gb', 80, 3.99, 'available'),
  hardware(2, 'h100-80gb', 80, 7.98, 'available'),
  hardware(4, 'h100-80gb', 80, 15.96, 'available'),
  hardware(8, 'h100-80gb', 80, 31.92, 'available'),
  hardware(1, 'h200-141gb', 141, 5.49, 'available'),
  hardware(1, 'b200-180gb', 180, 9.95, 'insufficient'),
];

function hardware(
  count: number,
  gpu: string,
  memory: number,
  perHour: number,
  availability: SimHardware['availability'],
): SimHardware {
  const id = `${count}x_nvidia_${gpu.replace('-', '_')}_sxm`;
  return {
    id,
    gpuType: gpu,
    gpuCount: count,
    gpuMemory: memory,
    centsPerMinute: Math.round((perHour * 100 * 10_000) / 60) / 10_000,
    availability,
  };
}

/** Whether the weights (16-bit, from the "<n>B" in the id, plus a fifth for the cache) fit. */
function fits(model: string, config: SimHardware): boolean {
  const size = /(\d+(?:\.\d+)?)B\b/i.exec(model);
  if (!size) return true;
  return Number(size[1]) * 2 * 1.2 <= config.gpuCount * config.gpuMemory;
}

export interface EndpointTimings {
  pendingMs: number;
  startingMs: number;
  stoppingMs: number;
}

const DEFAULT_TIMINGS: EndpointTimings = { pendingMs: 300, startingMs: 700, stoppingMs: 300 };

interface SimEndpoint {
  id: string;
  name: string;
  displayName: string;
  model: string;
  base: SimModel;
  hardware: string;
  owner: string;
  minReplicas: number;
  maxReplicas: number;
  inactiveTimeout: number | null;
  createdAt: number;
  /** Where the endpoint is heading and since when (the state is computed from the clock). */
  target: 'STARTED' | 'STOPPED';
  since: number;
  /** Whether it has been running before (a restart skips PENDING). */
  restarted: boolean;
}

export function registerEndpointRoutes(context: SimContext): void {
  const { app } = context;
  const endpoints = new Map<string, SimEndpoint>();
  let timings = { ...DEFAULT_TIMINGS };

  const stateOf = (endpoint: SimEndpoint, now = Date.now()): EndpointState => {
    const elapsed = now - endpoint.since;
    if (endpoint.target === 'STOPPED') return elapsed < timings.stoppingMs ? 'STOPPING' : 'STOPPED';
    const pending = endpoint.restarted ? 0 : timings.pendingMs;
    if (elapsed < pending) return 'PENDING';
    return elapsed < pending + timings.startingMs ? 'STARTING' : 'STARTED';
  };

  const view = (endpoint: SimEndpoint) => ({
    object: 'endpoint',
    id: endpoint.id,
    name: endpoint.name,
    display_name: endpoint.displayName,
    model: endpoint.model,
    hardware: endpoint.hardware,
    type: 'dedicated',
    owner: endpoint.owner,
    state: stateOf(endpoint),
    autoscaling: { min_replicas: endpoint.minReplicas, max_replicas: endpoint.maxReplicas },
    inactive_timeout: endpoint.inactiveTimeout,
    created_at: new Date(endpoint.createdAt).toISOString(),
  });

  const notFound = (reply: FastifyReply, id: string) =>
    sendError(reply, 404, `Endpoint ${id} not found`, 'invalid_request_error', 'not_found');

  const find = (request: FastifyRequest<{ Params: { id: string } }>) => endpoints.get(request.params.id);

  /** The model an endpoint can deploy: a catalog text model or a completed upload. */
  const deployable = (model: unknown): SimModel | undefined => {
    const found = findModel(model) ?? customModel(context, model);
    return found && found !== 'not_running' && ['chat', 'language', 'code'].includes(found.type)
      ? found
      : undefined;
  };

  context.customModels.push((id) => {
    const endpoint = [...endpoints.values()].find((e) => e.name === id);
    if (!endpoint) return undefined;
    return stateOf(endpoint) === 'STARTED' ? { ...endpoint.base, id: endpoint.name } : 'not_running';
  });

  app.get('/v1/hardware', async (request, reply) => {
    const model = (request.query as { model?: string }).model;
    if (model !== undefined && !deployable(model))
      return sendError(
        reply,
        404,
        `Model ${model} is not available for dedicated endpoints`,
        'invalid_request_error',
        'model_not_found',
        'model',
      );
    const configs = model ? HARDWARE.filter((h) => fits(model, h)) : HARDWARE;
    return {
      object: 'list',
      data: configs.map((h) => ({
        object: 'hardware',
        id: h.id,
        pricing: { cents_per_minute: h.centsPerMinute },
        specs: { gpu_type: h.gpuType, gpu_link: 'sxm', gpu_memory: h.gpuMemory, gpu_count: h.gpuCount },
        ...(model && { availability: { status: h.availability } }),
        updated_at: '2026-10-01T00:00:00.000Z',
      })),
    };
  });

  app.post('/v1/endpoints', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (typeof body.model !== 'string') return invalidParams(reply, 'model', 'model is required');
    const base = deployable(body.model);
    if (!base)
      return sendError(
        reply,
        400,
        `Model ${body.model} cannot be deployed on a dedicated endpoint`,
        'invalid_request_error',
        'model_not_available',
        'model',
      );
    const config = HARDWARE.find((h) => h.id === body.hardware);
    if (!config) return invalidParams(reply, 'hardware', `hardware ${String(body.hardware)} is not offered`);
    if (!fits(body.model, config))
      return invalidParams(reply, 'hardware', `${config.id} has too little memory for ${body.model}`);
    if (config.availability !== 'available')
      return sendError(
        reply,
        503,
        `No capacity for ${config.id} right now`,
        'service_unavailable',
        'hardware_unavailable',
      );
    const autoscaling = (body.autoscaling ?? {}) as { min_replicas?: unknown; max_replicas?: unknown };
    const min = autoscaling.min_replicas;
    const max = autoscaling.max_replicas;
    if (typeof min !== 'number' || !Number.isInteger(min) || min < 1)
      return invalidParams(
        reply,
        'autoscaling.min_replicas',
        'min_replicas must be an integer of at least 1',
      );
    if (typeof max !== 'number' || !Number.isInteger(max) || max < min)
      return invalidParams(reply, 'autoscaling.max_replicas', 'max_replicas must be at least min_replicas');
    const auth = request.headers.authorization ?? '';
    const owner = `org-${auth.slice(-4) || 'anon'}`;
    const now = Date.now();
    const endpoint: SimEndpoint = {
      id: `endpoint-${randomUUID()}`,
      name: `${owner}/${body.model}-${randomBytes(4).toString('hex')}`,
      displayName: typeof body.display_name === 'string' ? body.display_name : body.model,
      model: body.model,
      base,
      hardware: config.id,
      owner,
      minReplicas: min,
      maxReplicas: max,
      inactiveTimeout: typeof body.inactive_timeout === 'number' ? body.inactive_timeout : null,
      createdAt: now,
      target: body.state === 'STOPPED' ? 'STOPPED' : 'STARTED',
      since: body.state === 'STOPPED' ? now - timings.stoppingMs : now,
      restarted: false,
    };
    endpoints.set(endpoint.id, endpoint);
    return view(endpoint);
  });

  app.get('/v1/endpoints', () => ({ object: 'list', data: [...endpoints.values()].map(view) }));

  app.get<{ Params: { id: string } }>('/v1/endpoints/:id', async (request, reply) => {
    const endpoint = find(request);
    return endpoint ? view(endpoint) : notFound(reply, request.params.id);
  });

  app.patch<{ Params: { id: string } }>('/v1/endpoints/:id', async (request, reply) => {
    const endpoint = find(request);
    if (!endpoint) return notFound(reply, request.params.id);
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (body.state !== undefined && body.state !== 'STARTED' && body.state !== 'STOPPED')
      return invalidParams(reply, 'state', 'state must be STARTED or STOPPED');
    const autoscaling = body.autoscaling as { min_replicas?: unknown; max_replicas?: unknown } | undefined;
    if (autoscaling !== undefined) {
      const min = autoscaling.min_replicas ?? endpoint.minReplicas;
      const max = autoscaling.max_replicas ?? endpoint.maxReplicas;
      if (typeof min !== 'number' || !Number.isInteger(min) || min < 1)
        return invalidParams(
          reply,
          'autoscaling.min_replicas',
          'min_replicas must be an integer of at least 1',
        );
      if (typeof max !== 'number' || !Number.isInteger(max) || max < min)
        return invalidParams(reply, 'autoscaling.max_replicas', 'max_replicas must be at least min_replicas');
      endpoint.minReplicas = min;
      endpoint.maxReplicas = max;
    }
    if (typeof body.display_name === 'string') endpoint.displayName = body.display_name;
    if (typeof body.inactive_timeout === 'number') endpoint.inactiveTimeout = body.inactive_timeout;
    if (body.state !== undefined && body.state !== endpoint.target) {
      endpoint.restarted ||= endpoint.target === 'STARTED';
      endpoint.target = body.state;
      endpoint.since = Date.now();
    }
    return view(endpoint);
  });

  app.delete<{ Params: { id: string } }>('/v1/endpoints/:id', async (request, reply) => {
    if (!endpoints.delete(request.params.id)) return notFound(reply, request.params.id);
    return reply.code(204).send();
  });

  // Control: state delays (keep them small in tests), and every endpoint.
  app.post('/_sim/endpoints/config', (request) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const ms = (v: unknown, fallback: number) => (typeof v === 'number' && v >= 0 ? v : fallback);
    timings = {
      pendingMs: ms(body.pending_ms, timings.pendingMs),
      startingMs: ms(body.starting_ms, timings.startingMs),
      stoppingMs: ms(body.stopping_ms, timings.stoppingMs),
    };
    return {
      pending_ms: timings.pendingMs,
      starting_ms: timings.startingMs,
      stopping_ms: timings.stoppingMs,
    };
  });
  app.get('/_sim/endpoints', () => [...endpoints.values()].map(view));
}

import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { ApiConfig } from '@tiergate/config';
import { createLogger, NestPinoLogger } from '@tiergate/logging';
import { Metrics } from '@tiergate/metrics';
import { Tracing } from '@tiergate/tracing';
import { ApiModule } from './api.module';
import { registerCors } from './http/cors';
import { addDrainHook } from './http/graceful-shutdown';
import { serveDashboard } from './http/dashboard';
import { registerJsonBodyParser } from './http/json-body';
import { registerAccessLog } from './http/access-log';
import { buildOpenApiDocument } from './http/openapi';
import { registerRequestTiming } from './http/request-timing';
import { createValidationPipe } from './http/validation';
import { sendError } from './http/error.filter';
import { badUrl, urlTextProblem } from './http/text-checks';

const VALID_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Keeps a well-formed incoming `x-request-id` (for tracing across services), else makes one. */
function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && VALID_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  return id;
}

/**
 * JSON bodies that may carry images as data URLs get room for one upload-sized image (base64 is
 * 4/3 of the bytes); every other route keeps BODY_LIMIT_BYTES.
 */
function routeBodyLimits(config: ApiConfig): Record<string, number> {
  const withImage = Math.max(
    config.http.bodyLimitBytes,
    Math.ceil((config.media.maxImageUploadBytes * 4) / 3) + 64 * 1024,
  );
  return {
    '/v1/chat/completions': withImage,
    '/api/v1/together/images/analysis': withImage,
  };
}

/** Builds the api (not listening), exactly as production runs it; tests use it too. */
export interface ApiAppOptions {
  /** Where log lines go (standard output by default); tests read them. */
  logDestination?: NodeJS.WritableStream;
  /**
   * What closing does to open connections: all closed at once (tests), or only idle ones while
   * requests in flight finish (the server process, see graceful-shutdown.ts).
   */
  forceCloseConnections?: boolean | 'idle';
  /** Where spans go instead of OTLP when tracing is on (tests: an InMemorySpanExporter). */
  spanExporter?: SpanExporter;
}

export async function createApiApp(
  config: ApiConfig,
  options: ApiAppOptions = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    genReqId: requestIdFor,
    trustProxy: true,
    forceCloseConnections: options.forceCloseConnections ?? true,
    // While draining, requests on open connections are still answered (with Connection: close).
    return503OnClosing: false,
    routerOptions: { ignoreTrailingSlash: true },
    // A URL Fastify cannot route (a percent-escape that is not UTF-8, an over-long parameter) is
    // answered before any hook or filter runs: in the one error body too.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      void reply.header('x-request-id', request.id);
      sendError(reply, badUrl(error), request.id);
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.register(config, options.spanExporter),
    adapter,
    {
      bufferLogs: true,
      // Nest's JSON and form parsers are replaced by ours (http/json-body.ts): JSON only, with limits.
      bodyParser: false,
    },
  );
  const logger = createLogger(config.logLevel, options.logDestination);
  app.useLogger(new NestPinoLogger(logger));
  app.useGlobalPipes(createValidationPipe());

  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeContentTypeParser('text/plain'); // JSON, and multipart on the upload routes
  registerJsonBodyParser(fastify);
  await registerCors(app, config.http.corsOrigins);
  // Multipart is streamed and capped per route (readMultipart); this only bounds the form itself.
  await app.register(cookie);
  await app.register(multipart, { limits: { files: 1, fields: 32, parts: 40 } });
  const jsonLimits = routeBodyLimits(config);
  fastify.addHook('onRoute', (route) => {
    const limit = jsonLimits[route.url];
    if (limit) route.bodyLimit = limit;
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done(urlTextProblem(request));
  });
  addDrainHook(fastify);
  registerAccessLog(fastify, logger);
  const metrics = app.get(Metrics);
  registerRequestTiming(fastify, metrics, app.get(Tracing));
  fastify.addHook('onResponse', (request, reply, done) => {
    const labels = {
      route: request.routeOptions.url ?? 'unmatched',
      method: request.method,
      status: String(reply.statusCode),
    };
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
    done();
  });

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  await serveDashboard(app, config.dashboard.dir);
  return app;
}

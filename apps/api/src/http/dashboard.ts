import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '@tiergate/common';
import { sendError } from './error.filter';

/** Paths that belong to the API: they keep their JSON answers, a 404 included. */
const API_PREFIXES = ['/api', '/v1', '/health', '/docs', '/metrics', '/_sim'];
const IMMUTABLE = 'public, max-age=31536000, immutable';

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Mantine sets CSS variables through style attributes and a <style> element.
  "style-src 'self' 'unsafe-inline'",
  // Generated images and speech may come from an S3-compatible store's signed links.
  "img-src 'self' data: blob: https:",
  "media-src 'self' data: blob: https:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function listFiles(dir: string): Set<string> {
  const files = new Set<string>();
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!/\.(br|gz)$/.test(entry.name)) files.add(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return files;
}

const isApiPath = (path: string): boolean =>
  API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

function notFound(request: FastifyRequest, reply: FastifyReply, message: string): void {
  sendError(reply, new DomainError(ErrorCode.NotFound, message), request.id);
}

/**
 * Serves the dashboard (dist/dashboard, built by Vite) on the API's origin: hashed assets with
 * long-lived cache headers, brotli or gzip when the browser accepts it (precompressed at build),
 * and index.html for every other GET that is not an API path, so the app's routes deep-link.
 */
export async function serveDashboard(app: NestFastifyApplication, dir: string): Promise<void> {
  const built = existsSync(join(dir, 'index.html'));
  const files = built ? listFiles(dir) : new Set<string>();
  if (built)
    await app.register(fastifyStatic, {
      root: dir,
      serve: false,
      preCompressed: true,
      index: false,
      cacheControl: false, // set per file below
    });

  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (request, reply) => {
      const path = decodeURIComponent(request.url.split('?')[0]);
      if (isApiPath(path)) return notFound(request, reply, `Cannot GET ${path}`);
      if (!built)
        return notFound(request, reply, 'The dashboard is not built: run `npm run build:dashboard`');
      const file = path.slice(1);
      if (files.has(file)) {
        void reply.header('cache-control', file.startsWith('assets/') ? IMMUTABLE : 'public, max-age=300');
        return reply.sendFile(file);
      }
      if (file.startsWith('assets/')) return notFound(request, reply, `No such file: ${path}`);
      void reply
        .header('cache-control', 'no-cache')
        .header('content-security-policy', CONTENT_SECURITY_POLICY)
        .header('x-content-type-options', 'nosniff')
        .header('x-frame-options', 'DENY')
        .header('referrer-policy', 'same-origin');
      return reply.sendFile('index.html');
    });
}

import type { RunMode } from './api-config';

/**
 * /metrics: `token` needs `Authorization: Bearer METRICS_TOKEN`; `open` (embedded mode listening
 * on loopback only, no token) lets anyone on this machine read it; `off` answers 404 (production,
 * or any non-loopback address, without a token; the api warns at start-up).
 */
export type MetricsAccess = 'token' | 'open' | 'off';

export function metricsAccessFor(mode: RunMode, host: string, token: string | undefined): MetricsAccess {
  if (token) return 'token';
  return mode === 'embedded' && isLoopbackHost(host) ? 'open' : 'off';
}

/** 127.0.0.0/8, ::1 and localhost: addresses no other machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

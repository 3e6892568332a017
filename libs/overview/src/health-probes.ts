/** What one health check found. */
export interface ProbeOutcome {
  up: boolean;
  /** Why it is down. */
  message?: string;
}

/**
 * The app's health checks (the same ones its readiness probe runs), behind one seam so the
 * overview can time them and keep going when one hangs.
 */
export abstract class HealthProbes {
  /** False in embedded mode, where in-process stand-ins take Redis's place. */
  abstract readonly hasRedis: boolean;
  abstract database(): Promise<ProbeOutcome>;
  abstract redis(): Promise<ProbeOutcome>;
  abstract upstream(): Promise<ProbeOutcome>;
}

export { Metrics, type GatewayOutcome } from './metrics';
export { MetricsModule } from './metrics.module';
export { bearerMatches } from './metrics-access';

export { Metrics } from './metrics';
export { MetricsModule } from './metrics.module';
export { bearerMatches } from './metrics-access';

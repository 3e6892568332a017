export { HealthProbes, type ProbeOutcome } from './health-probes';
export {
  OverviewService,
  PROBE_TIMEOUT_MS,
  type Overview,
  type ServiceHealth,
  type BreakerView,
  type UsageQueueView,
  type UsageWindowView,
} from './overview.service';

export { UsageModule, UsageQueueModule } from './usage.module';
export { usageQueueOptions, closeUsageQueue } from './usage-queue';
export {
  USAGE_QUEUE,
  LATENCY_BUCKETS_MS,
  NO_USAGE,
  type RequestUsage,
  type UsageEvent,
  type UsageJob,
} from './usage-event';
export { UsageWriter, rollupStatement } from './usage-writer';
export { UsageQuotaTotals, type CountedUsage } from './usage-totals';
export { UsageRecorder, UsageSink, QueueSink, DirectSink } from './usage-recorder';
export { UsageSpool } from './usage-spool';
export { PriceBook, roundUsd, type PriceTable, type PricedUsage } from './price-book';
export { UsageReports, GROUPINGS, type Grouping, type UsageFilter, type UsageTotals } from './usage-reports';
export { CapacityCosts, type CapacityCost, type EndpointRunningCost } from './capacity-costs';
export { UsageLog, type UsageLogPage, type UsageLogRow } from './usage-log';
export {
  UsageSeries,
  SPLITS,
  ALL_KEY,
  OTHER_KEY,
  MAX_SERIES_DAYS,
  type Split,
  type DailySeries,
  type SeriesPoint,
  type HourlyPoint,
} from './usage-series';
export { UsageExport, EXPORT_COLUMNS, type ExportRow } from './usage-export';
export { BillingService, OWN_KEY_REDUCTION } from './billing.service';
export {
  UsageLedger,
  attemptRequestId,
  type LedgerEntry,
  type LedgerRequest,
  type LedgerSource,
  type PassedOverAttempt,
} from './usage-ledger';

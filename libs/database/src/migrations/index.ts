import { CreateUsersAndApiKeys1763700000000 } from './1763700000000-create-users-and-api-keys';
import { CreateKeysFlagsAndAudit1763800000000 } from './1763800000000-create-keys-flags-and-audit';
import { CreateModelConfig1763900000000 } from './1763900000000-create-model-config';
import { CreateUpstreamProviders1764000000000 } from './1764000000000-create-upstream-providers';
import { CreateQuotas1764100000000 } from './1764100000000-create-quotas';
import { CreateUsageLedger1764200000000 } from './1764200000000-create-usage-ledger';
import { CreateSessions1764250000000 } from './1764250000000-create-sessions';
import { AddUsageDashboardIndexes1764300000000 } from './1764300000000-add-usage-dashboard-indexes';
import { AddQuotaRequestGrantedLimit1764400000000 } from './1764400000000-add-quota-request-granted-limit';
import { AddUsageAttempts1764500000000 } from './1764500000000-add-usage-attempts';
import { CreateBatches1764900000000 } from './1764900000000-create-batches';
import { CreateDedicatedEndpoints1765000000000 } from './1765000000000-create-dedicated-endpoints';
import { AddProviderKeyLimits1765100000000 } from './1765100000000-add-provider-key-limits';
import { CreateStoredResponses1765200000000 } from './1765200000000-create-stored-responses';
import { BatchFilesDeletable1765300000000 } from './1765300000000-batch-files-deletable';

/** Every migration, in order. Listed explicitly so the same list works from ts (tests) and dist. */
export const MIGRATIONS = [
  CreateUsersAndApiKeys1763700000000,
  CreateKeysFlagsAndAudit1763800000000,
  CreateModelConfig1763900000000,
  CreateUpstreamProviders1764000000000,
  CreateQuotas1764100000000,
  CreateUsageLedger1764200000000,
  CreateSessions1764250000000,
  AddUsageDashboardIndexes1764300000000,
  AddQuotaRequestGrantedLimit1764400000000,
  AddUsageAttempts1764500000000,
  CreateBatches1764900000000,
  CreateDedicatedEndpoints1765000000000,
  AddProviderKeyLimits1765100000000,
  CreateStoredResponses1765200000000,
  BatchFilesDeletable1765300000000,
];

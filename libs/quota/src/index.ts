export { QuotaModule } from './quota.module';
export { QuotaService, Admission, type QuotaDemand, type UsageActuals } from './quota.service';
export { QuotaAdministration, type NewQuotaRequest } from './quota-administration.service';
export { QuotaClock, utcDay } from './quota-clock';
export { QuotaPolicies } from './quota-policy.service';
export { QuotaExceededError, QuotaUnavailableError, RequestTooLargeError } from './quota.errors';
export { countPromptTokens, countTextTokens } from './token-counter';
export { QuotaRequestEntity, type QuotaRequestStatus } from './entities/quota-request.entity';
export * from './quota.types';

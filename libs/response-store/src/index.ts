export { ResponseStoreModule } from './response-store.module';
export {
  ResponseStore,
  RESPONSE_RETENTION_DAYS,
  type ItemPage,
  type NewStoredResponse,
  type ResponseItem,
} from './response-store';
export { StoredResponseEntity } from './entities/stored-response.entity';

/** The retention sweep's BullMQ queue and job scheduler. */
export const RESPONSE_RETENTION_QUEUE = 'response-retention';
export const RESPONSE_RETENTION_SCHEDULER = 'response-retention-sweep';

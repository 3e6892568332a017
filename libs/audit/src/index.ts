export { AuditModule } from './audit.module';
export { AuditService, type AuditPage } from './audit.service';
export { SYSTEM_ACTOR, type AuditActor, type AuditChange, type AuditQuery } from './audit.types';
export { AuditEntryEntity } from './entities/audit-entry.entity';

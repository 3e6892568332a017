/** Who made a change: a signed-in user, or the platform itself (start-up, a rejected key). */
export interface AuditActor {
  id: string | null;
  email: string;
  requestId?: string;
}

export const SYSTEM_ACTOR: AuditActor = { id: null, email: 'system' };

/** One change. `before` and `after` are summaries that never hold a secret. */
export interface AuditChange {
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditQuery {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  since?: Date;
  until?: Date;
  page: number;
  pageSize: number;
}

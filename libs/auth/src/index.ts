export { AuthModule } from './auth.module';
export { AuthService, type AccessToken } from './auth.service';
export { ApiKeysService, type CreatedApiKey } from './api-keys.service';
export {
  SessionsService,
  SESSION_COOKIE,
  CSRF_COOKIE,
  CSRF_HEADER,
  type StartedSession,
  type ActiveSession,
} from './sessions.service';
export { UsersRepository } from './users.repository';
export { Public, Roles, CurrentUser } from './decorators';
export type { Principal } from './principal';
export { UserEntity } from './entities/user.entity';
export { ApiKeyEntity } from './entities/api-key.entity';
export { generateApiKey, hashApiKey, looksLikeApiKey } from './api-key.codec';
export * from './auth.errors';
export {
  UserAdministrationService,
  type NewAccount,
  type UserSearch,
  type UserChanges,
} from './user-administration.service';
export {
  PrincipalCache,
  PRINCIPALS_CHANGED,
  PRINCIPAL_CACHE_SETTINGS,
  type PrincipalChange,
  type CachedPrincipal,
  type PrincipalCacheSettings,
} from './principal-cache';

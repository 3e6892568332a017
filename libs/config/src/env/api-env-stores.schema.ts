import { IsOptional, IsString, Matches } from 'class-validator';

const POSTGRES_URL = /^postgres(ql)?:\/\/.+/;
/** One server, or a Redis Cluster (`redis+cluster://host:port,host:port`). */
export const REDIS_URL = /^rediss?(\+cluster)?:\/\/.+/;
export const REDIS_URL_MESSAGE = 'must be a redis://, rediss:// or redis+cluster://host:port,host:port URL';

/** Where the api keeps its state: PostgreSQL (unset: embedded mode), Redis, and its data directory. */
export class ApiStoresEnv {
  @IsOptional()
  @Matches(POSTGRES_URL, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(REDIS_URL, { message: REDIS_URL_MESSAGE })
  REDIS_URL?: string;

  /** A Redis Cluster's nodes, `host:port,host:port` (instead of REDIS_URL). */
  @IsOptional()
  @IsString()
  REDIS_CLUSTER_NODES?: string;

  @Matches(/^[\w.:-]{1,64}$/, { message: 'must be 1-64 letters, digits or . : _ -' })
  REDIS_KEY_PREFIX: string = 'tiergate:';

  @IsString()
  DATA_DIR: string = './.data';
}

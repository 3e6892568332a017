import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';
import { ToBoolean, ToInt } from './env-decorators';
import { ApiModelsEnv } from './api-env-models.schema';

export const ARTIFACT_STORES = ['local', 's3'] as const;
export type ArtifactStoreKind = (typeof ARTIFACT_STORES)[number];

/** Generated artifacts (local or S3) and their links, upload limits, and fetching remote audio. */
export class ApiMediaEnv extends ApiModelsEnv {
  @IsIn(ARTIFACT_STORES, { message: `must be one of ${ARTIFACT_STORES.join(', ')}` })
  ARTIFACT_STORE: ArtifactStoreKind = 'local';

  @Matches(/^\d+\s*[smhd]?$/, { message: 'must be a duration such as 900, 15m, 1h or 7d' })
  ARTIFACT_URL_TTL: string = '1h';

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'must be an http(s) URL' })
  PUBLIC_BASE_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(3)
  S3_BUCKET?: string;

  @IsString()
  S3_REGION: string = 'us-east-1';

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'must be an http(s) URL' })
  S3_ENDPOINT?: string;

  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  @ToBoolean()
  @IsBoolean({ message: 'must be true or false' })
  S3_FORCE_PATH_STYLE: boolean = false;

  @ToInt()
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  MAX_IMAGE_UPLOAD_BYTES: number = 10 * 1024 * 1024;

  @ToInt()
  @IsInt()
  @Min(1024)
  @Max(1024 * 1024 * 1024)
  MAX_AUDIO_UPLOAD_BYTES: number = 25 * 1024 * 1024;

  @ToInt()
  @IsInt()
  @Min(100)
  @Max(300_000)
  REMOTE_FETCH_TIMEOUT_MS: number = 15_000;

  @IsString()
  REMOTE_FETCH_ALLOW: string = '';
}

import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsDefined, IsOptional } from 'class-validator';
import type { Modality, Tier } from '@tiergate/common';
import type {
  ModalityRoutePatch,
  ModelConfigPatch,
  ModelRef,
  ModelSettingsPatch,
  TierModelsPatch,
} from '@tiergate/model-selector';
import { IsPresentOptional, MapField, NestedField } from '../../http/dto-fields';

/**
 * The model configuration as the admin API reads and writes it. Tiers and modalities are known,
 * so they are named properties; purposes and model ids are not, so they are maps. What a DTO
 * cannot check (model ids with their exact path, known providers, purpose names) the library
 * checks (libs/model-selector, model-config.validation.ts).
 */

const MAX_FALLBACKS = 10;
const EXAMPLE_MODEL = 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo';

export class ModelRefDto {
  @ApiProperty({ example: EXAMPLE_MODEL }) model!: string;
  @ApiPropertyOptional({
    example: 'backup',
    description: 'A provider added under /api/v1/admin/providers; the primary provider when omitted',
  })
  provider?: string;
}

/** A model: its id on the primary provider, or `{model, provider}`. */
const MODEL_REF = {
  oneOf: [{ type: 'string', example: EXAMPLE_MODEL }, { $ref: getSchemaPath(ModelRefDto) }],
};

export class ModelSettingsDto {
  @ApiPropertyOptional({
    description: 'The model can continue an answer from an assistant prefix (mid-stream rescue)',
  })
  @IsPresentOptional()
  @IsBoolean({ message: 'supports_continuation must be true or false' })
  supports_continuation?: boolean;

  @ApiPropertyOptional({
    type: 'array',
    items: MODEL_REF,
    maxItems: MAX_FALLBACKS,
    nullable: true,
    description:
      "The model's own fallbacks, tried in order when a caller names this model; they take precedence over the route's (`[]`: none; null in a PUT: removed, the route's apply again). Only models the caller's tier may use are tried",
  })
  @IsOptional()
  @IsArray({ message: 'fallbacks must be an array of model ids' })
  @ArrayMaxSize(MAX_FALLBACKS, { message: `fallbacks must have at most ${MAX_FALLBACKS} models` })
  fallbacks?: Array<string | ModelRef> | null;
}

// ---- Reading ----

export class ModelRouteDto {
  @ApiProperty(MODEL_REF) primary!: string | ModelRefDto;
  @ApiProperty({ type: 'array', items: MODEL_REF, description: 'Tried in order after the primary' })
  fallbacks!: Array<string | ModelRefDto>;
}

export class ModalityRouteDto extends ModelRouteDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(ModelRouteDto) },
    description: 'Per-purpose overrides (`coding`, `creative`, …)',
  })
  purposes?: Record<string, ModelRouteDto>;
}

/** A tier's route per modality; a modality left out uses the platform's default model. */
export class RoutesDto implements Partial<Record<Modality, ModalityRouteDto>> {
  @ApiPropertyOptional({ type: ModalityRouteDto }) chat?: ModalityRouteDto;
  @ApiPropertyOptional({ type: ModalityRouteDto }) text?: ModalityRouteDto;
  @ApiPropertyOptional({ type: ModalityRouteDto }) code?: ModalityRouteDto;
  @ApiPropertyOptional({ type: ModalityRouteDto }) vision?: ModalityRouteDto;
  @ApiPropertyOptional({ type: ModalityRouteDto }) image?: ModalityRouteDto;
  @ApiPropertyOptional({ type: ModalityRouteDto }) audio_tts?: ModalityRouteDto;
  @ApiPropertyOptional({ type: ModalityRouteDto }) audio_stt?: ModalityRouteDto;
  @ApiPropertyOptional({ type: ModalityRouteDto }) embedding?: ModalityRouteDto;
}

export class TierModelsDto {
  @ApiProperty({ type: RoutesDto }) routes!: RoutesDto;
  @ApiPropertyOptional({ type: [String], description: 'Models the tier may name beyond its routes' })
  allowed_models?: string[];
}

export class TierModelsByTierDto implements Record<Tier, TierModelsDto> {
  @ApiProperty({ type: TierModelsDto }) free!: TierModelsDto;
  @ApiProperty({ type: TierModelsDto }) premium!: TierModelsDto;
  @ApiProperty({ type: TierModelsDto }) enterprise!: TierModelsDto;
}

export class ModelConfigDto {
  @ApiProperty({ type: TierModelsByTierDto }) tiers!: TierModelsByTierDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(ModelSettingsDto) },
    description: 'Settings per model id',
  })
  models!: Record<string, ModelSettingsDto>;
  @ApiProperty({
    type: [String],
    description: 'Configured models missing from the catalog',
    example: ['nobody/imaginary-model (premium.image) is not in the catalog'],
  })
  warnings!: string[];
}

// ---- Writing (a partial document) ----

/** A purpose's route, given whole: its primary, and its fallbacks (none when omitted). */
export class ModelRouteInput {
  @ApiProperty({ ...MODEL_REF, description: 'Tried first' })
  @IsDefined({ message: 'primary is required' })
  primary!: string | ModelRef;

  @ApiPropertyOptional({
    type: 'array',
    items: MODEL_REF,
    maxItems: MAX_FALLBACKS,
    description: 'Tried in order after the primary; none when omitted',
  })
  @IsOptional()
  @IsArray({ message: 'fallbacks must be an array of model ids' })
  @ArrayMaxSize(MAX_FALLBACKS, { message: `fallbacks must have at most ${MAX_FALLBACKS} models` })
  fallbacks?: Array<string | ModelRef> | null;
}

/**
 * A modality's route, changed field by field: a field left out keeps its current value, so a PUT
 * that sets only `primary` keeps the fallbacks and purposes. A new route needs its `primary`.
 */
export class ModalityRouteInput {
  @ApiPropertyOptional({
    ...MODEL_REF,
    description: 'Tried first; required only for a modality that has no route yet',
  })
  @IsPresentOptional()
  @IsDefined({ message: 'primary must be a model id or {model, provider}' })
  primary?: string | ModelRef;

  @ApiPropertyOptional({
    type: 'array',
    items: MODEL_REF,
    maxItems: MAX_FALLBACKS,
    nullable: true,
    description: 'Tried in order after the primary; replaces the current ones (`[]` or null: none)',
  })
  @IsOptional()
  @IsArray({ message: 'fallbacks must be an array of model ids' })
  @ArrayMaxSize(MAX_FALLBACKS, { message: `fallbacks must have at most ${MAX_FALLBACKS} models` })
  fallbacks?: Array<string | ModelRef> | null;

  @MapField(() => ModelRouteInput, {
    optional: true,
    description:
      'Per-purpose overrides, keyed by a lowercase word (`coding`, `creative`, …); replaces the current ones (`{}`: none)',
  })
  purposes?: Map<string, ModelRouteInput>;
}

/** Routes change per modality, field by field; modalities left out stay as they are. */
export class RoutesInput implements Partial<Record<Modality, ModalityRouteInput>> {
  @NestedField(() => ModalityRouteInput, { optional: true }) chat?: ModalityRouteInput;
  @NestedField(() => ModalityRouteInput, { optional: true }) text?: ModalityRouteInput;
  @NestedField(() => ModalityRouteInput, { optional: true }) code?: ModalityRouteInput;
  @NestedField(() => ModalityRouteInput, { optional: true }) vision?: ModalityRouteInput;
  @NestedField(() => ModalityRouteInput, { optional: true }) image?: ModalityRouteInput;
  @NestedField(() => ModalityRouteInput, { optional: true }) audio_tts?: ModalityRouteInput;
  @NestedField(() => ModalityRouteInput, { optional: true }) audio_stt?: ModalityRouteInput;
  @NestedField(() => ModalityRouteInput, { optional: true }) embedding?: ModalityRouteInput;
}

export class TierModelsInput {
  @NestedField(() => RoutesInput, { optional: true }) routes?: RoutesInput;

  @ApiPropertyOptional({ type: [String], description: 'Replaces the allow-list' })
  @IsPresentOptional()
  @IsArray({ message: 'allowed_models must be an array of model ids' })
  allowed_models?: string[];
}

export class TiersInput implements Partial<Record<Tier, TierModelsInput>> {
  @NestedField(() => TierModelsInput, { optional: true }) free?: TierModelsInput;
  @NestedField(() => TierModelsInput, { optional: true }) premium?: TierModelsInput;
  @NestedField(() => TierModelsInput, { optional: true }) enterprise?: TierModelsInput;
}

/** `PUT /api/v1/admin/model-config`: a partial document, at least `tiers` or `models`. */
export class UpdateModelConfigDto {
  @NestedField(() => TiersInput, { optional: true }) tiers?: TiersInput;

  @MapField(() => ModelSettingsDto, {
    optional: true,
    description: 'Settings per model id, merged with the current ones field by field',
    example: {
      [EXAMPLE_MODEL]: { supports_continuation: true, fallbacks: ['Qwen/Qwen2.5-7B-Instruct-Turbo'] },
    },
  })
  models?: Map<string, ModelSettingsDto>;

  @ApiPropertyOptional({
    description: "Save models the provider's catalog does not list (yet); without it such a model is refused",
  })
  @IsPresentOptional()
  @IsBoolean({ message: 'force must be true or false' })
  force?: boolean;

  /** The library's patch: plain objects, only the fields that were sent. */
  toPatch(): ModelConfigPatch {
    const patch: ModelConfigPatch = {};
    if (this.tiers)
      patch.tiers = Object.fromEntries(
        Object.entries(this.tiers as Partial<Record<Tier, TierModelsInput>>).map(([tier, change]) => [
          tier,
          tierChange(change),
        ]),
      );
    if (this.models)
      patch.models = Object.fromEntries(
        [...this.models].map(([model, settings]) => [model, modelSettings(settings)]),
      );
    return patch;
  }
}

function tierChange(input: TierModelsInput): TierModelsPatch {
  const change: TierModelsPatch = {};
  if (input.routes)
    change.routes = Object.fromEntries(
      Object.entries(input.routes as Partial<Record<Modality, ModalityRouteInput>>).map(
        ([modality, route]) => [modality, modalityRoute(route)],
      ),
    );
  if (input.allowed_models) change.allowed_models = input.allowed_models;
  return change;
}

/** Only the fields sent: the library keeps the others (`fallbacks: null` removes the model's own). */
function modelSettings(input: ModelSettingsDto): ModelSettingsPatch {
  const settings: ModelSettingsPatch = {};
  if (input.supports_continuation !== undefined) settings.supports_continuation = input.supports_continuation;
  if (input.fallbacks !== undefined) settings.fallbacks = input.fallbacks;
  return settings;
}

/** Only the fields sent: the library keeps the others. */
function modalityRoute(input: ModalityRouteInput): ModalityRoutePatch {
  const route: ModalityRoutePatch = {};
  if (input.primary !== undefined) route.primary = input.primary;
  if (input.fallbacks !== undefined) route.fallbacks = input.fallbacks ?? [];
  if (input.purposes)
    route.purposes = Object.fromEntries(
      [...input.purposes].map(([purpose, sub]) => [
        purpose,
        { primary: sub.primary, fallbacks: sub.fallbacks ?? [] },
      ]),
    );
  return route;
}

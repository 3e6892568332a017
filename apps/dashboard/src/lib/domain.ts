import type { components } from '@/api/schema';

/**
 * The platform's tiers, features and modalities in the api's order, with their human labels: the
 * one list every screen, form and URL schema uses. The unions come from the generated api types; a
 * list that misses a member fails to compile.
 */
export type Tier = components['schemas']['Tier'];
export type Feature = components['schemas']['Feature'];
export type Modality = components['schemas']['Modality'];

/** The list as given (a readonly tuple, for `z.enum`), when it names every member of `T`. */
function every<T extends string>() {
  return <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : never)): L => list;
}

export const TIERS = every<Tier>()(['free', 'premium', 'enterprise']);
export const TIER_LABELS: Record<Tier, string> = {
  free: 'Free',
  premium: 'Premium',
  enterprise: 'Enterprise',
};

export const FEATURES = every<Feature>()([
  'text_generation',
  'code_generation',
  'image_generation',
  'vision_analysis',
  'audio_tts',
  'audio_stt',
]);
export const FEATURE_LABELS: Record<Feature, string> = {
  text_generation: 'Text generation',
  code_generation: 'Code generation',
  image_generation: 'Image generation',
  vision_analysis: 'Vision analysis',
  audio_tts: 'Text to speech',
  audio_stt: 'Speech to text',
};

export const MODALITIES = every<Modality>()([
  'chat',
  'text',
  'code',
  'vision',
  'image',
  'audio_tts',
  'audio_stt',
  'embedding',
]);
export const MODALITY_LABELS: Record<Modality, string> = {
  chat: 'Chat',
  text: 'Text',
  code: 'Code',
  vision: 'Vision',
  image: 'Image',
  audio_tts: 'Text to speech',
  audio_stt: 'Speech to text',
  embedding: 'Embedding',
};

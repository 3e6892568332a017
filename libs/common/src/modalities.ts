/** What a request is for; with the caller's tier (and purpose) it decides the model. */
export type Modality =
  'chat' | 'text' | 'code' | 'vision' | 'image' | 'audio_tts' | 'audio_stt' | 'embedding';

export const MODALITIES: readonly Modality[] = [
  'chat',
  'text',
  'code',
  'vision',
  'image',
  'audio_tts',
  'audio_stt',
  'embedding',
];

export function isModality(value: string): value is Modality {
  return (MODALITIES as readonly string[]).includes(value);
}

/** One model on one provider: what the selector chooses and the fallback chain walks. */
export interface ModelCandidate {
  providerId: string;
  model: string;
}

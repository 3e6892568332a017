import { parseBuffer } from 'music-metadata';
import { DomainError, ErrorCode } from '@tiergate/common';

export interface AudioInfo {
  durationSeconds: number;
  /** The container's MIME type, from the bytes (not from what the client claimed). */
  mimeType: string;
  codec?: string;
}

const CONTAINERS: Record<string, string> = {
  MPEG: 'audio/mpeg',
  WAVE: 'audio/wav',
  FLAC: 'audio/flac',
  Ogg: 'audio/ogg',
  'MPEG-4': 'audio/mp4',
  WebM: 'audio/webm',
  Matroska: 'audio/webm',
};

/**
 * Measures an audio file with music-metadata, counting every frame so the duration is exact (the
 * free tier counts minutes). Bytes that are not audio are refused with 415, naming the field.
 */
export async function measureAudio(audio: Buffer, field: string, claimedType?: string): Promise<AudioInfo> {
  let metadata;
  try {
    metadata = await parseBuffer(audio, claimedType ? { mimeType: claimedType } : undefined, {
      duration: true,
      skipCovers: true,
    });
  } catch {
    metadata = undefined;
  }
  const duration = metadata?.format.duration;
  const container = metadata?.format.container;
  if (!metadata || !duration || !Number.isFinite(duration) || !container) {
    throw new DomainError(
      ErrorCode.UnsupportedMediaType,
      `${field} is not audio Tiergate can read (wav, mp3, flac, ogg, m4a or webm)`,
      { param: field },
    );
  }
  const mimeType =
    CONTAINERS[container] ??
    Object.entries(CONTAINERS).find(([k]) => container.startsWith(k))?.[1] ??
    'audio/*';
  return { durationSeconds: Math.round(duration * 1000) / 1000, mimeType, codec: metadata.format.codec };
}

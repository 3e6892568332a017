import { crc32, deflateSync } from 'node:zlib';

/**
 * Small, valid media files for the simulator: PNG images of a requested size, and WAV/MP3 audio of
 * an exact duration. Speech carries its input text in a marker, so a transcription of the
 * simulator's own speech returns the words that were spoken.
 */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGB PNG filled with a colour derived from `seed` (the same prompt gives the same image). */
export function pngImage(width: number, height: number, seed: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) {
    row[1 + x * 3] = (seed >> 16) & 0xff;
    row[2 + x * 3] = ((seed >> 8) + x) & 0xff;
    row[3 + x * 3] = seed & 0xff;
  }
  const raw = Buffer.alloc(row.length * height);
  for (let y = 0; y < height; y++) row.copy(raw, y * row.length);
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw, { level: 1 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

const SPOKEN_MARKER = 'TGSIM1:';

function spokenMarker(text: string): Buffer {
  return Buffer.from(`${SPOKEN_MARKER}${Buffer.from(text, 'utf8').toString('base64url')};`, 'ascii');
}

/** The text a simulator speech file carries, if `audio` is one. */
export function spokenText(audio: Buffer): string | undefined {
  const start = audio.indexOf(SPOKEN_MARKER, 0, 'ascii');
  if (start < 0) return undefined;
  const end = audio.indexOf(';', start, 'ascii');
  if (end < 0) return undefined;
  return Buffer.from(
    audio.subarray(start + SPOKEN_MARKER.length, end).toString('ascii'),
    'base64url',
  ).toString('utf8');
}

/** 16-bit mono PCM WAV of exactly `seconds` at `sampleRate`, a quiet tone, with an INFO comment. */
export function wavAudio(seconds: number, sampleRate = 24_000, text = ''): Buffer {
  const samples = Math.round(seconds * sampleRate);
  const pcm = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++)
    pcm.writeInt16LE(Math.round(800 * Math.sin((i * 2 * Math.PI * 440) / sampleRate)), i * 2);
  const fmt = Buffer.alloc(24);
  fmt.write('fmt ', 0, 'ascii');
  fmt.writeUInt32LE(16, 4);
  fmt.writeUInt16LE(1, 8); // PCM
  fmt.writeUInt16LE(1, 10); // mono
  fmt.writeUInt32LE(sampleRate, 12);
  fmt.writeUInt32LE(sampleRate * 2, 16);
  fmt.writeUInt16LE(2, 20);
  fmt.writeUInt16LE(16, 22);
  let comment = Buffer.concat([spokenMarker(text), Buffer.from([0])]);
  if (comment.length % 2) comment = Buffer.concat([comment, Buffer.from([0])]);
  const icmt = Buffer.alloc(8);
  icmt.write('ICMT', 0, 'ascii');
  icmt.writeUInt32LE(comment.length, 4);
  const list = Buffer.concat([
    Buffer.from('LIST', 'ascii'),
    Buffer.alloc(4),
    Buffer.from('INFO', 'ascii'),
    icmt,
    comment,
  ]);
  list.writeUInt32LE(list.length - 8, 4);
  const dataHeader = Buffer.alloc(8);
  dataHeader.write('data', 0, 'ascii');
  dataHeader.writeUInt32LE(pcm.length, 4);
  const riff = Buffer.alloc(12);
  riff.write('RIFF', 0, 'ascii');
  riff.writeUInt32LE(4 + fmt.length + list.length + dataHeader.length + pcm.length, 4);
  riff.write('WAVE', 8, 'ascii');
  return Buffer.concat([riff, fmt, list, dataHeader, pcm]);
}

const MP3_SAMPLES_PER_FRAME = 1152;
const MP3_SAMPLE_RATE = 44_100;
/** MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, mono, no CRC: 417 bytes per frame without padding. */
const MP3_FRAME_HEADER = Buffer.from([0xff, 0xfb, 0x90, 0xc0]);
const MP3_FRAME_BYTES = 417;

function id3Tag(text: string): Buffer {
  // ID3v2.3 with one COMM frame holding the marker (language "eng", empty description).
  const payload = Buffer.concat([
    Buffer.from([0]),
    Buffer.from('eng', 'ascii'),
    Buffer.from([0]),
    spokenMarker(text),
  ]);
  const frame = Buffer.concat([Buffer.from('COMM', 'ascii'), Buffer.alloc(4), Buffer.alloc(2), payload]);
  frame.writeUInt32BE(payload.length, 4);
  const size = frame.length;
  const syncsafe = Buffer.from([(size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]);
  return Buffer.concat([Buffer.from('ID3', 'ascii'), Buffer.from([3, 0, 0]), syncsafe, frame]);
}

/** MP3 of `seconds` (rounded to whole frames of 26.1 ms) made of silent frames. */
export function mp3Audio(seconds: number, text = ''): Buffer {
  const frames = Math.max(1, Math.round((seconds * MP3_SAMPLE_RATE) / MP3_SAMPLES_PER_FRAME));
  const frame = Buffer.alloc(MP3_FRAME_BYTES);
  MP3_FRAME_HEADER.copy(frame);
  const body = Buffer.alloc(frames * MP3_FRAME_BYTES);
  for (let i = 0; i < frames; i++) frame.copy(body, i * MP3_FRAME_BYTES);
  return Buffer.concat([id3Tag(text), body]);
}

export function mp3DurationSeconds(seconds: number): number {
  const frames = Math.max(1, Math.round((seconds * MP3_SAMPLE_RATE) / MP3_SAMPLES_PER_FRAME));
  return (frames * MP3_SAMPLES_PER_FRAME) / MP3_SAMPLE_RATE;
}

/** The duration of a WAV file from its header, or undefined for anything else. */
export function wavDurationSeconds(audio: Buffer): number | undefined {
  if (
    audio.length < 44 ||
    audio.toString('ascii', 0, 4) !== 'RIFF' ||
    audio.toString('ascii', 8, 12) !== 'WAVE'
  )
    return undefined;
  let offset = 12;
  let byteRate = 0;
  while (offset + 8 <= audio.length) {
    const id = audio.toString('ascii', offset, offset + 4);
    const size = audio.readUInt32LE(offset + 4);
    if (id === 'fmt ') byteRate = audio.readUInt32LE(offset + 16);
    if (id === 'data') return byteRate ? size / byteRate : undefined;
    offset += 8 + size + (size % 2);
  }
  return undefined;
}

import type { FastifyReply } from 'fastify';
import type { BatchFileEntity } from '@tiergate/batch';

/** Sends a stored batch file as a JSONL download. */
export async function sendFileContent(
  reply: FastifyReply,
  { file, content }: { file: BatchFileEntity; content: Buffer },
): Promise<void> {
  const name = file.filename.replace(/[^\w.-]/g, '_');
  await reply
    .header('content-type', 'application/jsonl; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(content);
}

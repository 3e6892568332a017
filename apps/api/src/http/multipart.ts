import type { FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '@tiergate/common';
import { textProblem } from './text-checks';

export interface UploadedFile {
  field: string;
  data: Buffer;
  filename: string;
  mimetype: string;
}

export interface MultipartBody {
  fields: Record<string, string>;
  file?: UploadedFile;
}

const MAX_FIELD_BYTES = 64 * 1024;

/**
 * Reads a multipart form with one file field, enforcing the file's size cap as the bytes arrive
 * (413 naming the field and the limit) and refusing unknown fields and extra files (400).
 */
export async function readMultipart(
  request: FastifyRequest,
  options: { fileField: string; maxFileBytes: number; fields: readonly string[] },
): Promise<MultipartBody> {
  if (!request.isMultipart())
    throw new DomainError(ErrorCode.UnsupportedMediaType, 'The request must be multipart/form-data');
  const fields: Record<string, string> = {};
  let file: UploadedFile | undefined;
  try {
    const parts = request.parts({
      limits: { fileSize: options.maxFileBytes, files: 1, fields: 32, fieldSize: MAX_FIELD_BYTES, parts: 40 },
    });
    for await (const part of parts) {
      if (!part.fieldname) throw new DomainError(ErrorCode.ValidationFailed, 'A form field has no name');
      if (part.type === 'file') {
        if (part.fieldname !== options.fileField)
          throw new DomainError(
            ErrorCode.ValidationFailed,
            `${part.fieldname} is not a recognised file field`,
            {
              param: part.fieldname,
            },
          );
        if (part.filename && textProblem(part.filename))
          throw new DomainError(
            ErrorCode.ValidationFailed,
            `The file name of ${part.fieldname} contains a NUL character or an unpaired surrogate`,
            { param: part.fieldname },
          );
        const data = await part.toBuffer();
        file = { field: part.fieldname, data, filename: part.filename || 'upload', mimetype: part.mimetype };
      } else {
        // OpenAI's SDK sends arrays as `name[]`; they are accepted under their plain name.
        const name = part.fieldname.replace(/\[\]$/, '');
        if (!options.fields.includes(name))
          throw new DomainError(ErrorCode.ValidationFailed, `${name} is not a recognised field`, {
            param: name,
          });
        if (part.valueTruncated)
          throw new DomainError(
            ErrorCode.ValidationFailed,
            `${name} is longer than ${MAX_FIELD_BYTES} bytes`,
            {
              param: name,
            },
          );
        const value = String(part.value);
        const badText = textProblem(value, name);
        if (badText) throw badText;
        fields[name] = value;
      }
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new DomainError(
        ErrorCode.PayloadTooLarge,
        `${options.fileField} is larger than the limit of ${options.maxFileBytes} bytes`,
        { param: options.fileField },
      );
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
      throw new DomainError(ErrorCode.ValidationFailed, 'The form has too many parts (one file at most)');
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
      throw new DomainError(ErrorCode.UnsupportedMediaType, 'The request must be multipart/form-data');
    throw new DomainError(
      ErrorCode.ValidationFailed,
      `The multipart body could not be read: ${(error as Error).message}`,
    );
  }
  return { fields, file };
}

/** Form fields arrive as text; these become numbers (or NaN, which validation then names). */
export function numericFields(
  fields: Record<string, string>,
  names: readonly string[],
): Record<string, number> {
  return Object.fromEntries(
    names.filter((name) => fields[name] !== undefined).map((name) => [name, Number(fields[name])]),
  );
}

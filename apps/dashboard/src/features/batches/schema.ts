import { z } from 'zod';

/** The api's limit on an input file (libs/batch: 50 MB, kept in PostgreSQL). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** The new-batch form: one JSONL file of chat requests in OpenAI's batch line format. */
export const newBatchSchema = z.object({
  file: z
    .instanceof(File, { message: 'Choose a JSONL file' })
    .nullable()
    .refine((file) => file !== null, 'Choose a JSONL file')
    .refine((file) => !file || /\.jsonl?$/i.test(file.name), 'The file must be JSONL (.jsonl)')
    .refine((file) => !file || file.size > 0, 'The file is empty')
    .refine((file) => !file || file.size <= MAX_FILE_BYTES, 'At most 50 MB per file'),
});
export type NewBatchValues = z.input<typeof newBatchSchema>;

/**
 * Where an api error about the upload belongs: the file field for the file itself and for a bad
 * line (`param: "line 3: body.model"`), nothing else (the caller shows those in an alert).
 */
export const batchFieldFor = (param: string): string | undefined =>
  param === 'file' || param === 'purpose' || param === 'input_file_id' || /^line \d+/.test(param)
    ? 'file'
    : undefined;

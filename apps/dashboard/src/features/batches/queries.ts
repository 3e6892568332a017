import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, rawFetch, unwrap } from '@/api/client';
import type { components } from '@/api/schema';
import { pollWhileRunning } from './status';

export type BatchFile = components['schemas']['FileObjectDto'];

/** Batches per page of the list (the api's default page). */
export const BATCH_PAGE_SIZE = 20;

export const batchKeys = {
  all: ['my-batches'] as const,
  list: (after?: string) => [...batchKeys.all, 'list', after ?? 'newest'] as const,
};

/**
 * A page of my batches, newest first (`after`: the last id of the previous page). Read again every
 * few seconds while a batch on the page is still running, and not at all once every one is final.
 */
export function useBatches(after?: string) {
  return useQuery({
    queryKey: batchKeys.list(after),
    queryFn: () => unwrap(api.GET('/v1/batches', { params: { query: { limit: BATCH_PAGE_SIZE, after } } })),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => pollWhileRunning(query.state.data?.data),
  });
}

/** `POST /v1/files` (multipart, purpose=batch): every line is checked before it is stored. */
async function uploadBatchFile(file: File): Promise<BatchFile> {
  const form = new FormData();
  form.append('purpose', 'batch');
  form.append('file', file, file.name);
  const response = await rawFetch(`${window.location.origin}/v1/files`, { method: 'POST', body: form });
  return (await response.json()) as BatchFile;
}

/** Uploads the JSONL, then submits it as a batch (the chat completions endpoint, 24 hours). */
export function useCreateBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const input = await uploadBatchFile(file);
      return unwrap(
        api.POST('/v1/batches', {
          body: { input_file_id: input.id, endpoint: '/v1/chat/completions', completion_window: '24h' },
        }),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: batchKeys.all }),
  });
}

export function useCancelBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/v1/batches/{id}/cancel', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: batchKeys.all }),
  });
}

/**
 * Saves one of my files (a batch's output or error file) through the browser: the bytes come with
 * the session (so a plain link cannot be used), then a temporary object URL is "clicked".
 */
export async function downloadBatchFile(id: string, filename: string): Promise<void> {
  const response = await rawFetch(`${window.location.origin}/v1/files/${encodeURIComponent(id)}/content`);
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Some browsers read the URL after click returns.
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  }
}

export function useDownloadBatchFile() {
  return useMutation({
    mutationFn: ({ id, filename }: { id: string; filename: string }) => downloadBatchFile(id, filename),
  });
}

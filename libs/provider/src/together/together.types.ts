/** The parts of Together's wire format we read (see shared/reference/together-api.md). */

export interface TogetherUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
}

export interface TogetherChatResponse {
  id?: string;
  model?: string;
  choices?: Array<{ finish_reason?: string | null; message?: { content?: string | null } }>;
  usage?: TogetherUsage | null;
}

export interface TogetherChatChunk {
  id?: string;
  model?: string;
  choices?: Array<{ finish_reason?: string | null; delta?: { content?: string | null } }>;
  usage?: TogetherUsage | null;
  error?: { message?: string; type?: string; code?: string };
}

export interface TogetherModel {
  id?: string;
  type?: string;
  display_name?: string;
  context_length?: number;
  pricing?: { input?: number; output?: number };
}

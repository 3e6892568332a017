/**
 * The simulator's model catalog, in Together's `GET /v1/models` element shape. It holds the
 * specification's tier models and current Together ids (prices in USD per 1M tokens, from the reference).
 */
export interface SimModel {
  id: string;
  type: 'chat' | 'language' | 'code' | 'image' | 'embedding' | 'audio' | 'transcribe';
  display_name: string;
  organization: string;
  context_length: number;
  pricing: { input: number; output: number };
  /** Simulator-only (not in Together's payload): accepts image content parts. */
  vision?: boolean;
  /** Simulator-only: embedding dimension. */
  dimensions?: number;
}

const chat = (
  id: string,
  name: string,
  org: string,
  context: number,
  input: number,
  output: number,
): SimModel => ({
  id,
  type: 'chat',
  display_name: name,
  organization: org,
  context_length: context,
  pricing: { input, output },
});

function other(type: SimModel['type'], id: string, name: string, org: string, context: number): SimModel {
  return {
    id,
    type,
    display_name: name,
    organization: org,
    context_length: context,
    pricing: { input: 0, output: 0 },
  };
}

export const SIM_MODELS: SimModel[] = [
  chat(
    'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
    'Llama 3.1 8B Instruct Turbo',
    'Meta',
    131072,
    0.18,
    0.18,
  ),
  chat(
    'meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo',
    'Llama 3.1 70B Instruct Turbo',
    'Meta',
    131072,
    0.88,
    0.88,
  ),
  chat(
    'meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo',
    'Llama 3.1 405B Instruct Turbo',
    'Meta',
    130815,
    3.5,
    3.5,
  ),
  chat('meta-llama/Llama-3.3-70B-Instruct-Turbo', 'Llama 3.3 70B Instruct Turbo', 'Meta', 131072, 1.04, 1.04),
  chat('Qwen/Qwen2.5-7B-Instruct-Turbo', 'Qwen 2.5 7B Instruct Turbo', 'Qwen', 32768, 0.3, 0.3),
  { ...chat('Qwen/Qwen3.5-9B', 'Qwen3.5 9B', 'Qwen', 262144, 0.17, 0.25), vision: true },
  chat('openai/gpt-oss-20b', 'GPT-OSS 20B', 'OpenAI', 131072, 0.05, 0.2),
  chat('openai/gpt-oss-120b', 'GPT-OSS 120B', 'OpenAI', 131072, 0.15, 0.6),
  chat('deepseek-ai/DeepSeek-V4-Flash-0731', 'DeepSeek V4 Flash', 'DeepSeek', 1048576, 0.14, 0.28),
  { ...chat('moonshotai/Kimi-K3', 'Kimi K3', 'Moonshot AI', 1048576, 3.0, 15.0), vision: true },
  { ...chat('Qwen/Qwen-VL-Chat', 'Qwen VL Chat', 'Qwen', 8192, 0.2, 0.2), vision: true },
  {
    ...chat('deepseek-ai/deepseek-vl-7b-chat', 'DeepSeek VL 7B Chat', 'DeepSeek', 4096, 0.2, 0.2),
    vision: true,
  },
  { ...chat('MiniMaxAI/MiniMax-M3', 'MiniMax M3', 'MiniMax', 524288, 0.3, 1.2), vision: true },
  { ...chat('Nexusflow/NexusRaven-V2-13B', 'NexusRaven V2 13B', 'Nexusflow', 16384, 0.3, 0.3), type: 'code' },
  {
    ...chat(
      'deepseek-ai/deepseek-coder-33b-instruct',
      'DeepSeek Coder 33B Instruct',
      'DeepSeek',
      16384,
      0.8,
      0.8,
    ),
    type: 'code',
  },
  {
    ...chat('Qwen/Qwen3-Coder-480B-A35B-Instruct-FP8', 'Qwen3 Coder 480B', 'Qwen', 262144, 2.0, 2.0),
    type: 'code',
  },
  other('image', 'stabilityai/stable-diffusion-xl-base-1.0', 'Stable Diffusion XL 1.0', 'Stability AI', 77),
  other('image', 'black-forest-labs/FLUX.1-schnell', 'FLUX.1 [schnell]', 'Black Forest Labs', 0),
  other('image', 'black-forest-labs/FLUX.2-dev', 'FLUX.2 [dev]', 'Black Forest Labs', 0),
  other('image', 'black-forest-labs/FLUX.2-pro', 'FLUX.2 [pro]', 'Black Forest Labs', 0),
  other('audio', 'hexgrad/Kokoro-82M', 'Kokoro 82M', 'hexgrad', 0),
  other('audio', 'canopylabs/orpheus-3b-0.1-ft', 'Orpheus 3B', 'Canopy Labs', 0),
  other('audio', 'cartesia/sonic-2', 'Cartesia Sonic 2', 'Cartesia', 0),
  other('transcribe', 'openai/whisper-large-v3', 'Whisper large v3', 'OpenAI', 0),
  other('transcribe', 'nvidia/parakeet-tdt-0.6b-v3', 'Parakeet TDT 0.6B v3', 'NVIDIA', 0),
  {
    ...other(
      'embedding',
      'intfloat/multilingual-e5-large-instruct',
      'Multilingual E5 Large Instruct',
      'intfloat',
      514,
    ),
    pricing: { input: 0.02, output: 0 },
    dimensions: 1024,
  },
  {
    ...other('embedding', 'BAAI/bge-base-en-v1.5', 'BGE Base EN v1.5', 'BAAI', 512),
    pricing: { input: 0.01, output: 0 },
    dimensions: 768,
  },
];

const byId = new Map(SIM_MODELS.map((m) => [m.id, m]));

export function findModel(id: unknown): SimModel | undefined {
  return typeof id === 'string' ? byId.get(id) : undefined;
}

/** The catalog as Together serves it: a plain array. */
export function catalogResponse(): object[] {
  return SIM_MODELS.map(({ vision: _vision, dimensions: _dimensions, ...m }) => ({
    ...m,
    object: 'model',
    created: 1_720_000_000,
    link: `https://huggingface.co/${m.id}`,
    license: 'open',
    pricing: { hourly: 0, input: m.pricing.input, output: m.pricing.output, base: 0, finetune: 0 },
  }));
}

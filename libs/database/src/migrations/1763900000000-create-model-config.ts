import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tier × modality model configuration, one document, seeded with the specification's tier structure
 * (free: small fast models; premium: larger; enterprise: largest) using ids in Together's catalog.
 */
const SEED = {
  tiers: {
    free: {
      routes: {
        chat: {
          primary: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
          fallbacks: ['Qwen/Qwen2.5-7B-Instruct-Turbo', 'openai/gpt-oss-20b'],
          purposes: {
            coding: {
              primary: 'Nexusflow/NexusRaven-V2-13B',
              fallbacks: ['meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo'],
            },
          },
        },
        text: {
          primary: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
          fallbacks: ['Qwen/Qwen2.5-7B-Instruct-Turbo', 'openai/gpt-oss-20b'],
        },
        code: { primary: 'Nexusflow/NexusRaven-V2-13B', fallbacks: ['Qwen/Qwen2.5-7B-Instruct-Turbo'] },
        vision: { primary: 'Qwen/Qwen-VL-Chat', fallbacks: ['Qwen/Qwen3.5-9B'] },
        image: {
          primary: 'black-forest-labs/FLUX.1-schnell',
          fallbacks: ['stabilityai/stable-diffusion-xl-base-1.0'],
        },
        audio_tts: { primary: 'hexgrad/Kokoro-82M', fallbacks: ['cartesia/sonic-2'] },
        audio_stt: { primary: 'openai/whisper-large-v3', fallbacks: ['nvidia/parakeet-tdt-0.6b-v3'] },
        embedding: {
          primary: 'intfloat/multilingual-e5-large-instruct',
          fallbacks: ['BAAI/bge-base-en-v1.5'],
        },
      },
      allowed_models: [],
    },
    premium: {
      routes: {
        chat: {
          primary: 'meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo',
          fallbacks: [
            'meta-llama/Llama-3.3-70B-Instruct-Turbo',
            'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
          ],
          purposes: {
            coding: {
              primary: 'deepseek-ai/deepseek-coder-33b-instruct',
              fallbacks: ['meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo'],
            },
            creative: {
              primary: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
              fallbacks: ['meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo'],
            },
          },
        },
        text: {
          primary: 'meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo',
          fallbacks: [
            'meta-llama/Llama-3.3-70B-Instruct-Turbo',
            'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
          ],
        },
        code: {
          primary: 'deepseek-ai/deepseek-coder-33b-instruct',
          fallbacks: ['Nexusflow/NexusRaven-V2-13B'],
        },
        vision: {
          primary: 'deepseek-ai/deepseek-vl-7b-chat',
          fallbacks: ['Qwen/Qwen3.5-9B', 'Qwen/Qwen-VL-Chat'],
        },
        image: {
          primary: 'stabilityai/stable-diffusion-xl-base-1.0',
          fallbacks: ['black-forest-labs/FLUX.2-dev', 'black-forest-labs/FLUX.1-schnell'],
        },
        audio_tts: { primary: 'cartesia/sonic-2', fallbacks: ['hexgrad/Kokoro-82M'] },
        audio_stt: { primary: 'openai/whisper-large-v3', fallbacks: ['nvidia/parakeet-tdt-0.6b-v3'] },
        embedding: {
          primary: 'intfloat/multilingual-e5-large-instruct',
          fallbacks: ['BAAI/bge-base-en-v1.5'],
        },
      },
      allowed_models: ['openai/gpt-oss-120b'],
    },
    enterprise: {
      routes: {
        chat: {
          primary: 'meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo',
          fallbacks: [
            'meta-llama/Llama-3.3-70B-Instruct-Turbo',
            'meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo',
          ],
          purposes: {
            coding: {
              primary: 'Qwen/Qwen3-Coder-480B-A35B-Instruct-FP8',
              fallbacks: ['deepseek-ai/deepseek-coder-33b-instruct'],
            },
            analysis: {
              primary: 'deepseek-ai/DeepSeek-V4-Flash-0731',
              fallbacks: ['meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo'],
            },
          },
        },
        text: {
          primary: 'meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo',
          fallbacks: [
            'meta-llama/Llama-3.3-70B-Instruct-Turbo',
            'meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo',
          ],
        },
        code: {
          primary: 'Qwen/Qwen3-Coder-480B-A35B-Instruct-FP8',
          fallbacks: ['deepseek-ai/deepseek-coder-33b-instruct'],
        },
        vision: {
          primary: 'moonshotai/Kimi-K3',
          fallbacks: ['deepseek-ai/deepseek-vl-7b-chat', 'Qwen/Qwen3.5-9B'],
        },
        image: {
          primary: 'black-forest-labs/FLUX.2-pro',
          fallbacks: ['stabilityai/stable-diffusion-xl-base-1.0', 'black-forest-labs/FLUX.2-dev'],
        },
        audio_tts: {
          primary: 'cartesia/sonic-2',
          fallbacks: ['canopylabs/orpheus-3b-0.1-ft', 'hexgrad/Kokoro-82M'],
        },
        audio_stt: { primary: 'openai/whisper-large-v3', fallbacks: ['nvidia/parakeet-tdt-0.6b-v3'] },
        embedding: {
          primary: 'intfloat/multilingual-e5-large-instruct',
          fallbacks: ['BAAI/bge-base-en-v1.5'],
        },
      },
      allowed_models: ['openai/gpt-oss-120b', 'MiniMaxAI/MiniMax-M3'],
    },
  },
  models: {
    'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo': { supports_continuation: true },
    'meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo': { supports_continuation: true },
    'meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo': { supports_continuation: true },
    'meta-llama/Llama-3.3-70B-Instruct-Turbo': { supports_continuation: true },
    'Qwen/Qwen2.5-7B-Instruct-Turbo': { supports_continuation: true },
  },
};

export class CreateModelConfig1763900000000 implements MigrationInterface {
  name = 'CreateModelConfig1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE model_config (
        id         smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        document   jsonb NOT NULL,
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`INSERT INTO model_config (id, document) VALUES (1, $1)`, [JSON.stringify(SEED)]);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE model_config`);
  }
}

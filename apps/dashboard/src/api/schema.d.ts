/**
 * Generated from the api's OpenAPI document by `npm run api:types`: do not edit by hand.
 * A test (apps/api/test/openapi-types.e2e-spec.ts) fails when this file is stale.
 */

export interface paths {
    "/api/v1/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Administrative changes, newest first: who, what, target, before and after */
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every feature flag and its state */
        get: operations["FlagsController_list"];
        /** Change flags; every api instance applies the change within a second */
        put: operations["FlagsController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/flags/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change one flag */
        put: operations["FlagsController_set"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/gateway/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Gateway statistics over a time range (24h, 7d, ...), as in the seed */
        get: operations["AdminUsageController_stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/model-config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tier × modality model configuration (primary, fallbacks, purposes, allow-lists) */
        get: operations["ModelConfigController_get"];
        /** Change routes (per tier and modality, replaced whole), allow-lists or model settings; audited */
        put: operations["ModelConfigController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/prices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The price table for what the catalog does not price, and the tiers’ monthly credits */
        get: operations["AdminUsageController_priceTable"];
        /** Change prices (USD): image_per_megapixel, speech_per_million_characters, transcription_per_minute, models, tier_credits_usd; audited */
        put: operations["AdminUsageController_updatePrices"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/provider-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** System keys with their state (active, invalid, retiring, retired, revoked) */
        get: operations["SystemKeysController_list"];
        put?: never;
        /** Add a system key: verified with the provider first, then sealed (AES-256-GCM) */
        post: operations["SystemKeysController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/provider-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a key: it stops serving at once and its sealed secret is erased */
        delete: operations["SystemKeysController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/provider-keys/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace a key: the new one takes over once verified; the old one serves out a grace period */
        post: operations["SystemKeysController_rotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The providers admins added (Together, from configuration, is not listed) */
        get: operations["ProvidersController_list"];
        put?: never;
        /** Add an OpenAI-compatible provider (its key is verified with GET /models first) */
        post: operations["ProvidersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/providers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a provider; its keys are revoked */
        delete: operations["ProvidersController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/quota-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users' quota requests, newest first */
        get: operations["QuotaAdminController_requests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/quota-requests/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve: the user's override is written; audited */
        post: operations["QuotaAdminController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/quota-requests/{id}/deny": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deny, with a reason; audited */
        post: operations["QuotaAdminController_deny"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/quotas/tiers/{tier}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A tier's quota policy: limits per feature, rate limits, Redis failure mode */
        get: operations["QuotaAdminController_tier"];
        /** Change a tier's limits (fields given are replaced; null = unlimited); audited */
        put: operations["QuotaAdminController_updateTier"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/quotas/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user's quota today and their overrides */
        get: operations["QuotaAdminController_user"];
        /** Override a user's limits per feature; audited */
        put: operations["QuotaAdminController_setUser"];
        post?: never;
        /** Remove a user's overrides (one feature, or all); audited */
        delete: operations["QuotaAdminController_clearUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Usage totals with filters, grouped by day, model, user, tier or feature (from daily rollups) */
        get: operations["AdminUsageController_usage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/usage/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The raw ledger rows for the filters, streamed as csv, json or xlsx */
        get: operations["AdminUsageController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search accounts by email or id, tier, role, state; paged */
        get: operations["UsersController_search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user's tier, role or active state (deactivation takes effect at once) */
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange email and password for an access token */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account (free tier) */
        post: operations["AuthController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in session (401 when there is none) */
        get: operations["SessionController_current"];
        put?: never;
        /** Sign in to the dashboard: sets the session cookie */
        post: operations["SessionController_signIn"];
        /** Sign out: ends the session on every instance and clears the cookies */
        delete: operations["SessionController_signOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller */
        get: operations["MeController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your API keys (never their secrets) */
        get: operations["MeController_listApiKeys"];
        put?: never;
        /** Create a personal API key; the secret is shown once */
        post: operations["MeController_createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of your API keys; it stops working at once */
        delete: operations["MeController_revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/billing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This month's credits (allocation, used, remaining) and charge (10% off with your own key) */
        get: operations["MyUsageController_bill"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your password; your other dashboard sessions end (API keys and access tokens keep working) */
        post: operations["MeController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/provider-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your provider keys (never the keys themselves) */
        get: operations["MyProviderKeysController_list"];
        put?: never;
        /** Add your own provider key (verified first; replaces your earlier key for that provider) */
        post: operations["MyProviderKeysController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/provider-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete your key; requests use the platform key again */
        delete: operations["MyProviderKeysController_remove"];
        options?: never;
        head?: never;
        /** Rename your key, or choose whether to fall back to the platform's key */
        patch: operations["MyProviderKeysController_update"];
        trace?: never;
    };
    "/api/v1/me/provider-keys/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check your key with the provider again; an accepted key becomes active */
        post: operations["MyProviderKeysController_verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/quota-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your quota requests and their status */
        get: operations["MyQuotaRequestsController_list"];
        put?: never;
        /** Ask for a higher limit on a feature; an admin approves or denies it */
        post: operations["MyQuotaRequestsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your usage by day, feature and model (the last 30 days by default) */
        get: operations["MyUsageController_usage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/together/audio/speech": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Text to speech: text and voice → a stored audio file behind a signed URL */
        post: operations["AudioController_speech"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/together/audio/transcriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Transcription: audio_url (fetched by Tiergate, never from private addresses) or a multipart `file` → text */
        post: operations["AudioController_transcribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/together/chat/completions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Chat completion (JSON, or server-sent events with stream: true) */
        post: operations["ChatController_chat"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/together/code/completions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Code completion: prompt and language → code, from a code model */
        post: operations["TextController_code"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/together/files/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A generated image or audio file, by its signed, expiring link */
        get: operations["FilesController_file"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/together/images/analysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Image analysis: image_url (or an uploaded `image` file) and prompt → text, from a vision model */
        post: operations["ImagesController_analyse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/together/images/generations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Image generation: prompt → a stored image behind a signed, expiring URL */
        post: operations["ImagesController_generate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/together/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The models the caller's tier may use, from the upstream catalog (cached 30 minutes) */
        get: operations["ModelsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/together/quota": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's quota today: used and limit per feature (minutes for audio) */
        get: operations["QuotaController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/together/text/completions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Text completion: prompt → text (stream: true for server-sent events) */
        post: operations["TextController_text"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is up */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: database, Redis (when configured) and the upstream answer */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audio/speech": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** OpenAI-compatible text to speech: the audio bytes (mp3, wav or pcm) */
        post: operations["OpenAiMediaController_speech"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audio/transcriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** OpenAI-compatible transcription of an uploaded `file` (json, text or verbose_json) */
        post: operations["OpenAiMediaController_transcribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chat/completions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** OpenAI-compatible chat completion (image parts use a vision model) */
        post: operations["OpenAiTextController_chat"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/completions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** OpenAI-compatible (legacy) text completion */
        post: operations["OpenAiTextController_complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/embeddings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** OpenAI-compatible embeddings (float or base64 encoding) */
        post: operations["OpenAiMediaController_embeddings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/images/generations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** OpenAI-compatible image generation (url: a signed Tiergate link; or b64_json) */
        post: operations["OpenAiMediaController_images"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's tier's models (OpenAI list; a bare array for Together SDK clients) */
        get: operations["OpenAiModelsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AssistantMessageDto: {
            content: string;
            /** @example assistant */
            role: string;
        };
        CatalogModelDto: {
            context_length?: number | null;
            id: string;
            /** @description Absent when the together_ai_ui_indicators flag is off */
            indicator?: Record<string, never>;
            modalities: string[];
            /** @example text */
            modality: string;
            name: string;
            /**
             * @example {
             *       "input_per_million": 0.18,
             *       "output_per_million": 0.18
             *     }
             */
            pricing: Record<string, never>;
        };
        ChangePasswordDto: {
            current_password: string;
            new_password: string;
        };
        ChatCompletionDto: {
            /** @description Accept an earlier answer to the same request (with temperature 0 only); marked cached, at no cost. Same as `Cache-Control: max-stale` */
            cache?: boolean;
            /** @example 256 */
            max_tokens?: number;
            messages: components["schemas"]["ChatMessageDto"][];
            /**
             * @description A specific model; by default the platform chooses for your tier
             * @example meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo
             */
            model?: string;
            /**
             * @description What the answer is for; selects the model with the tier
             * @example general
             */
            purpose?: string;
            seed?: number;
            stop?: string[];
            /** @description Stream the answer as server-sent events */
            stream?: boolean;
            temperature?: number;
            top_p?: number;
        };
        ChatCompletionResponseDto: {
            /** @example stop */
            finish_reason: string;
            id: string;
            /**
             * @description user: served with the caller's own key
             * @enum {string}
             */
            key_source: "system" | "user";
            message: components["schemas"]["AssistantMessageDto"];
            /** @example meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo */
            model_id: string;
            /** @description Absent when the together_ai_ui_indicators flag is off */
            model_source_indicator?: components["schemas"]["ModelSourceIndicatorDto"];
            /** @example together_ai */
            provider: string;
            usage: components["schemas"]["UsageDto"];
        };
        ChatMessageDto: {
            content: string;
            name?: string;
            /** @enum {string} */
            role: "system" | "user" | "assistant";
        };
        CodeCompletionDto: {
            /** @description Accept an earlier answer to the same request (with temperature 0 only); marked cached, at no cost. Same as `Cache-Control: max-stale` */
            cache?: boolean;
            /**
             * @description The programming language to answer in
             * @example python
             */
            language?: string;
            /** @example 256 */
            max_tokens?: number;
            /**
             * @description A specific model; by default the platform chooses for your tier
             * @example meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo
             */
            model?: string;
            /** @example Write a poem about artificial intelligence */
            prompt: string;
            /**
             * @description What the answer is for; selects the model with the tier
             * @example general
             */
            purpose?: string;
            seed?: number;
            stop?: string[];
            /** @description Stream the answer as server-sent events */
            stream?: boolean;
            temperature?: number;
            top_p?: number;
        };
        CreateApiKeyDto: {
            /** @example my laptop */
            name: string;
        };
        CreateProviderDto: {
            /** @example https://llm.internal.example.com/v1 */
            base_url: string;
            /** @example Backup vLLM cluster */
            display_name: string;
            /**
             * @description 2-32 lowercase letters, digits, - or _
             * @example backup
             */
            id: string;
            /** @description The provider API key. Sent once; only its last four characters are ever shown. */
            key: string;
        };
        CreateProviderKeyDto: {
            /** @description The provider API key. Sent once; only its last four characters are ever shown. */
            key: string;
            /** @example production key 2026-11 */
            label: string;
            /**
             * @description `together` is accepted for together_ai
             * @example together_ai
             */
            provider: string;
        };
        CreateQuotaRequestDto: {
            /** @enum {string} */
            feature: "text_generation" | "code_generation" | "image_generation" | "vision_analysis" | "audio_tts" | "audio_stt";
            /**
             * @default requests_per_day
             * @enum {string}
             */
            limit: "requests_per_day" | "tokens_per_day" | "tokens_per_request" | "minutes_per_day";
            /** @example Classroom use for 30 students this month */
            reason: string;
            /** @example 200 */
            requested_limit: number;
        };
        CreateUserProviderKeyDto: {
            /**
             * @description If the provider rejects your key, serve the request with the platform's key (it then counts against your quota)
             * @default false
             */
            fallback_to_system: boolean;
            /** @description The provider API key. Sent once; only its last four characters are ever shown. */
            key: string;
            label?: string;
            /**
             * @default together_ai
             * @example together_ai
             */
            provider: string;
        };
        DecisionDto: {
            /** @description Shown to the user; required to deny */
            reason?: string;
        };
        GeneratedImageDto: {
            /** @description The PNG/JPEG bytes, base64, when response_format is base64 */
            b64_json?: string;
            /** @description Signed link to the stored image; expires at expires_at */
            url: string;
        };
        ImageGenerationDto: {
            /**
             * @description A multiple of 8
             * @example 1024
             */
            height?: number;
            /** @example black-forest-labs/FLUX.1-schnell */
            model?: string;
            /** @example 1 */
            n?: number;
            /** @example blurry, distorted */
            negative_prompt?: string;
            /** @example 4 */
            num_inference_steps?: number;
            /** @example A beautiful sunset over mountains */
            prompt: string;
            /** @description What the answer is for; selects the model with the tier */
            purpose?: string;
            /**
             * @description url (default) or base64 (adds b64_json)
             * @enum {string}
             */
            response_format?: "url" | "base64";
            seed?: number;
            /**
             * @description A multiple of 8
             * @example 1024
             */
            width?: number;
        };
        ImageGenerationResponseDto: {
            expires_at: string;
            id: string;
            images: components["schemas"]["GeneratedImageDto"][];
            /**
             * @description user: served with the caller's own key
             * @enum {string}
             */
            key_source: "system" | "user";
            /** @example meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo */
            model_id: string;
            /** @description Absent when the together_ai_ui_indicators flag is off */
            model_source_indicator?: components["schemas"]["ModelSourceIndicatorDto"];
            /** @example together_ai */
            provider: string;
            /** @description The first image (the seed shape); all images are under images */
            url: string;
        };
        LoginDto: {
            /** @example ada@example.com */
            email: string;
            password: string;
        };
        ModelSourceIndicatorDto: {
            /** @description Answered from the cache of earlier answers */
            cached: boolean;
            /** @example Together AI */
            display_name: string;
            /**
             * @description Why the primary model was passed over
             * @example timeout
             */
            fallback_reason: string | null;
            /** @enum {string|null} */
            fallback_strategy: "SAME_PROVIDER_DIFFERENT_MODEL" | "DIFFERENT_PROVIDER" | "CACHED_RESPONSE" | null;
            is_fallback: boolean;
            is_free_tier: boolean;
            /** @enum {string} */
            key_source: "system" | "user";
            /** @example together_ai */
            provider_id: string;
            /** @description The model the request named, if any */
            requested_model: string | null;
            /** @description The model that produced the answer */
            served_model: string;
        };
        ModelsResponseDto: {
            free_tier_enabled: boolean;
            models: components["schemas"]["CatalogModelDto"][];
            /** @example free */
            user_tier: string;
        };
        OpenAiChatDto: {
            /** @example 256 */
            max_completion_tokens?: number;
            /** @example 256 */
            max_tokens?: number;
            messages: components["schemas"]["OpenAiMessageDto"][];
            /** @example meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo */
            model?: string;
            /** @description Only 1 is supported */
            n?: number;
            /** @description What the answer is for; selects the model with the tier */
            purpose?: string;
            seed?: number;
            stop?: string | string[];
            stream?: boolean;
            /** @description Usage is always sent at the end of a stream */
            stream_options?: components["schemas"]["StreamOptionsDto"];
            temperature?: number;
            top_p?: number;
            /** @description Accepted for compatibility; not forwarded */
            user?: string;
        };
        OpenAiCompletionDto: {
            /** @example 256 */
            max_completion_tokens?: number;
            /** @example 256 */
            max_tokens?: number;
            /** @example meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo */
            model?: string;
            /** @description Only 1 is supported */
            n?: number;
            prompt: string;
            /** @description What the answer is for; selects the model with the tier */
            purpose?: string;
            seed?: number;
            stop?: string | string[];
            stream?: boolean;
            /** @description Usage is always sent at the end of a stream */
            stream_options?: components["schemas"]["StreamOptionsDto"];
            temperature?: number;
            top_p?: number;
            /** @description Accepted for compatibility; not forwarded */
            user?: string;
        };
        OpenAiEmbeddingDto: {
            /** @enum {string} */
            encoding_format?: "float" | "base64";
            input: string | string[];
            /** @example intfloat/multilingual-e5-large-instruct */
            model?: string;
            /** @description What the answer is for; selects the model with the tier */
            purpose?: string;
        };
        OpenAiImageDto: {
            /** @example black-forest-labs/FLUX.1-schnell */
            model?: string;
            n?: number;
            prompt: string;
            /** @description What the answer is for; selects the model with the tier */
            purpose?: string;
            /** @enum {string} */
            response_format?: "url" | "b64_json" | "base64";
            seed?: number;
            /**
             * @description WIDTHxHEIGHT, each a multiple of 8 in 256-1920
             * @example 1024x1024
             */
            size?: string;
            /** @description Together: inference steps */
            steps?: number;
        };
        OpenAiMessageDto: {
            /** @description A string, or text and image_url parts */
            content: Record<string, never>;
            /** @enum {string} */
            role: "system" | "developer" | "user" | "assistant";
        };
        OpenAiSpeechDto: {
            input: string;
            /** @example hexgrad/Kokoro-82M */
            model: string;
            /** @description What the answer is for; selects the model with the tier */
            purpose?: string;
            /**
             * @default mp3
             * @enum {string}
             */
            response_format: "mp3" | "wav" | "pcm";
            /** @description Only 1.0 is supported */
            speed?: number;
            /** @example af_alloy */
            voice: string;
        };
        RegisterDto: {
            /** @example ada@example.com */
            email: string;
            password: string;
        };
        /** @enum {string} */
        Role: "user" | "admin";
        RotateProviderKeyDto: {
            /** @description How long the old key keeps serving (seconds); 0 retires it at once */
            grace_period_seconds?: number;
            /** @description The provider API key. Sent once; only its last four characters are ever shown. */
            key: string;
        };
        SessionDto: {
            /** @description Send it back in the x-csrf-token header on every state-changing request (also in the tiergate_csrf cookie) */
            csrf_token: string;
            /** Format: date-time */
            expires_at: string;
            user: components["schemas"]["UserDto"];
        };
        SetFlagDto: {
            enabled: boolean;
        };
        SpeechDto: {
            /** @example en */
            language?: string;
            /** @example hexgrad/Kokoro-82M */
            model?: string;
            /** @description What the answer is for; selects the model with the tier */
            purpose?: string;
            /**
             * @default mp3
             * @enum {string}
             */
            response_format: "mp3" | "wav";
            /** @example Welcome to Tiergate. */
            text: string;
            /**
             * @description A voice of the model; "default" picks the platform default
             * @example af_alloy
             */
            voice?: string;
        };
        SpeechResponseDto: {
            /** @description Signed link to the stored audio */
            audio_url: string;
            characters: number;
            /** @example audio/mpeg */
            content_type: string;
            duration_seconds: number;
            expires_at: string;
            id: string;
            /**
             * @description user: served with the caller's own key
             * @enum {string}
             */
            key_source: "system" | "user";
            /** @example meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo */
            model_id: string;
            /** @description Absent when the together_ai_ui_indicators flag is off */
            model_source_indicator?: components["schemas"]["ModelSourceIndicatorDto"];
            /** @example together_ai */
            provider: string;
        };
        StreamOptionsDto: Record<string, never>;
        TextCompletionDto: {
            /** @description Accept an earlier answer to the same request (with temperature 0 only); marked cached, at no cost. Same as `Cache-Control: max-stale` */
            cache?: boolean;
            /** @example 256 */
            max_tokens?: number;
            /**
             * @description A specific model; by default the platform chooses for your tier
             * @example meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo
             */
            model?: string;
            /** @example Write a poem about artificial intelligence */
            prompt: string;
            /**
             * @description What the answer is for; selects the model with the tier
             * @example general
             */
            purpose?: string;
            seed?: number;
            stop?: string[];
            /** @description Stream the answer as server-sent events */
            stream?: boolean;
            temperature?: number;
            top_p?: number;
        };
        TextResponseDto: {
            /** @example stop */
            finish_reason: string;
            id: string;
            /**
             * @description user: served with the caller's own key
             * @enum {string}
             */
            key_source: "system" | "user";
            /** @example meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo */
            model_id: string;
            /** @description Absent when the together_ai_ui_indicators flag is off */
            model_source_indicator?: components["schemas"]["ModelSourceIndicatorDto"];
            /** @example together_ai */
            provider: string;
            text: string;
            usage: components["schemas"]["UsageDto"];
        };
        /** @enum {string} */
        Tier: "free" | "premium" | "enterprise";
        TranscriptionResponseDto: {
            /** @description Measured by Tiergate from the audio */
            duration_seconds: number;
            id: string;
            /**
             * @description user: served with the caller's own key
             * @enum {string}
             */
            key_source: "system" | "user";
            /** @example english */
            language?: string;
            /** @example meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo */
            model_id: string;
            /** @description Absent when the together_ai_ui_indicators flag is off */
            model_source_indicator?: components["schemas"]["ModelSourceIndicatorDto"];
            /** @example together_ai */
            provider: string;
            text: string;
        };
        UpdateUserDto: {
            /** @description false: the account and all its tokens and API keys stop working at once */
            active?: boolean;
            role?: components["schemas"]["Role"];
            tier?: components["schemas"]["Tier"];
        };
        UpdateUserProviderKeyDto: {
            fallback_to_system?: boolean;
            label?: string;
        };
        UsageDto: {
            completion_tokens: number;
            /** @description The request's cost in USD (0 when served from the cache) */
            cost_usd?: number;
            prompt_tokens: number;
            total_tokens: number;
        };
        UserDto: {
            email: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            role: "user" | "admin";
            /** @enum {string} */
            tier: "free" | "premium" | "enterprise";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AuditController_list: {
        parameters: {
            query?: {
                action?: string;
                actor_id?: string;
                page?: number;
                page_size?: number;
                /** @description ISO 8601 time; entries at or after it */
                since?: string;
                target_id?: string;
                target_type?: string;
                /** @description ISO 8601 time; entries before it */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FlagsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FlagsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FlagsController_set: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetFlagDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AdminUsageController_stats: {
        parameters: {
            query?: {
                /** @description Hours (24h) or days (7d), up to 90 days */
                time_range?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ModelConfigController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ModelConfigController_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AdminUsageController_priceTable: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AdminUsageController_updatePrices: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SystemKeysController_list: {
        parameters: {
            query?: {
                provider?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SystemKeysController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProviderKeyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SystemKeysController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SystemKeysController_rotate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RotateProviderKeyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ProvidersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ProvidersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProviderDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ProvidersController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    QuotaAdminController_requests: {
        parameters: {
            query?: {
                page?: number;
                page_size?: number;
                status?: "pending" | "approved" | "denied";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    QuotaAdminController_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    QuotaAdminController_deny: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    QuotaAdminController_tier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tier: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    QuotaAdminController_updateTier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tier: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    QuotaAdminController_user: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    QuotaAdminController_setUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    QuotaAdminController_clearUser: {
        parameters: {
            query?: {
                feature?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AdminUsageController_usage: {
        parameters: {
            query?: {
                feature?: "text_generation" | "code_generation" | "image_generation" | "vision_analysis" | "audio_tts" | "audio_stt";
                from?: string;
                group_by?: "day" | "model" | "user" | "tier" | "feature";
                key_source?: "system" | "user";
                model?: string;
                status?: "ok" | "error";
                tier?: components["schemas"]["Tier"];
                to?: string;
                user_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AdminUsageController_export: {
        parameters: {
            query?: {
                feature?: "text_generation" | "code_generation" | "image_generation" | "vision_analysis" | "audio_tts" | "audio_stt";
                format?: "csv" | "json" | "xlsx";
                from?: string;
                key_source?: "system" | "user";
                model?: string;
                status?: "ok" | "error";
                tier?: components["schemas"]["Tier"];
                to?: string;
                user_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_search: {
        parameters: {
            query?: {
                active?: boolean;
                page?: number;
                page_size?: number;
                role?: components["schemas"]["Role"];
                /** @description Part of an email address, or a user id */
                search?: string;
                tier?: components["schemas"]["Tier"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SessionController_current: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
        };
    };
    SessionController_signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
        };
    };
    SessionController_signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MeController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MeController_listApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MeController_createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MeController_revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MyUsageController_bill: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MeController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MyProviderKeysController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MyProviderKeysController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserProviderKeyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MyProviderKeysController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MyProviderKeysController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserProviderKeyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MyProviderKeysController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MyQuotaRequestsController_list: {
        parameters: {
            query?: {
                page?: number;
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MyQuotaRequestsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateQuotaRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MyUsageController_usage: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AudioController_speech: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SpeechDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SpeechResponseDto"];
                };
            };
        };
    };
    AudioController_transcribe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TranscriptionResponseDto"];
                };
            };
        };
    };
    ChatController_chat: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChatCompletionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatCompletionResponseDto"];
                };
            };
        };
    };
    TextController_code: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CodeCompletionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TextResponseDto"];
                };
            };
        };
    };
    FilesController_file: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ImagesController_analyse: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TextResponseDto"];
                };
            };
        };
    };
    ImagesController_generate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImageGenerationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImageGenerationResponseDto"];
                };
            };
        };
    };
    ModelsController_list: {
        parameters: {
            query?: {
                modality?: "chat" | "text" | "code" | "vision" | "image" | "audio_tts" | "audio_stt" | "embedding";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsResponseDto"];
                };
            };
        };
    };
    QuotaController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TextController_text: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TextCompletionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TextResponseDto"];
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OpenAiMediaController_speech: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenAiSpeechDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OpenAiMediaController_transcribe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OpenAiTextController_chat: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenAiChatDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OpenAiTextController_complete: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenAiCompletionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OpenAiMediaController_embeddings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenAiEmbeddingDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OpenAiMediaController_images: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenAiImageDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OpenAiModelsController_list: {
        parameters: {
            query?: {
                modality?: "chat" | "text" | "code" | "vision" | "image" | "audio_tts" | "audio_stt" | "embedding";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}

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
    "/api/v1/admin/endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Dedicated endpoints, newest first */
        get: operations["EndpointsController_list"];
        put?: never;
        /** Create a dedicated endpoint (it starts at once; a worker follows it to STARTED); audited */
        post: operations["EndpointsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One dedicated endpoint */
        get: operations["EndpointsController_findOne"];
        put?: never;
        post?: never;
        /** Delete an endpoint (its running time stays on record); audited */
        delete: operations["EndpointsController_remove"];
        options?: never;
        head?: never;
        /** Start or stop an endpoint, change its replicas or display name; audited */
        patch: operations["EndpointsController_update"];
        trace?: never;
    };
    "/api/v1/admin/endpoints/{id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Requests, tokens, latency and cost of the endpoint's traffic (by its name) and its billed running time, for whole days */
        get: operations["EndpointsController_usage"];
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
        /** Gateway statistics over a time range (24h, 7d, ...), as in the specification */
        get: operations["AdminUsageController_stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/hardware": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hardware for dedicated endpoints (for a model: those that fit it, with availability) */
        get: operations["HardwareController_list"];
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
        /** Change routes (per tier and modality, field by field), allow-lists or model settings; models missing from the catalog are refused unless `force`; audited */
        put: operations["ModelConfigController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/model-uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Model and adapter uploads, newest first */
        get: operations["ModelUploadsController_list"];
        put?: never;
        /** Upload a model or adapter to the provider; a worker follows its job to Complete or Failed; audited */
        post: operations["ModelUploadsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/model-uploads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One upload and its job status */
        get: operations["ModelUploadsController_findOne"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The primary provider's whole model catalog (cached 30 minutes) */
        get: operations["AdminCatalogController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/models/{id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Requests, tokens, latency and token cost of one model (URL-encode the id: a%2Fb), for whole days */
        get: operations["ModelStatsController_usage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything the Overview page shows, in one call: health, open circuit breakers, the usage queue, the last 24 hours by hour, today */
        get: operations["OverviewController_get"];
        put?: never;
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
        /**
         * Set a system key's account limits (requests per second and minute, tokens per minute)
         * @description Outbound calls with the key are paced to them across every instance; a field left out is kept, null removes it.
         */
        patch: operations["SystemKeysController_setLimits"];
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
        /** Approve, with the requested limit or another (granted_limit): the user's override is written; audited */
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
        /** Override a user's limits per feature (null = unlimited); audited */
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
    "/api/v1/admin/usage/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Request Log: raw ledger rows for the filters, newest first, with the user’s email; paged by cursor (next_cursor) */
        get: operations["AdminUsageController_events"];
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
    "/api/v1/admin/usage/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Daily series for charts, split by model, tier or feature (top keys, the rest as "other"), from the daily rollups */
        get: operations["AdminUsageController_usageSeries"];
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
        /** Create an account (free tier and user role unless given); audited */
        post: operations["UsersController_create"];
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
        /** One account */
        get: operations["UsersController_findOne"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user's tier, role or active state (deactivation takes effect at once) */
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/api/v1/admin/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a user's password; their dashboard sessions end. Audited, never with the password */
        post: operations["UsersController_resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
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
    "/api/v1/together/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your batches, newest first */
        get: operations["TogetherBatchesController_list"];
        put?: never;
        /** Submit chat requests as a batch (half price; results within 24 h) */
        post: operations["TogetherBatchesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/together/batches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of your batches */
        get: operations["TogetherBatchesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/together/batches/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a batch */
        post: operations["TogetherBatchesController_cancel"];
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
    "/api/v1/together/models/{path}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One model's details, as in the list, when the caller's tier may use it */
        get: operations["ModelsController_retrieve"];
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
    "/v1/audio/translations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** OpenAI-compatible translation of an uploaded `file` into English text (json, text or verbose_json) */
        post: operations["OpenAiMediaController_translate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your batches, newest first (cursor paging with `after`) */
        get: operations["OpenAiBatchesController_list"];
        put?: never;
        /** Run an uploaded file as a batch at half the serverless price */
        post: operations["OpenAiBatchesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/batches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of your batches */
        get: operations["OpenAiBatchesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/batches/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a batch (cancelling until the provider confirms) */
        post: operations["OpenAiBatchesController_cancel"];
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
    "/v1/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your files, newest first (cursor paging with `after`; `purpose` filters) */
        get: operations["OpenAiBatchesController_files"];
        put?: never;
        /** Upload a JSONL batch input (`file`, `purpose: batch`); every line is checked */
        post: operations["OpenAiBatchesController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/files/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of your files (inputs, outputs and error files of your batches) */
        get: operations["OpenAiBatchesController_file"];
        put?: never;
        post?: never;
        /** Deletes one of your files (409 while a running batch needs it) */
        delete: operations["OpenAiBatchesController_deleteFile"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/files/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A file's bytes (JSONL) */
        get: operations["OpenAiBatchesController_content"];
        put?: never;
        post?: never;
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
    "/v1/models/{path}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One model's details (OpenAI shape), when the caller's tier may use it */
        get: operations["OpenAiModelsController_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** OpenAI's Responses API: a conversation answered, stored unless store is false; streams typed events */
        post: operations["ResponsesController_respond"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/responses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A stored response, as it was answered */
        get: operations["ResponsesController_retrieve"];
        put?: never;
        post?: never;
        /** Deletes a stored response */
        delete: operations["ResponsesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/responses/{id}/input_items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A stored response's input items, a page at a time (newest first by default) */
        get: operations["ResponsesController_inputItems"];
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
        AccessTokenDto: {
            access_token: string;
            /**
             * @description Seconds until the token expires
             * @example 3600
             */
            expires_in: number;
            /** @enum {string} */
            token_type: "Bearer";
        };
        AdminCatalogDto: {
            models: components["schemas"]["AdminCatalogModelDto"][];
        };
        AdminCatalogModelDto: {
            context_length: number | null;
            id: string;
            /**
             * @example [
             *       "chat",
             *       "text"
             *     ]
             */
            modalities: string[];
            /** @example chat */
            modality: components["schemas"]["Modality"];
            name: string;
            organization: string | null;
            pricing: components["schemas"]["ModelPricingDto"];
        };
        AdminUserDto: {
            active: boolean;
            /** Format: date-time */
            created_at: string;
            email: string;
            /** Format: uuid */
            id: string;
            role: components["schemas"]["Role"];
            tier: components["schemas"]["Tier"];
            /** Format: date-time */
            updated_at: string;
        };
        AdminUserPageDto: {
            data: components["schemas"]["AdminUserDto"][];
            page: number;
            page_size: number;
            /** @description Items matching the filters, on all pages */
            total: number;
        };
        ApiKeyDto: {
            /** Format: date-time */
            created_at: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            last_used_at: string | null;
            name: string;
            /**
             * @description The first characters of the key, for recognising it
             * @example tg_AbC12xYz
             */
            prefix: string;
            /** Format: date-time */
            revoked_at: string | null;
        };
        ApiKeyListDto: {
            data: components["schemas"]["ApiKeyDto"][];
        };
        ApproveDto: {
            /** @description The limit to grant; the requested one when left out */
            granted_limit?: number;
            /** @description Shown to the user */
            reason?: string;
        };
        AssistantMessageDto: {
            content: string;
            /** @description A reasoning model's thinking before the answer */
            reasoning?: string;
            /** @example assistant */
            role: string;
        };
        AuditEntryDto: {
            /** @example flags.update */
            action: string;
            /**
             * @description `system` for changes the platform made itself
             * @example admin@example.com
             */
            actor_email: string;
            /**
             * Format: uuid
             * @description null for changes the platform made itself
             */
            actor_id: string | null;
            after: {
                [key: string]: unknown;
            } | null;
            before: {
                [key: string]: unknown;
            } | null;
            id: string;
            /** Format: date-time */
            occurred_at: string;
            request_id: string | null;
            target_id: string | null;
            /** @example feature_flag */
            target_type: string;
        };
        AuditEntryPageDto: {
            data: components["schemas"]["AuditEntryDto"][];
            page: number;
            page_size: number;
            /** @description Items matching the filters, on all pages */
            total: number;
        };
        BatchErrorDto: {
            code: string;
            line: number | null;
            message: string;
            param: string | null;
        };
        BatchErrorsDto: {
            data: components["schemas"]["BatchErrorDto"][];
            /** @enum {string} */
            object: "list";
        };
        BatchListDto: {
            data: components["schemas"]["BatchObjectDto"][];
            first_id: string | null;
            has_more: boolean;
            last_id: string | null;
            /** @enum {string} */
            object: "list";
        };
        BatchObjectDto: {
            cancelled_at: number | null;
            cancelling_at: number | null;
            completed_at: number | null;
            /** @example 24h */
            completion_window: string;
            created_at: number;
            /** @example /v1/chat/completions */
            endpoint: string;
            error_file_id: string | null;
            errors: components["schemas"]["BatchErrorsDto"] | null;
            expired_at: number | null;
            expires_at: number;
            failed_at: number | null;
            finalizing_at: number | null;
            /** @example batch_3f1c9a0e5b7d4c2a8e6f1d0b9c8a7e6d */
            id: string;
            in_progress_at: number | null;
            input_file_id: string;
            metadata?: {
                [key: string]: string;
            } | null;
            /** @description The model every line names */
            model: string;
            /** @enum {string} */
            object: "batch";
            output_file_id: string | null;
            /** @description Upstream progress, 0–100 (a Together extra) */
            progress: number;
            request_counts: components["schemas"]["RequestCountsDto"];
            /** @enum {string} */
            status: "validating" | "in_progress" | "finalizing" | "completed" | "failed" | "expired" | "cancelling" | "cancelled";
        };
        BillingDto: {
            charge: components["schemas"]["ChargeDto"];
            credits: components["schemas"]["CreditsDto"];
            /** @example 2026-11 */
            month: string;
            own_key: components["schemas"]["OwnKeyUsageDto"];
            tier: components["schemas"]["Tier"];
        };
        /**
         * @description `open`: the model is skipped; `half_open`: the cool-down is over and the next call probes it
         * @enum {string}
         */
        BreakerState: "open" | "half_open";
        CapacityCostDto: {
            /** @description Running minutes × each endpoint’s hourly price / 60 */
            cost_usd: number;
            endpoints: components["schemas"]["EndpointRunningCostDto"][];
            running_minutes: number;
        };
        CatalogModelDto: {
            context_length: number | null;
            id: string;
            /** @description Absent when the together_ai_ui_indicators flag is off */
            indicator?: components["schemas"]["ModelIndicatorDto"];
            /**
             * @example [
             *       "chat",
             *       "text"
             *     ]
             */
            modalities: string[];
            /** @example chat */
            modality: components["schemas"]["Modality"];
            name: string;
            pricing: components["schemas"]["ModelPricingDto"];
        };
        ChangePasswordDto: {
            current_password: string;
            new_password: string;
        };
        ChargeDto: {
            /** @description Used beyond the allocation */
            overage_usd: number;
            /** @description 0.1 with your own key, else 0 */
            reduction_rate: number;
            reduction_usd: number;
            total_usd: number;
        };
        ChatCompletionDto: {
            /** @description Accept an earlier answer to the same request (with temperature 0 only); marked cached, at no cost. Same as `Cache-Control: max-stale` */
            cache?: boolean;
            frequency_penalty?: number;
            /** @description Token id → bias (at most 300 entries) */
            logit_bias?: {
                [key: string]: number;
            };
            /** @example 256 */
            max_tokens?: number;
            messages: components["schemas"]["ChatMessageDto"][];
            min_p?: number;
            /**
             * @description A specific model; by default the platform chooses for your tier
             * @example meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo
             */
            model?: string;
            presence_penalty?: number;
            /**
             * @description Route to this provider (`together` or an admin-added one); same as the x-provider header
             * @example together_ai
             */
            provider?: string;
            /**
             * @description What the answer is for; selects the model with the tier
             * @example general
             */
            purpose?: string;
            /** @description Turns thinking on or off on hybrid models (e.g. DeepSeek V3.1, Qwen3): {"enabled": false} */
            reasoning?: components["schemas"]["ReasoningSwitchDto"];
            /**
             * @description For reasoning models that take it (GPT-OSS)
             * @enum {string}
             */
            reasoning_effort?: "low" | "medium" | "high";
            repetition_penalty?: number;
            /** @description {"type":"json_object"}, {"type":"json_schema","json_schema":{"name","schema","strict"}}, {"type":"regex","pattern"} or {"type":"text"} */
            response_format?: {
                /** @enum {string} */
                type?: "text" | "json_object" | "json_schema" | "regex";
            };
            seed?: number;
            stop?: string[];
            /** @description Stream the answer as server-sent events */
            stream?: boolean;
            temperature?: number;
            /** @description Together's extension */
            top_k?: number;
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
            frequency_penalty?: number;
            /**
             * @description The programming language to answer in
             * @example python
             */
            language?: string;
            /** @description Token id → bias (at most 300 entries) */
            logit_bias?: {
                [key: string]: number;
            };
            /** @example 256 */
            max_tokens?: number;
            min_p?: number;
            /**
             * @description A specific model; by default the platform chooses for your tier
             * @example meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo
             */
            model?: string;
            presence_penalty?: number;
            /** @example Write a poem about artificial intelligence */
            prompt: string;
            /**
             * @description Route to this provider (`together` or an admin-added one); same as the x-provider header
             * @example together_ai
             */
            provider?: string;
            /**
             * @description What the answer is for; selects the model with the tier
             * @example general
             */
            purpose?: string;
            /** @description Turns thinking on or off on hybrid models (e.g. DeepSeek V3.1, Qwen3): {"enabled": false} */
            reasoning?: components["schemas"]["ReasoningSwitchDto"];
            /**
             * @description For reasoning models that take it (GPT-OSS)
             * @enum {string}
             */
            reasoning_effort?: "low" | "medium" | "high";
            repetition_penalty?: number;
            /** @description {"type":"json_object"}, {"type":"json_schema","json_schema":{"name","schema","strict"}}, {"type":"regex","pattern"} or {"type":"text"} */
            response_format?: {
                /** @enum {string} */
                type?: "text" | "json_object" | "json_schema" | "regex";
            };
            seed?: number;
            stop?: string[];
            /** @description Stream the answer as server-sent events */
            stream?: boolean;
            temperature?: number;
            /** @description Together's extension */
            top_k?: number;
            top_p?: number;
        };
        CreateApiKeyDto: {
            /** @example my laptop */
            name: string;
        };
        CreateBatchDto: {
            /** @enum {string} */
            completion_window: "24h";
            /** @enum {string} */
            endpoint: "/v1/chat/completions";
            /** @example file-7d0f2c9e4b1a4f6e8c3d2b1a0f9e8d7c */
            input_file_id: string;
            metadata?: {
                [key: string]: string;
            };
        };
        CreatedApiKeyDto: {
            /** Format: date-time */
            created_at: string;
            /** Format: uuid */
            id: string;
            /** @description The secret, shown this once only. Use it as `Authorization: Bearer <key>`. */
            key: string;
            /** Format: date-time */
            last_used_at: string | null;
            name: string;
            /**
             * @description The first characters of the key, for recognising it
             * @example tg_AbC12xYz
             */
            prefix: string;
            /** Format: date-time */
            revoked_at: string | null;
        };
        CreateEndpointDto: {
            /** @description Minutes without requests before the provider stops the endpoint */
            auto_shutdown_minutes?: number;
            /** @example Enterprise chat */
            display_name?: string;
            /**
             * @description A hardware id from /api/v1/admin/hardware
             * @example 2x_nvidia_h100_80gb_sxm
             */
            hardware: string;
            /**
             * @description At least min_replicas
             * @example 2
             */
            max_replicas: number;
            /** @example 1 */
            min_replicas: number;
            /** @example meta-llama/Llama-3.3-70B-Instruct-Turbo */
            model: string;
        };
        CreateModelUploadDto: {
            /**
             * @description Required for an adapter
             * @example meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo
             */
            base_model?: string;
            description?: string;
            lora_model?: string;
            /**
             * @description The model id it will be served as
             * @example acme/support-llama-lora
             */
            model_name: string;
            /**
             * @description Where the weights are (a Hugging Face repo or an S3 URL)
             * @example https://huggingface.co/acme/support-llama-lora
             */
            model_source: string;
            /** @enum {string} */
            model_type: "model" | "adapter";
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
            /** @description The account's requests per minute (null: unlimited) */
            requests_per_minute?: number | null;
            /** @description The account's requests per second (null: unlimited) */
            requests_per_second?: number | null;
            /** @description The account's tokens per minute (null: unlimited) */
            tokens_per_minute?: number | null;
        };
        CreateQuotaRequestDto: {
            feature: components["schemas"]["Feature"];
            /** @default requests_per_day */
            limit: components["schemas"]["LimitName"];
            /** @example Classroom use for 30 students this month */
            reason: string;
            /** @example 200 */
            requested_limit: number;
        };
        CreateUserDto: {
            /** @example ada@example.com */
            email: string;
            password: string;
            role?: components["schemas"]["Role"];
            tier?: components["schemas"]["Tier"];
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
        CreditsDto: {
            /** @description The tier's monthly credits (USD) */
            allocation_usd: number;
            remaining_usd: number;
            /** @description Used this month by requests on system keys */
            used_usd: number;
        };
        DenyDto: {
            /** @description Shown to the user */
            reason: string;
        };
        EffectiveTierCreditsDto: {
            enterprise: number;
            free: number;
            premium: number;
        };
        EndpointDto: {
            auto_shutdown_minutes: number | null;
            /** Format: date-time */
            created_at: string;
            display_name: string | null;
            error: string | null;
            hardware: string;
            /** Format: uuid */
            id: string;
            max_replicas: number;
            min_replicas: number;
            /** @description The deployed model */
            model: string;
            /**
             * @description The model id that tier routes and allow-lists use for this endpoint
             * @example org-0001/meta-llama/Llama-3.3-70B-Instruct-Turbo-a32b82a1
             */
            name: string;
            /** @description USD per hour per replica, billed by the minute while running */
            price_per_hour_usd: number;
            /** @enum {string} */
            state: "PENDING" | "STARTING" | "STARTED" | "STOPPING" | "STOPPED" | "ERROR";
            /** Format: date-time */
            updated_at: string;
            /** @example endpoint-d23901de-ef8f-44bf-b3e7-de9c1ca8f2d7 */
            upstream_id: string;
        };
        EndpointListDto: {
            data: components["schemas"]["EndpointDto"][];
        };
        EndpointRunningCostDto: {
            cost_usd: number;
            /** Format: uuid */
            id: string;
            /** @description The endpoint's model name (what routes name) */
            name: string;
            /** @description Billed minutes in the range */
            running_minutes: number;
        };
        EndpointStatsDto: {
            completion_tokens: number;
            /** Format: uuid */
            endpoint_id: string;
            /** @example 2026-11-01 */
            from: string;
            /** @description Milliseconds (upper bounds of latency buckets) */
            latency_ms: components["schemas"]["LatencyPercentilesDto"];
            model: string;
            prompt_tokens: number;
            requests: number;
            /** @description running_minutes × price_per_hour_usd / 60 */
            running_cost_usd: number;
            /** @description Billed minutes running (each run rounded up to a minute) */
            running_minutes: number;
            /** @example 2026-11-30 */
            to: string;
            /** @description What the tokens cost (USD) */
            token_cost_usd: number;
            /** @description token_cost_usd + running_cost_usd */
            total_cost_usd: number;
            total_tokens: number;
        };
        ErrorBodyDto: {
            error: components["schemas"]["ErrorDetailDto"];
            request_id: string;
        };
        /**
         * @description Branch on this, not on message
         * @enum {string}
         */
        ErrorCode: "validation_failed" | "not_found" | "payload_too_large" | "unsupported_media_type" | "not_ready" | "internal_error" | "unauthenticated" | "invalid_credentials" | "forbidden" | "csrf_failed" | "too_many_attempts" | "email_taken" | "limit_reached" | "registration_closed" | "upstream_auth_failed" | "model_not_available" | "upstream_bad_request" | "upstream_rate_limited" | "account_rate_limited" | "upstream_unavailable" | "upstream_timeout" | "upstream_protocol_error" | "client_closed_request" | "conflict" | "integration_disabled" | "free_tier_disabled" | "user_keys_disabled" | "provider_key_rejected" | "user_key_rejected" | "no_system_key" | "model_not_in_catalog" | "model_not_allowed" | "route_misconfigured" | "content_policy_violation" | "context_length_exceeded" | "quota_exceeded" | "quota_unavailable" | "database_unavailable" | "batches_not_allowed" | "endpoint_not_running";
        ErrorDetailDto: {
            /** @description Branch on this, not on message */
            code: components["schemas"]["ErrorCode"];
            /** @example tier must be one of free, premium, enterprise */
            message: string;
            /**
             * @description The field at fault (`a.b[0].c`), or null when no one field is
             * @example tier
             */
            param: string | null;
            /** @example invalid_request_error */
            type: string;
        };
        /** @enum {string} */
        Feature: "text_generation" | "code_generation" | "image_generation" | "vision_analysis" | "audio_tts" | "audio_stt";
        /** @enum {string} */
        FeatureFlag: "together_ai_integration" | "together_ai_free_tier" | "together_ai_fallback" | "together_ai_ui_indicators" | "allow_user_keys";
        FeatureFlagDto: {
            description: string;
            enabled: boolean;
            /** @example together_ai_free_tier */
            name: components["schemas"]["FeatureFlag"];
            /** Format: date-time */
            updated_at: string;
            /**
             * Format: uuid
             * @description The admin who last changed it
             */
            updated_by: string | null;
        };
        FeatureFlagsDto: {
            data: components["schemas"]["FeatureFlagDto"][];
            flags: components["schemas"]["FlagStatesDto"];
        };
        FeatureLimitsByFeatureDto: {
            audio_stt?: components["schemas"]["FeatureLimitsDto"];
            audio_tts?: components["schemas"]["FeatureLimitsDto"];
            code_generation?: components["schemas"]["FeatureLimitsDto"];
            image_generation?: components["schemas"]["FeatureLimitsDto"];
            text_generation?: components["schemas"]["FeatureLimitsDto"];
            vision_analysis?: components["schemas"]["FeatureLimitsDto"];
        };
        FeatureLimitsDto: {
            /** @description Audio minutes per UTC day; null: unlimited */
            minutes_per_day?: number | null;
            /** @description Requests per UTC day; null: unlimited */
            requests_per_day?: number | null;
            /** @description Tokens per UTC day (prompt and completion); null: unlimited */
            tokens_per_day?: number | null;
            /** @description Tokens one request may use; null: unlimited */
            tokens_per_request?: number | null;
        };
        FeatureQuotaDto: {
            minutes_limit?: number | null;
            /** @description Audio minutes, to the millisecond */
            minutes_used?: number;
            requests_limit: number | null;
            requests_used: number;
            tokens_limit?: number | null;
            tokens_per_request_limit?: number | null;
            tokens_used?: number;
        };
        FileDeletedDto: {
            /** @enum {boolean} */
            deleted: true;
            id: string;
            /** @enum {string} */
            object: "file";
        };
        FileListDto: {
            data: components["schemas"]["FileObjectDto"][];
            first_id: string | null;
            has_more: boolean;
            last_id: string | null;
            /** @enum {string} */
            object: "list";
        };
        FileObjectDto: {
            /** @description Size in bytes */
            bytes: number;
            /** @description Unix seconds */
            created_at: number;
            expires_at: number | null;
            filename: string;
            /** @example file-7d0f2c9e4b1a4f6e8c3d2b1a0f9e8d7c */
            id: string;
            /** @description Requests (lines) in the file */
            line_count: number;
            /** @enum {string} */
            object: "file";
            /** @enum {string} */
            purpose: "batch" | "batch_output" | "batch_error";
            /** @enum {string} */
            status: "processed";
            status_details: string | null;
        };
        FlagChangesInput: {
            /** @description Users may add their own Together API key */
            allow_user_keys?: boolean;
            /** @description Fallbacks to other models, providers or cached answers */
            together_ai_fallback?: boolean;
            /** @description Free-tier access: off, free-tier users get 403 */
            together_ai_free_tier?: boolean;
            /** @description Master switch: off, every Together route answers 503 */
            together_ai_integration?: boolean;
            /** @description Model-source indicator fields on answers */
            together_ai_ui_indicators?: boolean;
        };
        FlagStatesDto: {
            /** @description Users may add their own Together API key */
            allow_user_keys: boolean;
            /** @description Fallbacks to other models, providers or cached answers */
            together_ai_fallback: boolean;
            /** @description Free-tier access: off, free-tier users get 403 */
            together_ai_free_tier: boolean;
            /** @description Master switch: off, every Together route answers 503 */
            together_ai_integration: boolean;
            /** @description Model-source indicator fields on answers */
            together_ai_ui_indicators: boolean;
        };
        GatewayStatsDto: {
            avg_latency_ms: number;
            by_model: components["schemas"]["ModelUsageDto"][];
            cache_rate: number;
            /** @description Dedicated endpoints billed by the minute while running */
            dedicated_endpoints_cost_usd: number;
            failed_requests: number;
            fallback_rate: number;
            /**
             * Format: date
             * @example 2026-11-30
             */
            from: string;
            /** @example together */
            gateway: string;
            latency_ms: components["schemas"]["LatencyDto"];
            success_rate: number;
            successful_requests: number;
            /** @example 24h */
            time_range: string;
            /**
             * Format: date
             * @example 2026-11-30
             */
            to: string;
            /** @description What the requests cost */
            token_cost_usd: number;
            /** @description Requests’ token cost plus dedicated endpoints’ running cost */
            total_cost_usd: number;
            total_requests: number;
            total_tokens: number;
        };
        GeneratedImageDto: {
            /** @description The PNG/JPEG bytes, base64, when response_format is base64 */
            b64_json?: string;
            /** @description Signed link to the stored image; expires at expires_at */
            url: string;
        };
        HardwareDto: {
            /** @description Whether there is capacity now; null when no model was given */
            available: boolean | null;
            /** @example 2 */
            gpu_count: number | null;
            /**
             * @description Per GPU
             * @example 80
             */
            gpu_memory_gb: number | null;
            /** @example h100-80gb */
            gpu_type: string | null;
            /** @example 2x_nvidia_h100_80gb_sxm */
            id: string;
            /** @example 2x H100 80GB */
            name: string;
            /**
             * @description USD per hour per replica
             * @example 7.98
             */
            price_per_hour_usd: number;
        };
        HardwareListDto: {
            data: components["schemas"]["HardwareDto"][];
        };
        HealthIndicatorDto: {
            /** @description Why a check is down */
            message?: string;
            /**
             * @description The upstream check: the provider asked
             * @example together_ai
             */
            provider?: string;
            /** @enum {string} */
            status: "up" | "down";
        };
        HourlyUsageDto: {
            cache_hits: number;
            cost_usd: number;
            errors: number;
            fallbacks: number;
            /**
             * Format: date-time
             * @description The UTC hour
             * @example 2026-11-30T13:00:00Z
             */
            hour: string;
            requests: number;
            tokens: number;
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
            /**
             * @description Route to this provider (`together` or an admin-added one); same as the x-provider header
             * @example together_ai
             */
            provider?: string;
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
            /** @description The first image (the specification’s shape); all images are under images */
            url: string;
        };
        /** @enum {string} */
        KeySource: "system" | "user";
        Last24HoursDto: {
            cache_hits: number;
            cost_usd: number;
            /** @description Requests answered with a status of 400 or more */
            errors: number;
            /** @description Requests a fallback model or a cached answer served */
            fallbacks: number;
            /** @description Every UTC hour of the window, oldest first (the first and the last partly) */
            hourly: components["schemas"]["HourlyUsageDto"][];
            requests: number;
            /** @description Prompt and completion tokens */
            tokens: number;
        };
        LatencyDto: {
            /** @description Mean, in milliseconds */
            avg: number;
            /** @description Upper bound of the bucket holding the median (ms) */
            p50: number;
            p95: number;
            p99: number;
        };
        LatencyPercentilesDto: {
            p50: number;
            p95: number;
            p99: number;
        };
        /** @enum {string} */
        LimitName: "requests_per_day" | "tokens_per_day" | "tokens_per_request" | "minutes_per_day";
        LivenessDto: {
            /** @enum {string} */
            status: "ok";
        };
        LoginDto: {
            /** @example ada@example.com */
            email: string;
            password: string;
        };
        /** @enum {string} */
        Modality: "chat" | "text" | "code" | "vision" | "image" | "audio_tts" | "audio_stt" | "embedding";
        ModalityRouteDto: {
            /** @description Tried in order after the primary */
            fallbacks: (string | components["schemas"]["ModelRefDto"])[];
            primary: string | components["schemas"]["ModelRefDto"];
            /** @description Per-purpose overrides (`coding`, `creative`, …) */
            purposes?: {
                [key: string]: components["schemas"]["ModelRouteDto"];
            };
        };
        ModalityRouteInput: {
            /** @description Tried in order after the primary; replaces the current ones (`[]` or null: none) */
            fallbacks?: (string | components["schemas"]["ModelRefDto"])[] | null;
            /** @description Tried first; required only for a modality that has no route yet */
            primary?: string | components["schemas"]["ModelRefDto"];
            /** @description Per-purpose overrides, keyed by a lowercase word (`coding`, `creative`, …); replaces the current ones (`{}`: none) */
            purposes?: {
                [key: string]: components["schemas"]["ModelRouteInput"];
            };
        };
        ModelConfigDto: {
            /** @description Settings per model id */
            models: {
                [key: string]: components["schemas"]["ModelSettingsDto"];
            };
            tiers: components["schemas"]["TierModelsByTierDto"];
            /**
             * @description Configured models missing from the catalog
             * @example [
             *       "nobody/imaginary-model (premium.image) is not in the catalog"
             *     ]
             */
            warnings: string[];
        };
        ModelIndicatorDto: {
            /** @example Together AI */
            display_name: string;
            /** @description Not one of the tier's primary models */
            is_fallback: boolean;
            is_free_tier: boolean;
            /** @example together_ai */
            provider_id: string;
        };
        ModelPriceDto: {
            /** @description Per million prompt tokens */
            input_per_million?: number;
            /** @description Per million completion tokens */
            output_per_million?: number;
            /** @description Per image */
            per_image?: number;
            /** @description Per megapixel */
            per_megapixel?: number;
            /** @description Per million characters of speech */
            per_million_characters?: number;
            /** @description Per minute of transcribed audio */
            per_minute?: number;
        };
        ModelPricingDto: {
            /**
             * @description USD per million prompt tokens
             * @example 0.18
             */
            input_per_million: number;
            /**
             * @description USD per million completion tokens
             * @example 0.18
             */
            output_per_million: number;
        };
        ModelRefDto: {
            /** @example meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo */
            model: string;
            /**
             * @description A provider added under /api/v1/admin/providers; the primary provider when omitted
             * @example backup
             */
            provider?: string;
        };
        ModelRouteDto: {
            /** @description Tried in order after the primary */
            fallbacks: (string | components["schemas"]["ModelRefDto"])[];
            primary: string | components["schemas"]["ModelRefDto"];
        };
        ModelRouteInput: {
            /** @description Tried in order after the primary; none when omitted */
            fallbacks?: (string | components["schemas"]["ModelRefDto"])[];
            /** @description Tried first */
            primary: string | components["schemas"]["ModelRefDto"];
        };
        ModelSettingsDto: {
            /** @description The model's own fallbacks, tried in order when a caller names this model; they take precedence over the route's (`[]`: none; null in a PUT: removed, the route's apply again). Only models the caller's tier may use are tried */
            fallbacks?: (string | components["schemas"]["ModelRefDto"])[] | null;
            /** @description The model can continue an answer from an assistant prefix (mid-stream rescue) */
            supports_continuation?: boolean;
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
            user_tier: components["schemas"]["Tier"];
        };
        ModelStatsDto: {
            completion_tokens: number;
            /** @example 2026-11-01 */
            from: string;
            /** @description Milliseconds (upper bounds of latency buckets) */
            latency_ms: components["schemas"]["LatencyPercentilesDto"];
            model: string;
            prompt_tokens: number;
            requests: number;
            /** @example 2026-11-30 */
            to: string;
            /** @description What the tokens cost (USD) */
            token_cost_usd: number;
            total_tokens: number;
        };
        ModelUploadDto: {
            base_model: string | null;
            /** Format: date-time */
            created_at: string;
            /** @description Why the upload failed */
            error: string | null;
            /** Format: uuid */
            id: string;
            /** @example job-a15dad11-8d8e-4007-97c5-a211304de284 */
            job_id: string;
            model_name: string;
            model_source: string;
            /** @enum {string} */
            model_type: "model" | "adapter";
            /** @enum {string} */
            status: "Queued" | "Running" | "Complete" | "Failed";
            /** Format: date-time */
            updated_at: string;
        };
        ModelUploadListDto: {
            data: components["schemas"]["ModelUploadDto"][];
        };
        ModelUsageDto: {
            cache_rate: number;
            completion_tokens: number;
            /** @description USD */
            cost_usd: number;
            error_rate: number;
            errors: number;
            fallback_rate: number;
            latency_ms: components["schemas"]["LatencyDto"];
            model: string;
            prompt_tokens: number;
            requests: number;
            total_tokens: number;
        };
        MyProviderKeyListDto: {
            data: components["schemas"]["ProviderKeyDto"][];
            /** @description Whether admins allow users to bring their own key (the allow_user_keys flag) */
            user_keys_allowed: boolean;
        };
        MyUsageDto: {
            /** @description By day (newest first), feature and model */
            data: components["schemas"]["MyUsageRowDto"][];
            totals: components["schemas"]["UsageTotalsDto"];
        };
        MyUsageRowDto: {
            cache_rate: number;
            completion_tokens: number;
            /** @description USD */
            cost_usd: number;
            /**
             * Format: date
             * @example 2026-11-30
             */
            day: string;
            error_rate: number;
            errors: number;
            fallback_rate: number;
            feature: components["schemas"]["Feature"];
            latency_ms: components["schemas"]["LatencyDto"];
            model: string;
            prompt_tokens: number;
            requests: number;
            total_tokens: number;
        };
        Object: Record<string, never>;
        OpenAiChatDto: {
            frequency_penalty?: number;
            /** @description Deprecated by OpenAI for tool_choice: auto, none, or {"name"} */
            function_call?: Record<string, never>;
            /** @description Deprecated by OpenAI for tools: functions the model may call (at most 128); answered with function_call */
            functions?: string[];
            /** @description Token id → bias (at most 300 entries) */
            logit_bias?: {
                [key: string]: number;
            };
            /** @description Return each token's log probability (a stream's chunks carry their own, without alternatives) */
            logprobs?: boolean;
            /** @example 256 */
            max_completion_tokens?: number;
            /** @example 256 */
            max_tokens?: number;
            messages: components["schemas"]["OpenAiMessageDto"][];
            /** @description Accepted for compatibility (at most 16 string values); not forwarded */
            metadata?: Record<string, never>;
            min_p?: number;
            /** @example meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo */
            model?: string;
            /** @description How many answers (choices) to generate; 1 for a stream */
            n?: number;
            parallel_tool_calls?: boolean;
            presence_penalty?: number;
            /** @description Accepted for compatibility; not forwarded */
            prompt_cache_key?: string;
            /**
             * @description Route to this provider (`together` or an admin-added one); same as the x-provider header
             * @example together_ai
             */
            provider?: string;
            /** @description What the answer is for; selects the model with the tier */
            purpose?: string;
            /** @description Turns thinking on or off on hybrid models (e.g. DeepSeek V3.1, Qwen3): {"enabled": false} */
            reasoning?: components["schemas"]["ReasoningSwitchDto"];
            /**
             * @description For reasoning models that take it (GPT-OSS)
             * @enum {string}
             */
            reasoning_effort?: "low" | "medium" | "high";
            repetition_penalty?: number;
            /** @description {"type":"json_object"}, {"type":"json_schema","json_schema":{"name","schema","strict"}}, {"type":"regex","pattern"} or {"type":"text"} */
            response_format?: {
                /** @enum {string} */
                type?: "text" | "json_object" | "json_schema" | "regex";
            };
            /** @description Accepted for compatibility; not forwarded */
            safety_identifier?: string;
            seed?: number;
            /** @description Accepted for compatibility; not forwarded */
            service_tier?: string;
            stop?: string | string[];
            /** @description Accepted for compatibility; not forwarded */
            store?: boolean;
            stream?: boolean;
            /** @description include_usage: end the stream with OpenAI's usage chunk (choices: []); the finish chunk carries the usage either way */
            stream_options?: components["schemas"]["StreamOptionsDto"];
            temperature?: number;
            /** @description auto, none, required, or {"type": "function", "function": {"name"}} */
            tool_choice?: Record<string, never>;
            /** @description Functions the model may call (at most 128) */
            tools?: string[];
            /** @description Together's extension */
            top_k?: number;
            top_logprobs?: number;
            top_p?: number;
            /** @description Accepted for compatibility; not forwarded */
            user?: string;
        };
        OpenAiCompletionDto: {
            /** @description Put the prompt before the answer's text; with logprobs, its tokens' log probabilities come first too */
            echo?: boolean;
            frequency_penalty?: number;
            /** @description Token id → bias (at most 300 entries) */
            logit_bias?: {
                [key: string]: number;
            };
            /** @description Each token's log probability, with this many alternatives (a stream's chunks carry their own, without alternatives) */
            logprobs?: number;
            /** @example 256 */
            max_completion_tokens?: number;
            /** @example 256 */
            max_tokens?: number;
            /** @description Accepted for compatibility (at most 16 string values); not forwarded */
            metadata?: Record<string, never>;
            min_p?: number;
            /** @example meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo */
            model?: string;
            /** @description How many answers (choices) to generate; 1 for a stream */
            n?: number;
            presence_penalty?: number;
            prompt: string;
            /** @description Accepted for compatibility; not forwarded */
            prompt_cache_key?: string;
            /**
             * @description Route to this provider (`together` or an admin-added one); same as the x-provider header
             * @example together_ai
             */
            provider?: string;
            /** @description What the answer is for; selects the model with the tier */
            purpose?: string;
            /** @description Turns thinking on or off on hybrid models (e.g. DeepSeek V3.1, Qwen3): {"enabled": false} */
            reasoning?: components["schemas"]["ReasoningSwitchDto"];
            /**
             * @description For reasoning models that take it (GPT-OSS)
             * @enum {string}
             */
            reasoning_effort?: "low" | "medium" | "high";
            repetition_penalty?: number;
            /** @description {"type":"json_object"}, {"type":"json_schema","json_schema":{"name","schema","strict"}}, {"type":"regex","pattern"} or {"type":"text"} */
            response_format?: {
                /** @enum {string} */
                type?: "text" | "json_object" | "json_schema" | "regex";
            };
            /** @description Accepted for compatibility; not forwarded */
            safety_identifier?: string;
            seed?: number;
            /** @description Accepted for compatibility; not forwarded */
            service_tier?: string;
            stop?: string | string[];
            /** @description Accepted for compatibility; not forwarded */
            store?: boolean;
            stream?: boolean;
            /** @description include_usage: end the stream with OpenAI's usage chunk (choices: []); the finish chunk carries the usage either way */
            stream_options?: components["schemas"]["StreamOptionsDto"];
            temperature?: number;
            /** @description Together's extension */
            top_k?: number;
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
            /**
             * @description Route to this provider (`together` or an admin-added one); same as the x-provider header
             * @example together_ai
             */
            provider?: string;
            /** @description What the answer is for; selects the model with the tier */
            purpose?: string;
        };
        OpenAiImageDto: {
            /** @example black-forest-labs/FLUX.1-schnell */
            model?: string;
            n?: number;
            prompt: string;
            /**
             * @description Route to this provider (`together` or an admin-added one); same as the x-provider header
             * @example together_ai
             */
            provider?: string;
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
            /** @description A string, or text and image_url parts; null on an assistant turn of tool calls */
            content: Record<string, never>;
            /** @description Deprecated by OpenAI for tool_calls: an assistant turn's function call */
            function_call?: Record<string, never>;
            /** @description Accepted on assistant turns; not sent to the model */
            reasoning?: Record<string, never>;
            /** @description Accepted on assistant turns; not sent to the model */
            reasoning_content?: Record<string, never>;
            /** @description Accepted on assistant turns; not sent to the model */
            refusal?: Record<string, never>;
            /** @enum {string} */
            role: "system" | "developer" | "user" | "assistant" | "tool" | "function";
            /** @description A tool message: the id of the call it answers */
            tool_call_id?: string;
            /** @description An assistant turn's tool calls, sent back with the conversation */
            tool_calls?: string[];
        };
        OpenAiResponseDto: {
            /** @description A string, or the conversation as messages of input_text and input_image parts */
            input: string | Record<string, never>[];
            /** @description A system message before the input */
            instructions?: string;
            /** @example 256 */
            max_output_tokens?: number;
            /** @example meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo */
            model?: string;
            /** @description Continue a stored response: its conversation comes before this input */
            previous_response_id?: string;
            /**
             * @description Route to this provider (`together` or an admin-added one); same as the x-provider header
             * @example together_ai
             */
            provider?: string;
            /** @description What the answer is for; selects the model with the tier */
            purpose?: string;
            /** @description effort: how hard a reasoning model thinks */
            reasoning?: components["schemas"]["ReasoningOptionsDto"];
            /** @description Keep the response for 30 days (default true) */
            store?: boolean;
            stream?: boolean;
            temperature?: number;
            /** @description format (text, json_object, json_schema) and verbosity */
            text?: Record<string, never>;
            /** @description auto, none, required, or {"type": "function", "name"} */
            tool_choice?: Record<string, never>;
            /** @description Functions the model may call (at most 128), flat: {type: "function", name, parameters} */
            tools?: string[];
            top_p?: number;
        };
        OpenAiSpeechDto: {
            input: string;
            /** @example hexgrad/Kokoro-82M */
            model: string;
            /**
             * @description Route to this provider (`together` or an admin-added one); same as the x-provider header
             * @example together_ai
             */
            provider?: string;
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
        OpenBreakerDto: {
            /** @example meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo */
            model: string;
            /** Format: date-time */
            opened_at: string;
            /** @example together_ai */
            provider: string;
            /**
             * Format: date-time
             * @description When the cool-down ends and a probe may go through
             */
            retry_at: string;
            /** @description `open`: the model is skipped; `half_open`: the cool-down is over and the next call probes it */
            state: components["schemas"]["BreakerState"];
        };
        OverviewDto: {
            /** @description Circuit breakers that are not closed, soonest retry first */
            breakers: components["schemas"]["OpenBreakerDto"][];
            /** Format: date-time */
            generated_at: string;
            health: components["schemas"]["OverviewHealthDto"];
            /** @description The last 24 hours, exactly, from the ledger */
            last_24h: components["schemas"]["Last24HoursDto"];
            /** @description Since 00:00 UTC, from the daily rollups */
            today: components["schemas"]["TodayUsageDto"];
            usage_queue: components["schemas"]["UsageQueueDto"];
        };
        OverviewHealthDto: {
            database: components["schemas"]["ServiceHealthDto"];
            redis: components["schemas"]["ServiceHealthDto"];
            /** @description The primary provider (a check that passed is reused for 10 s) */
            upstream: components["schemas"]["ServiceHealthDto"];
        };
        OwnKeyUsageDto: {
            /** @description Requests go out with your own provider key */
            active: boolean;
            /** @description Always false: requests on your own key consume no credits */
            consumes_credits: boolean;
            usage_usd: number;
        };
        PriceTableDto: {
            /** @description Each tier's monthly credits in force: its own value, else the platform default */
            effective_tier_credits_usd: components["schemas"]["EffectiveTierCreditsDto"];
            image_per_megapixel: number;
            /** @description Prices per model id */
            models: {
                [key: string]: components["schemas"]["ModelPriceDto"];
            };
            speech_per_million_characters: number;
            /** @description Defaults apply to tiers left out */
            tier_credits_usd?: components["schemas"]["TierCreditsDto"];
            transcription_per_minute: number;
        };
        ProviderDto: {
            /** @example https://llm.internal.example.com/v1 */
            base_url: string;
            /** Format: date-time */
            created_at: string;
            display_name: string;
            /** @example backup */
            id: string;
        };
        ProviderKeyDto: {
            /** Format: date-time */
            created_at: string;
            fallback_to_system: boolean;
            /** Format: uuid */
            id: string;
            /**
             * @description The last four characters; the key itself is never returned
             * @example …x9Qz
             */
            key_hint: string;
            label: string;
            /** Format: date-time */
            last_used_at: string | null;
            /** @enum {string} */
            owner: "system" | "user";
            /** @example together_ai */
            provider: string;
            /**
             * Format: uuid
             * @description The key that replaced it
             */
            replaced_by: string | null;
            requests_per_minute: number | null;
            /** @description System keys: the account limit paced to */
            requests_per_second: number | null;
            /**
             * Format: date-time
             * @description When a rotated key stops serving
             */
            retire_at: string | null;
            status: components["schemas"]["ProviderKeyStatus"];
            status_reason: string | null;
            tokens_per_minute: number | null;
            /** Format: date-time */
            verified_at: string | null;
        };
        ProviderKeyLimitsDto: {
            /** @description The account's requests per minute (null: unlimited) */
            requests_per_minute?: number | null;
            /** @description The account's requests per second (null: unlimited) */
            requests_per_second?: number | null;
            /** @description The account's tokens per minute (null: unlimited) */
            tokens_per_minute?: number | null;
        };
        ProviderKeyListDto: {
            data: components["schemas"]["ProviderKeyDto"][];
        };
        /** @enum {string} */
        ProviderKeyStatus: "active" | "invalid" | "retiring" | "retired" | "revoked";
        ProviderListDto: {
            data: components["schemas"]["ProviderDto"][];
        };
        QuotaRequestDto: {
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            decided_at: string | null;
            decision_reason: string | null;
            feature: components["schemas"]["Feature"];
            /** @description What the approval granted */
            granted_limit: number | null;
            /** Format: uuid */
            id: string;
            limit: components["schemas"]["LimitName"];
            reason: string;
            requested_limit: number;
            status: components["schemas"]["QuotaRequestStatus"];
            /** Format: uuid */
            user_id: string;
        };
        QuotaRequestPageDto: {
            data: components["schemas"]["QuotaRequestDto"][];
            page: number;
            page_size: number;
            /** @description Items matching the filters, on all pages */
            total: number;
        };
        /** @enum {string} */
        QuotaRequestStatus: "pending" | "approved" | "denied";
        QuotaViewDto: {
            audio_stt: components["schemas"]["FeatureQuotaDto"];
            audio_tts: components["schemas"]["FeatureQuotaDto"];
            code_generation: components["schemas"]["FeatureQuotaDto"];
            image_generation: components["schemas"]["FeatureQuotaDto"];
            rate_limits: components["schemas"]["RateLimitsDto"];
            /**
             * Format: date-time
             * @description The next 00:00 UTC
             */
            resets_at: string;
            text_generation: components["schemas"]["FeatureQuotaDto"];
            tier: components["schemas"]["Tier"];
            vision_analysis: components["schemas"]["FeatureQuotaDto"];
        };
        RateLimitsDto: {
            /** @description Streams open at once; null: unlimited */
            concurrent_streams?: number | null;
            /** @description Requests per minute; null: unlimited */
            requests_per_minute?: number | null;
            /** @description Requests per second; null: unlimited */
            requests_per_second?: number | null;
            /** @description Tokens per minute; null: unlimited */
            tokens_per_minute?: number | null;
        };
        ReadinessChecksDto: {
            database: components["schemas"]["HealthIndicatorDto"];
            redis?: components["schemas"]["HealthIndicatorDto"];
            upstream: components["schemas"]["HealthIndicatorDto"];
        };
        ReadinessDto: {
            /** @description Every check */
            details: components["schemas"]["ReadinessChecksDto"];
            /** @description The checks that are down (empty when ready) */
            error: {
                [key: string]: components["schemas"]["HealthIndicatorDto"];
            };
            /** @description The checks that are up */
            info: components["schemas"]["ReadinessChecksDto"];
            /** @enum {string} */
            status: "ok" | "error" | "shutting_down";
        };
        ReasoningOptionsDto: Record<string, never>;
        ReasoningSwitchDto: {
            enabled: boolean;
        };
        RegisterDto: {
            /** @example ada@example.com */
            email: string;
            password: string;
        };
        RequestCountsDto: {
            completed: number;
            failed: number;
            total: number;
        };
        ResetPasswordDto: {
            password: string;
        };
        /** @enum {string} */
        Role: "user" | "admin";
        RotatedProviderKeyDto: {
            /** @description The new key, active now */
            key: components["schemas"]["ProviderKeyDto"];
            /** @description The old key, serving until retire_at */
            previous: components["schemas"]["ProviderKeyDto"];
        };
        RotateProviderKeyDto: {
            /** @description How long the old key keeps serving (seconds); 0 retires it at once */
            grace_period_seconds?: number;
            /** @description The provider API key. Sent once; only its last four characters are ever shown. */
            key: string;
        };
        RoutesDto: {
            audio_stt?: components["schemas"]["ModalityRouteDto"];
            audio_tts?: components["schemas"]["ModalityRouteDto"];
            chat?: components["schemas"]["ModalityRouteDto"];
            code?: components["schemas"]["ModalityRouteDto"];
            embedding?: components["schemas"]["ModalityRouteDto"];
            image?: components["schemas"]["ModalityRouteDto"];
            text?: components["schemas"]["ModalityRouteDto"];
            vision?: components["schemas"]["ModalityRouteDto"];
        };
        RoutesInput: {
            audio_stt?: components["schemas"]["ModalityRouteInput"];
            audio_tts?: components["schemas"]["ModalityRouteInput"];
            chat?: components["schemas"]["ModalityRouteInput"];
            code?: components["schemas"]["ModalityRouteInput"];
            embedding?: components["schemas"]["ModalityRouteInput"];
            image?: components["schemas"]["ModalityRouteInput"];
            text?: components["schemas"]["ModalityRouteInput"];
            vision?: components["schemas"]["ModalityRouteInput"];
        };
        SeedBatchRequestDto: {
            /** @description The chat request: {model, messages, max_tokens?, ...} */
            body: {
                [key: string]: unknown;
            };
            /** @example req-1 */
            custom_id: string;
            /** @enum {string} */
            method: "POST";
            /** @enum {string} */
            url: "/v1/chat/completions";
        };
        SeedCreateBatchDto: {
            /**
             * @default 24h
             * @enum {string}
             */
            completion_window: "24h";
            requests: components["schemas"]["SeedBatchRequestDto"][];
        };
        ServiceHealthDto: {
            /** @description How long the check took; null when none ran */
            latency_ms: number | null;
            /** @description Why it is down */
            message: string | null;
            /** @description `in_process`: embedded mode runs an in-process stand-in, so there is nothing to reach */
            status: components["schemas"]["ServiceHealthStatus"];
        };
        /**
         * @description `in_process`: embedded mode runs an in-process stand-in, so there is nothing to reach
         * @enum {string}
         */
        ServiceHealthStatus: "up" | "down" | "in_process";
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
            /**
             * @description Route to this provider (`together` or an admin-added one); same as the x-provider header
             * @example together_ai
             */
            provider?: string;
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
            frequency_penalty?: number;
            /** @description Token id → bias (at most 300 entries) */
            logit_bias?: {
                [key: string]: number;
            };
            /** @example 256 */
            max_tokens?: number;
            min_p?: number;
            /**
             * @description A specific model; by default the platform chooses for your tier
             * @example meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo
             */
            model?: string;
            presence_penalty?: number;
            /** @example Write a poem about artificial intelligence */
            prompt: string;
            /**
             * @description Route to this provider (`together` or an admin-added one); same as the x-provider header
             * @example together_ai
             */
            provider?: string;
            /**
             * @description What the answer is for; selects the model with the tier
             * @example general
             */
            purpose?: string;
            /** @description Turns thinking on or off on hybrid models (e.g. DeepSeek V3.1, Qwen3): {"enabled": false} */
            reasoning?: components["schemas"]["ReasoningSwitchDto"];
            /**
             * @description For reasoning models that take it (GPT-OSS)
             * @enum {string}
             */
            reasoning_effort?: "low" | "medium" | "high";
            repetition_penalty?: number;
            /** @description {"type":"json_object"}, {"type":"json_schema","json_schema":{"name","schema","strict"}}, {"type":"regex","pattern"} or {"type":"text"} */
            response_format?: {
                /** @enum {string} */
                type?: "text" | "json_object" | "json_schema" | "regex";
            };
            seed?: number;
            stop?: string[];
            /** @description Stream the answer as server-sent events */
            stream?: boolean;
            temperature?: number;
            /** @description Together's extension */
            top_k?: number;
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
        TierCreditsDto: {
            /** @description Enterprise tier */
            enterprise?: number;
            /** @description Free tier */
            free?: number;
            /** @description Premium tier */
            premium?: number;
        };
        TierModelsByTierDto: {
            enterprise: components["schemas"]["TierModelsDto"];
            free: components["schemas"]["TierModelsDto"];
            premium: components["schemas"]["TierModelsDto"];
        };
        TierModelsDto: {
            /** @description Models the tier may name beyond its routes */
            allowed_models?: string[];
            routes: components["schemas"]["RoutesDto"];
        };
        TierModelsInput: {
            /** @description Replaces the allow-list */
            allowed_models?: string[];
            routes?: components["schemas"]["RoutesInput"];
        };
        TierQuotaPolicyDto: {
            features: components["schemas"]["FeatureLimitsByFeatureDto"];
            /**
             * @description When Redis cannot be reached: refuse (closed, 503) or serve with per-instance limits (open)
             * @enum {string}
             */
            on_redis_failure: "closed" | "open";
            rate_limits: components["schemas"]["RateLimitsDto"];
        };
        TiersInput: {
            enterprise?: components["schemas"]["TierModelsInput"];
            free?: components["schemas"]["TierModelsInput"];
            premium?: components["schemas"]["TierModelsInput"];
        };
        TodayUsageDto: {
            cost_usd: number;
            requests: number;
        };
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
        UpdateEndpointDto: {
            display_name?: string;
            max_replicas?: number;
            min_replicas?: number;
            /**
             * @description Start or stop the endpoint
             * @enum {string}
             */
            state?: "STARTED" | "STOPPED";
        };
        UpdateFlagsDto: {
            /** @description Users may add their own Together API key */
            allow_user_keys?: boolean;
            /** @description The changes, nested */
            flags?: components["schemas"]["FlagChangesInput"];
            /** @description Fallbacks to other models, providers or cached answers */
            together_ai_fallback?: boolean;
            /** @description Free-tier access: off, free-tier users get 403 */
            together_ai_free_tier?: boolean;
            /** @description Master switch: off, every Together route answers 503 */
            together_ai_integration?: boolean;
            /** @description Model-source indicator fields on answers */
            together_ai_ui_indicators?: boolean;
        };
        UpdateModelConfigDto: {
            /** @description Save models the provider's catalog does not list (yet); without it such a model is refused */
            force?: boolean;
            /**
             * @description Settings per model id, merged with the current ones field by field
             * @example {
             *       "meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo": {
             *         "supports_continuation": true,
             *         "fallbacks": [
             *           "Qwen/Qwen2.5-7B-Instruct-Turbo"
             *         ]
             *       }
             *     }
             */
            models?: {
                [key: string]: components["schemas"]["ModelSettingsDto"];
            };
            tiers?: components["schemas"]["TiersInput"];
        };
        UpdatePricesDto: {
            /** @description Images, per megapixel */
            image_per_megapixel?: number;
            /**
             * @description Prices per model id (replaces the current ones)
             * @example {
             *       "black-forest-labs/FLUX.1-schnell": {
             *         "per_image": 0.003
             *       }
             *     }
             */
            models?: {
                [key: string]: components["schemas"]["ModelPriceDto"];
            };
            /** @description Speech, per million characters */
            speech_per_million_characters?: number;
            /** @description Monthly credits per tier (replaces the current ones) */
            tier_credits_usd?: components["schemas"]["TierCreditsDto"];
            /** @description Transcription, per minute */
            transcription_per_minute?: number;
        };
        UpdateTierPolicyDto: {
            features?: components["schemas"]["FeatureLimitsByFeatureDto"];
            /** @enum {string} */
            on_redis_failure?: "closed" | "open";
            rate_limits?: components["schemas"]["RateLimitsDto"];
        };
        UpdateUserDto: {
            /** @description false: the account and all its tokens and API keys stop working at once */
            active?: boolean;
            role?: components["schemas"]["Role"];
            tier?: components["schemas"]["Tier"];
        };
        UpdateUserOverridesDto: {
            /** @description Per feature, the limits to set for this user (merged with their current overrides) */
            features: components["schemas"]["FeatureLimitsByFeatureDto"];
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
        UsageEventDto: {
            audio_seconds: number;
            /** @description Answered from the cache of earlier answers */
            cached: boolean;
            characters: number;
            completion_tokens: number;
            cost_usd: number;
            /** @example upstream_unavailable */
            error_code: string | null;
            /** @example SAME_PROVIDER_DIFFERENT_MODEL */
            fallback_strategy: string | null;
            feature: components["schemas"]["Feature"];
            images: number;
            is_fallback: boolean;
            key_source: components["schemas"]["KeySource"];
            latency_ms: number;
            modality: components["schemas"]["Modality"];
            /**
             * Format: date-time
             * @example 2026-11-30T13:04:05.123456Z
             */
            occurred_at: string;
            prompt_tokens: number;
            /** @example together_ai */
            provider: string | null;
            /** @description The request id (also sent as x-request-id); the row is unique by it */
            request_id: string;
            /** @description The model the caller named, if any */
            requested_model: string | null;
            /** @description The model that answered (null if none did) */
            served_model: string | null;
            /**
             * @description The HTTP status answered; 400 or more is an error
             * @example 200
             */
            status: number;
            tier: components["schemas"]["Tier"];
            total_tokens: number;
            /** @description Time to first token (streams) */
            ttft_ms: number | null;
            /** @description Null when the account no longer exists */
            user_email: string | null;
            /** Format: uuid */
            user_id: string;
        };
        UsageEventPageDto: {
            /** @description Newest first */
            data: components["schemas"]["UsageEventDto"][];
            /** @description Pass as `cursor` for the next (older) page; null on the last page */
            next_cursor: string | null;
        };
        UsageExportRowDto: {
            audio_seconds: number | string;
            cached: boolean;
            characters: number;
            completion_tokens: number;
            cost_usd: number | string;
            error_code: string | null;
            fallback_strategy: string | null;
            feature: components["schemas"]["Feature"];
            images: number;
            is_fallback: boolean;
            /** @enum {string} */
            key_source: "system" | "user";
            latency_ms: number;
            modality: components["schemas"]["Modality"];
            /** Format: date-time */
            occurred_at: string;
            prompt_tokens: number;
            provider: string | null;
            request_id: string;
            requested_model: string | null;
            served_model: string | null;
            /** @description The HTTP status answered */
            status: number;
            tier: components["schemas"]["Tier"];
            total_tokens: number;
            ttft_ms: number | null;
            /** Format: uuid */
            user_id: string;
        };
        UsageGroupDto: {
            cache_rate: number;
            completion_tokens: number;
            /** @description USD */
            cost_usd: number;
            /**
             * Format: date
             * @example 2026-11-30
             */
            day?: string;
            error_rate: number;
            errors: number;
            fallback_rate: number;
            feature?: components["schemas"]["Feature"];
            latency_ms: components["schemas"]["LatencyDto"];
            model?: string;
            prompt_tokens: number;
            requests: number;
            tier?: components["schemas"]["Tier"];
            total_tokens: number;
            /** Format: uuid */
            user?: string;
        };
        UsageQueueDto: {
            active: number;
            /** @description False when Redis did not answer (the counts are then 0) */
            available: boolean;
            /** @description Batches waiting to be retried */
            delayed: number;
            /** @description Batches that failed every attempt */
            failed: number;
            /** @description `queue`: the worker writes events from Redis; `in_process`: embedded mode, no queue (counts 0) */
            mode: components["schemas"]["UsageQueueMode"];
            /** @description Batches of events waiting for the worker */
            waiting: number;
        };
        /**
         * @description `queue`: the worker writes events from Redis; `in_process`: embedded mode, no queue (counts 0)
         * @enum {string}
         */
        UsageQueueMode: "queue" | "in_process";
        UsageReportDto: {
            data: components["schemas"]["UsageGroupDto"][];
            /** @description Dedicated endpoints billed by the minute while running in the range; null when the filters name a user, tier, feature, key source or status (their running time belongs to none) */
            dedicated_endpoints: components["schemas"]["CapacityCostDto"] | null;
            /** @enum {string} */
            group_by: "day" | "model" | "user" | "tier" | "feature";
            /** @description totals.cost_usd plus the dedicated endpoints' running cost */
            total_cost_usd: number;
            /** @description Requests and their token cost */
            totals: components["schemas"]["UsageTotalsDto"];
        };
        UsageSeriesDto: {
            /**
             * @description The width of each point (UTC days)
             * @enum {string}
             */
            bucket: "day";
            /** @description The series, most requests first; "other" (last) when some keys were folded */
            keys: string[];
            /** @description One point per day of the range (at most 366) and key, zeros included, oldest first */
            series: components["schemas"]["UsageSeriesPointDto"][];
        };
        UsageSeriesPointDto: {
            cache_hits: number;
            completion_tokens: number;
            cost_usd: number;
            /**
             * Format: date
             * @example 2026-11-30
             */
            day: string;
            errors: number;
            fallbacks: number;
            /**
             * @description The model, tier or feature; "all" when not split; "other" for the keys past the top ones
             * @example meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo
             */
            key: string;
            prompt_tokens: number;
            requests: number;
        };
        /** @enum {string} */
        UsageSplit: "model" | "tier" | "feature" | "none";
        UsageTotalsDto: {
            cache_rate: number;
            completion_tokens: number;
            /** @description USD */
            cost_usd: number;
            error_rate: number;
            errors: number;
            fallback_rate: number;
            latency_ms: components["schemas"]["LatencyDto"];
            prompt_tokens: number;
            requests: number;
            total_tokens: number;
        };
        UserDto: {
            email: string;
            /** Format: uuid */
            id: string;
            role: components["schemas"]["Role"];
            tier: components["schemas"]["Tier"];
        };
        UserOverridesDto: {
            overrides: components["schemas"]["FeatureLimitsByFeatureDto"];
            /** Format: uuid */
            user_id: string;
        };
        UserQuotaDto: {
            audio_stt: components["schemas"]["FeatureQuotaDto"];
            audio_tts: components["schemas"]["FeatureQuotaDto"];
            code_generation: components["schemas"]["FeatureQuotaDto"];
            image_generation: components["schemas"]["FeatureQuotaDto"];
            /** @description The user's own limits, per feature */
            overrides: components["schemas"]["FeatureLimitsByFeatureDto"];
            rate_limits: components["schemas"]["RateLimitsDto"];
            /**
             * Format: date-time
             * @description The next 00:00 UTC
             */
            resets_at: string;
            text_generation: components["schemas"]["FeatureQuotaDto"];
            tier: components["schemas"]["Tier"];
            /** Format: uuid */
            user_id: string;
            vision_analysis: components["schemas"]["FeatureQuotaDto"];
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
                content: {
                    "application/json": components["schemas"]["AuditEntryPageDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    EndpointsController_list: {
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
                    "application/json": components["schemas"]["EndpointListDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    EndpointsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateEndpointDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EndpointDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflicts with the current state (for example, the email is taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    EndpointsController_findOne: {
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
                content: {
                    "application/json": components["schemas"]["EndpointDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    EndpointsController_remove: {
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
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    EndpointsController_update: {
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
                "application/json": components["schemas"]["UpdateEndpointDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EndpointDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    EndpointsController_usage: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
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
                content: {
                    "application/json": components["schemas"]["EndpointStatsDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
                content: {
                    "application/json": components["schemas"]["FeatureFlagsDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
                "application/json": components["schemas"]["UpdateFlagsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeatureFlagsDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    FlagsController_set: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: components["schemas"]["FeatureFlag"];
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
                content: {
                    "application/json": components["schemas"]["FeatureFlagsDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
                content: {
                    "application/json": components["schemas"]["GatewayStatsDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    HardwareController_list: {
        parameters: {
            query?: {
                /** @description Only hardware that fits this model, with availability */
                model?: string;
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
                    "application/json": components["schemas"]["HardwareListDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
                content: {
                    "application/json": components["schemas"]["ModelConfigDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
                "application/json": components["schemas"]["UpdateModelConfigDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelConfigDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ModelUploadsController_list: {
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
                    "application/json": components["schemas"]["ModelUploadListDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ModelUploadsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateModelUploadDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelUploadDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflicts with the current state (for example, the email is taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ModelUploadsController_findOne: {
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
                content: {
                    "application/json": components["schemas"]["ModelUploadDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminCatalogController_list: {
        parameters: {
            query?: {
                modality?: components["schemas"]["Modality"];
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
                    "application/json": components["schemas"]["AdminCatalogDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ModelStatsController_usage: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
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
                content: {
                    "application/json": components["schemas"]["ModelStatsDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    OverviewController_get: {
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
                    "application/json": components["schemas"]["OverviewDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
                content: {
                    "application/json": components["schemas"]["PriceTableDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
                "application/json": components["schemas"]["UpdatePricesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PriceTableDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    SystemKeysController_list: {
        parameters: {
            query?: {
                /** @description Only this provider (e.g. together_ai) */
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
                content: {
                    "application/json": components["schemas"]["ProviderKeyListDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
                content: {
                    "application/json": components["schemas"]["ProviderKeyDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflicts with the current state (for example, the email is taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    SystemKeysController_setLimits: {
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
                "application/json": components["schemas"]["ProviderKeyLimitsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProviderKeyDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
                content: {
                    "application/json": components["schemas"]["RotatedProviderKeyDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflicts with the current state (for example, the email is taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
                content: {
                    "application/json": components["schemas"]["ProviderListDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
                content: {
                    "application/json": components["schemas"]["ProviderDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflicts with the current state (for example, the email is taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    QuotaAdminController_requests: {
        parameters: {
            query?: {
                page?: number;
                page_size?: number;
                status?: components["schemas"]["QuotaRequestStatus"];
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
                    "application/json": components["schemas"]["QuotaRequestPageDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
                "application/json": components["schemas"]["ApproveDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaRequestDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflicts with the current state (for example, the email is taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
                "application/json": components["schemas"]["DenyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaRequestDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflicts with the current state (for example, the email is taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    QuotaAdminController_tier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tier: components["schemas"]["Tier"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TierQuotaPolicyDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    QuotaAdminController_updateTier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tier: components["schemas"]["Tier"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTierPolicyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TierQuotaPolicyDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
                content: {
                    "application/json": components["schemas"]["UserQuotaDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
                "application/json": components["schemas"]["UpdateUserOverridesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserOverridesDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    QuotaAdminController_clearUser: {
        parameters: {
            query?: {
                /** @description Only this feature */
                feature?: components["schemas"]["Feature"];
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
                content: {
                    "application/json": components["schemas"]["UsageReportDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminUsageController_events: {
        parameters: {
            query?: {
                /** @description Where the page starts: the `next_cursor` of the previous page, unchanged (opaque) */
                cursor?: string;
                feature?: "text_generation" | "code_generation" | "image_generation" | "vision_analysis" | "audio_tts" | "audio_stt";
                from?: string;
                key_source?: "system" | "user";
                limit?: number;
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
                content: {
                    "application/json": components["schemas"]["UsageEventPageDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
            /** @description A file download (content-disposition: attachment) in the format asked for */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsageExportRowDto"][];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdminUsageController_usageSeries: {
        parameters: {
            query?: {
                feature?: "text_generation" | "code_generation" | "image_generation" | "vision_analysis" | "audio_tts" | "audio_stt";
                from?: string;
                key_source?: "system" | "user";
                model?: string;
                split_by?: components["schemas"]["UsageSplit"];
                status?: "ok" | "error";
                tier?: components["schemas"]["Tier"];
                to?: string;
                /** @description The keys with the most requests kept apart; the rest are summed as "other" */
                top?: number;
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
                content: {
                    "application/json": components["schemas"]["UsageSeriesDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    UsersController_search: {
        parameters: {
            query?: {
                /** @description true: active accounts only; false: deactivated ones only */
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
                content: {
                    "application/json": components["schemas"]["AdminUserPageDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflicts with the current state (for example, the email is taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    UsersController_findOne: {
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
                content: {
                    "application/json": components["schemas"]["AdminUserDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
                content: {
                    "application/json": components["schemas"]["AdminUserDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflicts with the current state (for example, the email is taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    UsersController_resetPassword: {
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
                "application/json": components["schemas"]["ResetPasswordDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
                content: {
                    "application/json": components["schemas"]["AccessTokenDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflicts with the current state (for example, the email is taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
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
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
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
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
                content: {
                    "application/json": components["schemas"]["ApiKeyListDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
                content: {
                    "application/json": components["schemas"]["CreatedApiKeyDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflicts with the current state (for example, the email is taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
                content: {
                    "application/json": components["schemas"]["BillingDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
            /** @description Changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
                content: {
                    "application/json": components["schemas"]["MyProviderKeyListDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
                content: {
                    "application/json": components["schemas"]["ProviderKeyDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
                content: {
                    "application/json": components["schemas"]["ProviderKeyDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
                content: {
                    "application/json": components["schemas"]["ProviderKeyDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
                content: {
                    "application/json": components["schemas"]["QuotaRequestPageDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
                content: {
                    "application/json": components["schemas"]["QuotaRequestDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Conflicts with the current state (for example, the email is taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
                content: {
                    "application/json": components["schemas"]["MyUsageDto"];
                };
            };
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
    TogetherBatchesController_list: {
        parameters: {
            query?: {
                /** @description The last batch id of the previous page */
                after?: string;
                limit?: number;
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
                    "application/json": components["schemas"]["BatchListDto"];
                };
            };
        };
    };
    TogetherBatchesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SeedCreateBatchDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchObjectDto"];
                };
            };
        };
    };
    TogetherBatchesController_get: {
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
                content: {
                    "application/json": components["schemas"]["BatchObjectDto"];
                };
            };
        };
    };
    TogetherBatchesController_cancel: {
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
                content: {
                    "application/json": components["schemas"]["BatchObjectDto"];
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
                modality?: components["schemas"]["Modality"];
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
            /** @description Invalid input; `param` names the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not available right now */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ModelsController_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The model id, e.g. moonshotai/Kimi-K3 (slashes as is or %2F) */
                path: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogModelDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not available right now */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
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
                content: {
                    "application/json": components["schemas"]["QuotaViewDto"];
                };
            };
            /** @description Missing, invalid or expired credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not allowed (for example, not an admin) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description Not available right now */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
                content: {
                    "application/json": components["schemas"]["LivenessDto"];
                };
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
                content: {
                    "application/json": components["schemas"]["ReadinessDto"];
                };
            };
            /** @description Not available right now */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
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
    OpenAiMediaController_translate: {
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
    OpenAiBatchesController_list: {
        parameters: {
            query?: {
                /** @description The last batch id of the previous page */
                after?: string;
                limit?: number;
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
                    "application/json": components["schemas"]["BatchListDto"];
                };
            };
        };
    };
    OpenAiBatchesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBatchDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchObjectDto"];
                };
            };
        };
    };
    OpenAiBatchesController_get: {
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
                content: {
                    "application/json": components["schemas"]["BatchObjectDto"];
                };
            };
        };
    };
    OpenAiBatchesController_cancel: {
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
                content: {
                    "application/json": components["schemas"]["BatchObjectDto"];
                };
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
    OpenAiBatchesController_files: {
        parameters: {
            query?: {
                /** @description The last file id of the previous page */
                after?: string;
                limit?: number;
                order?: "asc" | "desc";
                purpose?: "batch" | "batch_output" | "batch_error";
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
                    "application/json": components["schemas"]["FileListDto"];
                };
            };
        };
    };
    OpenAiBatchesController_upload: {
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
                    "application/json": components["schemas"]["FileObjectDto"];
                };
            };
        };
    };
    OpenAiBatchesController_file: {
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
                content: {
                    "application/json": components["schemas"]["FileObjectDto"];
                };
            };
        };
    };
    OpenAiBatchesController_deleteFile: {
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
                content: {
                    "application/json": components["schemas"]["FileDeletedDto"];
                };
            };
        };
    };
    OpenAiBatchesController_content: {
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
    OpenAiModelsController_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The model id, e.g. moonshotai/Kimi-K3 (slashes as is or %2F) */
                path: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ResponsesController_respond: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenAiResponseDto"];
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
    ResponsesController_retrieve: {
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
    ResponsesController_remove: {
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
    ResponsesController_inputItems: {
        parameters: {
            query?: {
                /** @description The id of the item the page starts after */
                after?: string;
                include?: components["schemas"]["Object"];
                limit?: number;
                order?: "asc" | "desc";
            };
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
}

/** The platform's feature flags: the specification's four, and whether users may bring their own keys. */
export const FEATURE_FLAGS = {
  together_ai_integration: 'Master switch: off, every Together route answers 503',
  together_ai_free_tier: 'Free-tier access: off, free-tier users get 403',
  together_ai_fallback: 'Fallbacks to other models, providers or cached answers',
  together_ai_ui_indicators: 'Model-source indicator fields on answers',
  allow_user_keys: 'Users may add their own Together API key',
} as const;

export type FeatureFlag = keyof typeof FEATURE_FLAGS;
export const FEATURE_FLAG_NAMES = Object.keys(FEATURE_FLAGS) as FeatureFlag[];

export function isFeatureFlag(name: string): name is FeatureFlag {
  return Object.prototype.hasOwnProperty.call(FEATURE_FLAGS, name);
}

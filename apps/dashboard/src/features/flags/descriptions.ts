import type { FeatureFlagName } from './queries';

/** The five flags in the order the README lists them (the master switch first). */
export const FLAG_ORDER: FeatureFlagName[] = [
  'together_ai_integration',
  'together_ai_free_tier',
  'together_ai_fallback',
  'together_ai_ui_indicators',
  'allow_user_keys',
];

/** What each flag does (the README's words), used when the API sends no description. */
export const FLAG_DESCRIPTIONS: Record<FeatureFlagName, string> = {
  together_ai_integration:
    'Master switch for the whole integration: when off, every Together route answers 503.',
  together_ai_free_tier: 'Free-tier access: when off, free-tier users get 403.',
  together_ai_fallback:
    'Fallbacks to other models, other providers or cached answers: when off, only the primary model is tried.',
  together_ai_ui_indicators: 'The model-source indicator fields on answers (and in the playground).',
  allow_user_keys: 'Users may bring their own Together AI key. Off by default.',
};

/** Flags in display order, each with a description (the API's when it sends one). */
export function orderedFlags<T extends { name: FeatureFlagName; description?: string | null }>(
  flags: T[],
): Array<T & { description: string }> {
  const rank = (name: FeatureFlagName) => {
    const index = FLAG_ORDER.indexOf(name);
    return index === -1 ? FLAG_ORDER.length : index;
  };
  return [...flags]
    .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name))
    .map((flag) => ({ ...flag, description: flag.description || FLAG_DESCRIPTIONS[flag.name] || '' }));
}

export const TIERS = ['free', 'premium', 'enterprise'] as const;
export type Tier = (typeof TIERS)[number];

export const ROLES = ['user', 'admin'] as const;
export type Role = (typeof ROLES)[number];

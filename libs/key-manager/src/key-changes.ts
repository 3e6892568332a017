/** Change-bus topic: provider keys changed; the payload is `system` or `user:<id>`. */
export const PROVIDER_KEYS_CHANGED = 'provider-keys.changed';
export const systemKeysChanged = () => 'system';
export const userKeysChanged = (userId: string) => `user:${userId}`;

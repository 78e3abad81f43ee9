/**
 * Beta features a user can switch on in settings. Code asks `hasBetaFeature(user, key)`;
 * adding a flag is one entry here.
 */
export const betaFeatures = [
  {
    key: 'workspace-v2',
    label: 'New workspace layout',
    description: 'Try the redesigned panel grid on project pages.',
  },
  {
    key: 'live-charts',
    label: 'Live charts',
    description: 'Stream new points into charts of running runs without polling.',
  },
  {
    key: 'report-comments',
    label: 'Report comments',
    description: 'Comment on panels in shared reports.',
  },
] as const;

export type BetaFeatureKey = (typeof betaFeatures)[number]['key'];

export function isBetaFeatureKey(key: string): key is BetaFeatureKey {
  return betaFeatures.some((feature) => feature.key === key);
}

/** Reads a user's stored toggles; unknown keys (flags since removed) are ignored. */
export function enabledBetaFeatures(stored: unknown): BetaFeatureKey[] {
  const toggles = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  return betaFeatures
    .filter((feature) => toggles[feature.key] === true)
    .map((feature) => feature.key);
}

export function hasBetaFeature(user: { betaFeatures: unknown }, key: BetaFeatureKey): boolean {
  return enabledBetaFeatures(user.betaFeatures).includes(key);
}

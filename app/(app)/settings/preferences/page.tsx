import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AlertPreferencesForm } from '@/components/settings/alert-preferences-form';
import { BetaFeatureToggle } from '@/components/settings/beta-feature-toggle';
import { SettingsPageHeader } from '@/components/settings/settings-page-header';
import { Card } from '@/components/ui/card';
import { betaFeatures, enabledBetaFeatures } from '@/lib/accounts/feature-flags';
import { alertPreferencesOf } from '@/lib/accounts/profile';
import { getViewer } from '@/lib/accounts/viewer';
import { lastDeliveryProblem } from '@/lib/alerts/delivery-problem';
import { getCurrentActor } from '@/lib/auth/current-actor';

export const metadata: Metadata = { title: 'Alerts & beta features' };

export default async function PreferencesSettingsPage() {
  const viewer = await getViewer(await getCurrentActor());
  if (!viewer) redirect('/signin?callbackUrl=/settings/preferences');
  const preferences = alertPreferencesOf(viewer.user);
  const enabled = enabledBetaFeatures(viewer.user.betaFeatures);
  const deliveryProblem = await lastDeliveryProblem({ userId: viewer.user.id });

  return (
    <>
      <SettingsPageHeader
        title="Alerts & beta features"
        description="Choose how you hear about your runs, and try features before everyone else."
      />
      <div className="space-y-6">
        <Card
          title="Alerts"
          description="Get notified about runs in your personal projects when they finish, fail or crash, or when your code sends an alert: by email to your primary address or in Slack."
        >
          <AlertPreferencesForm preferences={preferences} deliveryProblem={deliveryProblem} />
        </Card>
        <Card
          title="Beta features"
          description="Sneak previews of features in development. Each switch saves right away."
        >
          <div className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {betaFeatures.map((feature) => (
              <BetaFeatureToggle
                key={feature.key}
                featureKey={feature.key}
                label={feature.label}
                description={feature.description}
                enabled={enabled.includes(feature.key)}
              />
            ))}
          </div>
        </Card>
      </div>
    </>
  );
}

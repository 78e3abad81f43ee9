'use client';

import { Bot, Cloud, HardDrive, ShieldCheck, SlidersHorizontal, Users } from 'lucide-react';
import { SideNav } from '@/components/ui/side-nav';

/**
 * Team settings sections; the members page is the settings root. `rolesOnly`: an
 * organization admin who is no admin of the team, for whom Roles is the only section.
 */
export function TeamSettingsNav({
  teamName,
  rolesOnly = false,
}: {
  teamName: string;
  rolesOnly?: boolean;
}) {
  const base = `/teams/${teamName}/settings`;
  const items = [
    { href: base, label: 'Members', icon: Users },
    { href: `${base}/roles`, label: 'Roles', icon: ShieldCheck },
    { href: `${base}/service-accounts`, label: 'Service accounts', icon: Bot },
    { href: `${base}/usage`, label: 'Usage', icon: HardDrive },
    { href: `${base}/storage`, label: 'Storage', icon: Cloud },
    { href: `${base}/general`, label: 'General', icon: SlidersHorizontal },
  ];
  return (
    <SideNav
      label="Team settings"
      items={rolesOnly ? items.filter((item) => item.label === 'Roles') : items}
    />
  );
}

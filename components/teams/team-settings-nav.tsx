'use client';

import { Bot, SlidersHorizontal, Users } from 'lucide-react';
import { SideNav } from '@/components/ui/side-nav';

/** Team settings sections; the members page is the settings root. */
export function TeamSettingsNav({ teamName }: { teamName: string }) {
  const base = `/teams/${teamName}/settings`;
  const items = [
    { href: base, label: 'Members', icon: Users },
    { href: `${base}/service-accounts`, label: 'Service accounts', icon: Bot },
    { href: `${base}/general`, label: 'General', icon: SlidersHorizontal },
  ];
  return <SideNav label="Team settings" items={items} />;
}
